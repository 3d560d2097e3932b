package io.cameljwt.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.Processor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed seed corpus still does its job: its legitimate tokens are accepted by the fuzz tests' endpoints (so
 * the fuzzer starts from tokens that reach every check, and the test keys or secrets have not changed under them; if
 * they have, run {@link SeedCorpusWriter} again), and a hostile seed is refused.
 */
class SeedCorpusTest {

    @Test
    void everySignedSeedIsAcceptedByTheEndpointOfItsAlgorithm() throws Exception {
        Processor hmac = FuzzEndpoints.validate(FuzzEndpoints.hmacConfig());
        Processor publicKeys = FuzzEndpoints.validate(FuzzEndpoints.publicKeyConfig());
        List<String> signed = SeedCorpus.validTokens(TokenFuzzTest.class, "validateAcceptsOnlyTheTokensThatWereSigned");
        assertTrue(signed.size() >= 5, "a signed seed per algorithm");
        for (String token : signed) {
            assertTrue(FuzzEndpoints.accepts(hmac, token) || FuzzEndpoints.accepts(publicKeys, token),
                    "a valid-* seed is refused: " + token.substring(0, 20));
        }
        assertFalse(FuzzEndpoints.accepts(hmac, signed.get(0) + "x"), "a changed token is accepted");
    }

    @Test
    void everyEncryptedSeedIsAcceptedByTheEndpointOfItsKey() throws Exception {
        Processor keys = FuzzEndpoints.validate(JweFuzzTest.keysConfig());
        Processor password = FuzzEndpoints.validate(JweFuzzTest.passwordConfig());
        List<String> encrypted = SeedCorpus.validTokens(JweFuzzTest.class,
                "validateAcceptsOnlyTheEncryptedTokensThatWereMade");
        assertTrue(encrypted.size() >= 7, "an encrypted seed per key management algorithm");
        for (String token : encrypted) {
            assertTrue(FuzzEndpoints.accepts(keys, token) || FuzzEndpoints.accepts(password, token),
                    "a valid-* seed is refused: " + token.substring(0, 20));
        }
    }

    @Test
    void theValidClaimsSeedIsAcceptedOnceSigned() throws Exception {
        Processor hmac = FuzzEndpoints.validate(FuzzEndpoints.hmacConfig());
        String seed = FuzzEndpoints.resource("io/cameljwt/fuzz/TokenFuzzTestInputs/"
                                             + "validateChecksTheClaimsOfEverySignedToken/valid");
        String[] lines = seed.split("\n", 2);
        assertTrue(FuzzEndpoints.accepts(hmac, FuzzEndpoints.hs256(lines[0].getBytes(StandardCharsets.UTF_8),
                lines[1].getBytes(StandardCharsets.UTF_8))));
    }
}
