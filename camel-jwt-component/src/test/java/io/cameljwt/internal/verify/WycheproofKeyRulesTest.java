package io.cameljwt.internal.verify;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameljwt.JwtFailure;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import io.cameljwt.internal.verify.WycheproofVectors.Outcome;
import io.cameljwt.internal.verify.WycheproofVectors.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Focused checks, with Wycheproof's keys and tokens, of what the vector tests rely on: that a set of several candidate
 * keys is tried key by key on one parsed token, and the key rules the vectors made the component add.
 */
class WycheproofKeyRulesTest {

    private static final String SIGNATURES = "json_web_signature_test.json";
    private static final String KEYS = "json_web_key_test.json";

    /** HS256 token signed with the key of the "hs256" group (kid kid-aes-sign). */
    private static final Vector HS256_TOKEN = WycheproofVectors.vector(SIGNATURES, 1);
    /** RS256 token signed with the key of the "rs256" group (kid kid-rsa-sign). */
    private static final Vector RS256_TOKEN = WycheproofVectors.vector(SIGNATURES, 33);

    @Test
    void oneParsedTokenIsCheckedAgainWithEachVerifiersKey() throws Exception {
        Token token = Token.parse(RS256_TOKEN.jws());
        JwsVerifier signer = rs256Verifier(RS256_TOKEN);
        signer.verify(token);
        TokenRefusal refusal = assertThrows(TokenRefusal.class,
                () -> rs256Verifier(WycheproofVectors.vector(SIGNATURES, 259)).verify(token));
        assertEquals(JwtFailure.SIGNATURE_INVALID, refusal.reason(), "a result from the first key was reused");
        signer.verify(token);
    }

    private static JwsVerifier rs256Verifier(Vector vector) {
        return new JwsVerifier(VerificationKeys.of(
                KeyLoader.jwkEntries(set(withoutKid(publicJwk(SIGNATURES, vector.tcId()))), "jwks"), "RS256"));
    }

    @Test
    void secondOfTwoHmacKeysWithoutKidVerifies() {
        String set = set(withoutKid(secret(KEYS, 3, 1)), withoutKid(secret(SIGNATURES, 1, 0)));
        assertEquals(Outcome.VERIFIED, WycheproofVectors.verify(set, HS256_TOKEN.jws()));
    }

    @Test
    void tokenMatchingNeitherOfTwoHmacKeysIsRefusedAsSignatureInvalid() {
        String set = set(withoutKid(secret(KEYS, 3, 1)), withoutKid(secret(KEYS, 13, 0)));
        assertEquals(Outcome.refused(JwtFailure.SIGNATURE_INVALID), WycheproofVectors.verify(set, HS256_TOKEN.jws()));
    }

    @Test
    void secondOfTwoRsaKeysWithoutKidVerifies() {
        String set = set(withoutKid(publicJwk(SIGNATURES, 259)), withoutKid(publicJwk(SIGNATURES, 33)));
        assertEquals(Outcome.VERIFIED, WycheproofVectors.verify(set, RS256_TOKEN.jws()));
    }

    @Test
    void tokenMatchingNeitherOfTwoRsaKeysIsRefusedAsSignatureInvalid() {
        String set = set(withoutKid(publicJwk(SIGNATURES, 259)), withoutKid(publicJwk(SIGNATURES, 345)));
        assertEquals(Outcome.refused(JwtFailure.SIGNATURE_INVALID), WycheproofVectors.verify(set, RS256_TOKEN.jws()));
    }

    @Test
    void encryptionKeysOfASetAreLeftOutAndItsSigningKeyStillVerifies() throws Exception {
        ObjectNode forEncryption = withoutKid(secret(KEYS, 13, 0)).put("kid", "enc-key");
        forEncryption.putArray("key_ops").add("encrypt");
        VerificationKeys keys = VerificationKeys.of(
                KeyLoader.jwkEntries(set(forEncryption, secret(SIGNATURES, 1, 0)), "jwks"), "HS256");
        new JwsVerifier(keys).verify(HS256_TOKEN.jws());
        assertEquals(List.of("kid-aes-sign"), keys.candidates("HS256", null).stream().map(KeyEntry::kid).toList());
    }

    @Test
    void mixedSetIsAcceptedWhenTheAlgorithmNarrowsItToOneKind() throws Exception {
        String mixed = WycheproofVectors.vector(KEYS, 1).group().get("private").toString();
        VerificationKeys keys = VerificationKeys.of(KeyLoader.jwkEntries(mixed, "jwks"), "ES256");
        new JwsVerifier(keys).verify(WycheproofVectors.vector(SIGNATURES, 18).jws());
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> new JwsVerifier(keys).verify(HS256_TOKEN.jws()));
        assertEquals(JwtFailure.ALGORITHM_NOT_ALLOWED, refusal.reason());
    }

    @Test
    void sameKeyTwiceUnderOneKidIsAccepted() {
        JsonNode key = secret(SIGNATURES, 1, 0);
        assertEquals(Outcome.VERIFIED, WycheproofVectors.verify(set(key, key), HS256_TOKEN.jws()));
    }

    @Test
    void keyBoundToNoJwsAlgorithmIsRefusedNamingTheKeyWhenNoAlgorithmIsConfigured() {
        // "alg": "ES521" on a P-256 key; without the algorithm option the keys' own alg would be used
        String set = WycheproofVectors.vector(KEYS, 19).group().get("public").toString();
        List<KeyEntry> entries = KeyLoader.jwkEntries(set, "jwks");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.of(entries, null));
        assertTrue(e.getMessage().contains("kid kid-ec-sign") && e.getMessage().contains("ES521"), e.getMessage());
    }

    @Test
    void unreadableKeyOfASetIsRefusedRatherThanLeftOut() {
        // the empty secret of tcId 16 next to a good one: jose4j's JsonWebKeySet would quietly drop it
        String set = set(secret(SIGNATURES, 1, 0), secret(KEYS, 16, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyLoader.jwkEntries(set, "jwks"));
        assertTrue(e.getMessage().startsWith("Option 'jwks': key 2 of the JWK Set (kid hs256_key)"), e.getMessage());
    }

    /** The public JWK of the group of a signature vector. */
    private static JsonNode publicJwk(String file, int tcId) {
        return WycheproofVectors.vector(file, tcId).group().get("public");
    }

    /** An HMAC JWK: the group's private JWK, or member {@code index} of its private JWK Set. */
    private static JsonNode secret(String file, int tcId, int index) {
        JsonNode key = WycheproofVectors.vector(file, tcId).group().get("private");
        return key.has("keys") ? key.get("keys").get(index) : key;
    }

    /** A copy without kid, so that every key of a set is a candidate for any token. */
    private static ObjectNode withoutKid(JsonNode jwk) {
        ObjectNode copy = jwk.deepCopy();
        copy.remove("kid");
        return copy;
    }

    private static String set(JsonNode... keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append(keys[i]);
        }
        return json.append("]}").toString();
    }
}
