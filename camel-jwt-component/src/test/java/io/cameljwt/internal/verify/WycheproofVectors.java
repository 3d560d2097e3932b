package io.cameljwt.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtFailure;
import io.cameljwt.internal.keys.Algorithms;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.params.provider.Arguments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Reads Google's Wycheproof JOSE vectors (copied unchanged under {@code src/test/resources/wycheproof}) and runs one
 * vector through the same path {@code jwt:validate} takes with a {@code jwks} option: {@link KeyLoader#jwkEntries},
 * {@link VerificationKeys#of}, {@link JwsVerifier#verify}.
 */
final class WycheproofVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WycheproofVectors() {
    }

    /** One test of a file, with the group that holds its key. */
    record Vector(int tcId, String comment, String result, List<String> flags, String groupComment, JsonNode group,
            JsonNode test) {

        boolean valid() {
            return "valid".equals(result);
        }

        boolean hasFlag(String flag) {
            return flags.contains(flag);
        }

        /** The token as text; a JSON serialization (an object in the file) becomes its JSON text. */
        String jws() {
            JsonNode jws = test.get("jws");
            return jws.isTextual() ? jws.asText() : jws.toString();
        }

        /** The key to verify with: the group's public JWK (Set) if it has one, else its private one. */
        String verificationJwk() {
            return (group.has("public") ? group.get("public") : group.get("private")).toString();
        }

        @Override
        public String toString() {
            return "tcId " + tcId + " [" + groupComment + "] " + comment + " (" + result
                   + (flags.isEmpty() ? "" : ", " + String.join(", ", flags)) + ")";
        }
    }

    /** What happened to a vector; compared with what the test expects. */
    record Outcome(String what) {

        /** The signature verified and the payload is the one the token carries. */
        static final Outcome VERIFIED = new Outcome("VERIFIED");

        /** The key set was refused at configuration (IllegalArgumentException), as a bad key should be. */
        static final Outcome KEY_REFUSED = new Outcome("KEY_REFUSED");

        static Outcome refused(JwtFailure failure) {
            return new Outcome(failure.name());
        }

        @Override
        public String toString() {
            return what;
        }
    }

    /**
     * What {@code invalid} JWS vectors of the signature and crypto files lead to, by their comment: the one failure the
     * component reports for each kind of damage. Vectors whose kind shows in their flags or group are classified by
     * the tests themselves.
     */
    static final Map<String, Outcome> EXPECTED_BY_COMMENT = Map.ofEntries(
            // the token is well formed, the signature does not match
            Map.entry("rejectsModifiedSignature", Outcome.refused(JwtFailure.SIGNATURE_INVALID)),
            Map.entry("rejectsMissingSignature", Outcome.refused(JwtFailure.SIGNATURE_INVALID)),
            Map.entry("rejectsModifiedPayload", Outcome.refused(JwtFailure.SIGNATURE_INVALID)),
            Map.entry("rejectsMissingPayload", Outcome.refused(JwtFailure.SIGNATURE_INVALID)),
            // the token's own jwk header is never used: the configured key does not verify the attacker's signature
            Map.entry("rejectsAttackerProvidedEmbeddedJwk", Outcome.refused(JwtFailure.SIGNATURE_INVALID)),
            // the modified header byte falls in the kid, which then names no configured key
            Map.entry("rejectsModifiedHeader", Outcome.refused(JwtFailure.KEY_NOT_FOUND)),
            // not three Base64url parts with a JSON header
            Map.entry("rejectsMissingSignatureAndSeparator", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsMissingPayloadAndSeparator", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsMissingHeader", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsMissingHeaderAndSeparator", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsMissingHeaderAndSignature", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsMissingHeaderSignatureAndSeparators", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsMissingHeaderSignatureAndSeparator", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsEmptyString", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsExtraEmptyComponent", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsExtraComponent", Outcome.refused(JwtFailure.MALFORMED)),
            // characters outside Base64url, padding, or bits after the last byte that are not zero (RFC 4648 3.5)
            Map.entry("rejectsSpacesInMac", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsInvalidCharacterInsertedInMac", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejects0ReplacedbyInvalidCharacter", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("rejectsInvalidCharacters", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("spacesInHeader", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("invalidCharactersInHeader", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("spacesInPayload", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("invalidCharactersInPayload", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("InvalidCharacterInPayload", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("ModifiedUnusedBitsInPayload", Outcome.refused(JwtFailure.MALFORMED)),
            Map.entry("MacOfIncorrectlyEncodedMessage", Outcome.refused(JwtFailure.MALFORMED)),
            // an algorithm the key is not configured for: none, or HS256 keyed with the bytes of the EC public key
            Map.entry("rejectsNoneAlgorithmAndMissingSignature", Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED)),
            Map.entry("rejectsSymmetryConfusionAttacks_aesKeyFromEcVerificationKeyBytes",
                    Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED)),
            // keys for encryption ("use": "enc", "key_ops" without "verify") never verify: no verification key
            Map.entry("rejectWrongUse", Outcome.KEY_REFUSED),
            Map.entry("rejectWrongKeyOps", Outcome.KEY_REFUSED),
            // RSA key with the ROCA fingerprint (CVE-2017-15361)
            Map.entry("rejectsKeyWithRocaVulnerability", Outcome.KEY_REFUSED));

    /** The JWS vectors of a file (tests that have {@code jws}), one JUnit argument each, named by tcId and comment. */
    static Stream<Arguments> jwsVectors(String file) {
        JsonNode root = read(file);
        List<Arguments> vectors = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                if (!test.has("jws")) {
                    continue;
                }
                if (!"valid".equals(test.get("result").asText()) && !"invalid".equals(test.get("result").asText())) {
                    // none of the copied files has "acceptable" vectors; a new copy that does needs a decision per flag
                    throw new IllegalStateException("tcId " + test.get("tcId") + " of " + file + " is "
                                                    + test.get("result") + ": decide what its flags call for");
                }
                List<String> flags = new ArrayList<>();
                test.get("flags").forEach(f -> flags.add(f.asText()));
                Vector vector = new Vector(test.get("tcId").asInt(), test.get("comment").asText(),
                        test.get("result").asText(), List.copyOf(flags), group.get("comment").asText(), group, test);
                vectors.add(Arguments.of(vector.toString(), vector));
            }
        }
        return vectors.stream();
    }

    /** The vector {@code tcId} of a file. */
    static Vector vector(String file, int tcId) {
        return jwsVectors(file).map(a -> (Vector) a.get()[1]).filter(v -> v.tcId() == tcId).findFirst().orElseThrow();
    }

    private static JsonNode read(String file) {
        try (InputStream in = WycheproofVectors.class.getResourceAsStream("/wycheproof/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource wycheproof/" + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads {@code jwk} as the {@code jwks} option would, configures the algorithms a real user would (see
     * {@link #algorithmFor}), and verifies {@code token}.
     */
    static Outcome verify(String jwk, String token) {
        Token verified;
        try {
            List<KeyEntry> entries = KeyLoader.jwkEntries(jwk, "jwks");
            VerificationKeys keys = VerificationKeys.of(entries, algorithmFor(entries, tokenAlgorithm(token)));
            verified = new JwsVerifier(keys).verify(token);
        } catch (IllegalArgumentException e) {
            assertNamesNoSecret(e.getMessage(), jwk);
            return Outcome.KEY_REFUSED;
        } catch (TokenRefusal refusal) {
            assertQuiet(refusal.getMessage(), token);
            return Outcome.refused(refusal.reason());
        }
        // the signed bytes must be the token's own first two parts, as they came
        assertArrayEquals(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII),
                verified.signingInput());
        return Outcome.VERIFIED;
    }

    /**
     * The algorithm option a real user would set for these keys. A user configures the algorithm they expect, so the
     * token never chooses the key type: where every key names its {@code alg}, those; otherwise the token's alg, but
     * only if it fits one of the keys (its type, curve and size, per {@link Algorithms#misfit}); otherwise null, which
     * is the component's own default by key type.
     */
    static String algorithmFor(List<KeyEntry> keys, String tokenAlgorithm) {
        if (keys.stream().allMatch(k -> k.algorithm() != null)) {
            Set<String> own = new LinkedHashSet<>();
            keys.forEach(k -> own.add(k.algorithm()));
            return String.join(",", own);
        }
        if (tokenAlgorithm != null && Algorithms.isSupported(tokenAlgorithm)
            && keys.stream().anyMatch(k -> Algorithms.misfit(tokenAlgorithm, k) == null)) {
            return tokenAlgorithm;
        }
        return null;
    }

    /** The token's {@code alg}, read leniently for the test's own use, or null. */
    static String tokenAlgorithm(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
            JsonNode alg = JSON.readTree(header).get("alg");
            return alg != null && alg.isTextual() ? alg.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A configuration error never quotes the private or secret members of the keys. */
    private static void assertNamesNoSecret(String message, String jwk) {
        try {
            for (String member : List.of("k", "d", "p", "q", "dp", "dq", "qi")) {
                for (JsonNode value : JSON.readTree(jwk).findValues(member)) {
                    if (value.isTextual() && value.asText().length() >= 8) {
                        assertFalse(String.valueOf(message).contains(value.asText()),
                                "the message quotes '" + member + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refusal's message never quotes the token's signature. */
    private static void assertQuiet(String message, String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3 && parts[2].length() >= 16) {
            assertFalse(String.valueOf(message).contains(parts[2]), "the refusal message quotes the signature");
        }
    }
}
