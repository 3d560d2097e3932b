package io.cameljwt.internal.verify;

import java.util.Map;
import java.util.stream.Stream;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.verify.WycheproofVectors.Outcome;
import io.cameljwt.internal.verify.WycheproofVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Wycheproof {@code json_web_key_test.json}: JWK Sets that must load and verify their token, and sets that must be
 * refused, at configuration (IllegalArgumentException) or, failing that, when the token comes. Each set is tried as
 * the group gives it, private and public: a private key verifies through its public half, so both must agree. The
 * algorithm list is the keys' own {@code alg}, as for the signature vectors. The file has no {@code acceptable}
 * vectors.
 */
class WycheproofKeyTest {

    private static final String FILE = "json_web_key_test.json";

    private static final Map<Integer, Outcome> EXPECTED = Map.ofEntries(
            // an HS256 secret and an ES256 key in one set (flags MixedKeySet, Ambiguous)
            entry(1, Outcome.KEY_REFUSED),
            // two HS256 secrets with distinct kids: the token's kid picks the right one
            entry(2, Outcome.VERIFIED),
            entry(3, Outcome.refused(JwtFailure.SIGNATURE_INVALID)),
            // two different secrets under one kid (flags DuplicateKid, Ambiguous)
            entry(4, Outcome.KEY_REFUSED),
            entry(5, Outcome.VERIFIED),
            // an RSA key for RSA1_5 encryption ("use": "enc"): no verification key
            entry(6, Outcome.KEY_REFUSED),
            // an RSA key with the ROCA fingerprint (CVE-2017-15361)
            entry(7, Outcome.KEY_REFUSED),
            // a 1024-bit RSA key (under 2048 bits)
            entry(8, Outcome.KEY_REFUSED),
            // an RSA key with public exponent 1, which makes every padded message its own signature
            entry(9, Outcome.KEY_REFUSED),
            // HMAC secrets shorter than their hash (RFC 7518 section 3.2), then long enough, then empty
            entry(10, Outcome.KEY_REFUSED),
            entry(11, Outcome.KEY_REFUSED),
            entry(12, Outcome.KEY_REFUSED),
            entry(13, Outcome.VERIFIED),
            entry(14, Outcome.VERIFIED),
            entry(15, Outcome.VERIFIED),
            entry(16, Outcome.KEY_REFUSED),
            entry(17, Outcome.KEY_REFUSED),
            entry(18, Outcome.KEY_REFUSED),
            // a P-256 key whose alg is "ES521" (no JWS algorithm), then "ES224" (not supported)
            entry(19, Outcome.KEY_REFUSED),
            entry(20, Outcome.KEY_REFUSED),
            // an ES256 key with "use": "enc"
            entry(21, Outcome.KEY_REFUSED),
            // an EC point that is not on P-256
            entry(22, Outcome.KEY_REFUSED),
            // a P-384 key whose alg is ES256
            entry(23, Outcome.KEY_REFUSED),
            // EC parameters under "kty": "RSA"
            entry(24, Outcome.KEY_REFUSED),
            // AES keys whose alg is A256GCM or A256KW, though "use": "sig"
            entry(25, Outcome.KEY_REFUSED),
            entry(26, Outcome.KEY_REFUSED));

    static Stream<Arguments> vectors() {
        return WycheproofVectors.jwsVectors(FILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void keySetLoadsAndVerifiesOrIsRefusedAsExpected(String name, Vector vector) {
        Outcome expected = EXPECTED.get(vector.tcId());
        assertNotNull(expected, "no expectation for " + vector);
        assertEquals(vector.valid(), expected == Outcome.VERIFIED,
                name + ": the expectation contradicts the vector's result");
        for (String set : new String[] { "private", "public" }) {
            if (vector.group().has(set)) {
                assertEquals(expected, WycheproofVectors.verify(vector.group().get(set).toString(), vector.jws()),
                        name + ", with the group's " + set + " key set");
            }
        }
    }

    @Test
    void everyVectorOfTheFileIsRun() {
        assertEquals(26, vectors().count());
    }
}
