package io.cameljwt.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cameljwt.JwtConfiguration;
import io.cameljwt.internal.keys.Pem;
import org.apache.camel.Processor;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes the unwrapping of encrypted tokens ({@code JweDecrypter}) in {@code jwt:validate} with
 * {@code requireEncryption}: RSA-OAEP, ECDH-ES and AES key wrap keys on one endpoint, PBES2 on another. An encrypted
 * token is either refused with a {@link io.cameljwt.JwtValidationException} or accepted; anything else thrown, a hang
 * past the timeout, or an accepted token that was not made by the keys' owner fails the test.
 */
class JweFuzzTest {

    private static final Processor KEYS = FuzzEndpoints.validate(keysConfig());
    private static final Processor PASSWORD_ENDPOINT = FuzzEndpoints.validate(passwordConfig());
    /** The seeds encrypted for the endpoints (each holding a token signed for them): nothing else may pass. */
    private static final List<String> ENCRYPTED = SeedCorpus.validTokens(JweFuzzTest.class,
            "validateAcceptsOnlyTheEncryptedTokensThatWereMade");

    /**
     * Any text, starting from JWEs of every key management algorithm the endpoints accept and hostile ones: an encrypted
     * token is accepted only if it is byte for byte one that was made for the endpoint.
     */
    @FuzzTest(maxDuration = "5m")
    void validateAcceptsOnlyTheEncryptedTokensThatWereMade(byte[] input) {
        PerInputBound.check(() -> {
            check(new String(input, StandardCharsets.UTF_8));
        });
    }

    /**
     * Five-part text whose header is the fuzzer's JSON and whose other four parts are those of a JWE that was made (the
     * first line picks which, the rest is the header): fuzzes every check of the header (alg, enc, zip, cty, p2c, kid,
     * crit, epk) before and while a key is used. Only the untouched header may be accepted.
     */
    @FuzzTest(maxDuration = "5m")
    void validateRefusesEveryRewrittenHeader(byte[] input) {
        PerInputBound.check(() -> {
            String text = new String(input, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline < 1) {
                return;
            }
            int which;
            try {
                which = Math.floorMod(Integer.parseInt(text.substring(0, newline).trim()), ENCRYPTED.size());
            } catch (NumberFormatException e) {
                return;
            }
            String[] parts = ENCRYPTED.get(which).split("\\.", -1);
            parts[0] = FuzzEndpoints.b64(text.substring(newline + 1).getBytes(StandardCharsets.UTF_8));
            check(String.join(".", parts));
        });
    }

    private static void check(String token) throws Exception {
        boolean acceptedByKeys = FuzzEndpoints.accepts(KEYS, token);
        boolean acceptedByPassword = FuzzEndpoints.accepts(PASSWORD_ENDPOINT, token);
        if ((acceptedByKeys || acceptedByPassword) && !ENCRYPTED.contains(token.trim())) {
            fail("an encrypted token that was never made was accepted (" + (acceptedByKeys ? "keys" : "PBES2")
                 + " endpoint)");
        }
    }

    /** RSA, P-256 and a 32-byte AES secret, as one JWK Set: RSA-OAEP(-256), the ECDH-ES modes, A256KW, A256GCMKW. */
    static JwtConfiguration keysConfig() {
        JwtConfiguration config = FuzzEndpoints.publicKeyConfig();
        config.setDecryptionKey(decryptionJwks());
        config.setRequireEncryption(true);
        return config;
    }

    static JwtConfiguration passwordConfig() {
        JwtConfiguration config = FuzzEndpoints.publicKeyConfig();
        config.setDecryptionKey(new OctetSequenceJsonWebKey(new AesKey(FuzzEndpoints.PBES2_PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC));
        config.setKeyManagementAlgorithm("PBES2-HS256+A128KW");
        config.setMaxPbes2Count(FuzzEndpoints.MAX_PBES2_COUNT);
        config.setRequireEncryption(true);
        return config;
    }

    /** A private RSA or EC key pair of the test resources as a JWK. */
    static PublicJsonWebKey privateJwk(String family) throws JoseException {
        PublicKey publicKey = Pem.publicKey(FuzzEndpoints.resource("keys/" + family + "-public.pem"), "publicKey");
        PrivateKey privateKey = Pem.privateKey(FuzzEndpoints.resource("keys/" + family + "-pkcs8.pem"), "privateKey");
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
        jwk.setPrivateKey(privateKey);
        jwk.setKeyId(family + "-enc");
        return jwk;
    }

    private static String decryptionJwks() {
        try {
            JsonWebKeySet set = new JsonWebKeySet(privateJwk("rsa"), privateJwk("ec256"),
                    new OctetSequenceJsonWebKey(new AesKey(FuzzEndpoints.aesSecret())));
            return set.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
