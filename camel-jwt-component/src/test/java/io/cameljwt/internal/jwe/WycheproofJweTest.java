package io.cameljwt.internal.jwe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtConfiguration;
import io.cameljwt.JwtFailure;
import io.cameljwt.TestSettings;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.settings.JweSettings;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Google's Wycheproof JWE vectors ({@code json_web_encryption_test.json} and the JWE groups of
 * {@code json_web_crypto_test.json}, copied unchanged under {@code src/test/resources/wycheproof}) at the decryption
 * layer: each group's key goes through the path of the {@code decryptionKey} option ({@link JweKeys#load}), a
 * {@link JweDecrypter} is built with the endpoint's default options, and the token is decrypted. A {@code valid}
 * vector decrypts to its plaintext {@code pt}; an {@code invalid} one is refused for the reason its kind of damage
 * calls for.
 *
 * <p>Valid vectors that need what the component refuses by default are refused here, and decrypt once the option that
 * allows it is set ({@link #optInVectorsDecryptOnceTheirOptionIsSet}):
 * <ul>
 * <li>RSA1_5 (groups {@code jwe_rsa1_5} and the RFC 7520 figure 81): the key is bound to RSA1_5, which is accepted
 * only when {@code keyManagementAlgorithm} names it, so the key is refused at start;</li>
 * <li>compressed plaintext ({@code zip: DEF}, RFC 7520 figure 170): refused as ALGORITHM_NOT_ALLOWED unless
 * {@code allowCompression=true}.</li>
 * </ul>
 * Neither file has PBES2 vectors.
 */
class WycheproofJweTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("json_web_encryption_test.json", "json_web_crypto_test.json");
    /** The plaintext (hex) of each token of the encryption file. */
    private static final Map<String, String> PLAINTEXTS = plaintexts();

    /** What happened to a vector. */
    record Outcome(String what) {
        static final Outcome KEY_REFUSED = new Outcome("KEY_REFUSED");

        static Outcome decrypted(byte[] plaintext) {
            return new Outcome("DECRYPTED " + HexFormat.of().formatHex(plaintext));
        }

        static Outcome refused(JwtFailure failure) {
            return new Outcome(failure.name());
        }

        @Override
        public String toString() {
            return what;
        }
    }

    record Vector(String file, int tcId, String comment, String result, List<String> flags, JsonNode group, JsonNode test) {

        boolean valid() {
            return "valid".equals(result);
        }

        boolean hasFlag(String flag) {
            return flags.contains(flag);
        }

        String jwe() {
            JsonNode jwe = test.get("jwe");
            return jwe.isTextual() ? jwe.asText() : jwe.toString();
        }

        String key() {
            return group.get("private").toString();
        }

        String keyAlgorithm() {
            JsonNode alg = group.get("private").get("alg");
            return alg == null ? null : alg.asText();
        }

        /** The expected plaintext; the crypto file gives none, its tokens are those of the encryption file. */
        String plaintextHex() {
            JsonNode pt = test.get("pt");
            return pt != null ? pt.asText() : Objects.requireNonNull(PLAINTEXTS.get(jwe()), "no plaintext for " + this);
        }

        @Override
        public String toString() {
            return file.substring(0, file.indexOf("_test")) + " tcId " + tcId + " [" + group.get("comment").asText() + "] "
                   + comment + " (" + result + (flags.isEmpty() ? "" : ", " + String.join(", ", flags)) + ")";
        }
    }

    /**
     * The failure for each kind of damage of an invalid vector, by its comment. A part that is missing (empty) is
     * MALFORMED where jose4j cannot even parse the token (no ciphertext, no tag), DECRYPTION_FAILED where the empty
     * part only makes decryption fail (no IV, no encrypted key); a separator that is missing leaves four parts.
     */
    private static final Map<String, JwtFailure> EXPECTED_BY_COMMENT = Map.ofEntries(
            Map.entry("rejectsModifiedAuthenticationTag", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsModifiedAuthenticationTagAtEnd", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsAuthenticationTagTooLong", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsTruncatedAuthenticationTagBy1Byte", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsTruncatedAuthenticationTagBy4Bytes", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsTruncatedAuthenticationTagBy8Bytes", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsGhashTooLong", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsTruncatedGhashBy1Byte", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsTruncatedGhashBy4Bytes", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsTruncatedGhashBy8Bytes", JwtFailure.DECRYPTION_FAILED),
            Map.entry("tagTruncatedBy1", JwtFailure.DECRYPTION_FAILED),
            Map.entry("tagTruncatedBy4", JwtFailure.DECRYPTION_FAILED),
            Map.entry("tagTruncatedBy8", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsMissingAuthenticationTag", JwtFailure.MALFORMED),
            Map.entry("rejectsMissingAuthenticationTagAndSeparator", JwtFailure.MALFORMED),
            Map.entry("rejectsModifiedCiphertext", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsMissingCiphertext", JwtFailure.MALFORMED),
            Map.entry("rejectsMissingCiphertextAndSeparator", JwtFailure.MALFORMED),
            Map.entry("rejectsModifiedIv", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsMissingIv", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsMissingIvAndSeparator", JwtFailure.MALFORMED),
            Map.entry("rejectsModifiedEncryptedKey", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsMissingEncryptedKey", JwtFailure.DECRYPTION_FAILED),
            Map.entry("rejectsMissingEncryptedKeyAndSeparator", JwtFailure.MALFORMED),
            Map.entry("rejectsMissingHeader", JwtFailure.MALFORMED),
            Map.entry("rejectsMissingHeaderAndSeparator", JwtFailure.MALFORMED),
            // the ephemeral public key of ECDH-ES is not on the curve of the key (invalid curve attack)
            Map.entry("rejectsInvalidCurvePoint", JwtFailure.DECRYPTION_FAILED),
            // PKCS#7 padding of A128CBC-HS256 changed: the HMAC fails first, as it must
            Map.entry("WrongPKCS5Padding", JwtFailure.DECRYPTION_FAILED),
            Map.entry("ModifiedIV", JwtFailure.DECRYPTION_FAILED),
            Map.entry("ModifiedCiphertext", JwtFailure.DECRYPTION_FAILED),
            Map.entry("ModifiedHmac", JwtFailure.DECRYPTION_FAILED));

    static Stream<Arguments> vectors() {
        List<Arguments> vectors = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode group : read(file).get("testGroups")) {
                for (JsonNode test : group.get("tests")) {
                    if (!test.has("jwe")) {
                        continue;
                    }
                    String result = test.get("result").asText();
                    if (!"valid".equals(result) && !"invalid".equals(result)) {
                        throw new IllegalStateException("tcId " + test.get("tcId") + " of " + file + " is " + result
                                                        + ": decide what its flags call for");
                    }
                    List<String> flags = new ArrayList<>();
                    test.get("flags").forEach(f -> flags.add(f.asText()));
                    Vector vector = new Vector(file, test.get("tcId").asInt(), test.get("comment").asText(), result,
                            List.copyOf(flags), group, test);
                    vectors.add(Arguments.of(vector.toString(), vector));
                }
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorDecryptsOrIsRefusedAsExpected(String name, Vector vector) {
        assertEquals(expected(vector), decrypt(vector, config -> {
        }), name);
    }

    static Stream<Arguments> optInVectors() {
        return vectors().filter(a -> needsOptIn((Vector) a.get()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optInVectors")
    void optInVectorsDecryptOnceTheirOptionIsSet(String name, Vector vector) {
        Outcome outcome = decrypt(vector, config -> {
            if (isRsa15(vector)) {
                config.setKeyManagementAlgorithm("RSA1_5");
            }
            if (vector.hasFlag("CompressedPlaintext")) {
                config.setAllowCompression(true);
            }
        });
        Outcome expected = vector.valid() ? Outcome.decrypted(HexFormat.of().parseHex(vector.plaintextHex()))
                // padding modified under RSA1_5: jose4j goes on with a random key (RFC 7516 section 11.5), so it
                // reads like any other failed decryption
                : Outcome.refused(JwtFailure.DECRYPTION_FAILED);
        assertEquals(expected, outcome, name);
    }

    @Test
    void everyJweVectorOfBothFilesIsRun() {
        assertEquals(139 + 34, vectors().count());
        assertEquals(9, optInVectors().filter(a -> ((Vector) a.get()[1]).valid()).count());
    }

    private static Outcome expected(Vector vector) {
        if (vector.file().equals(FILES.get(0)) && (vector.tcId() == 3 || vector.tcId() == 24)) {
            // the damaged last character leaves bits after the last byte that are not zero: not canonical Base64url
            // (RFC 4648 section 3.5), which is refused before any key is used, as for signed tokens
            return Outcome.refused(JwtFailure.MALFORMED);
        }
        if (vector.valid()) {
            if (isRsa15(vector)) {
                return Outcome.KEY_REFUSED; // the key is bound to RSA1_5, not named in keyManagementAlgorithm
            }
            if (vector.hasFlag("CompressedPlaintext")) {
                return Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED); // zip without allowCompression
            }
            return Outcome.decrypted(HexFormat.of().parseHex(vector.plaintextHex()));
        }
        if (vector.hasFlag("JsonSerialization")) {
            return Outcome.refused(JwtFailure.MALFORMED); // compact tokens only
        }
        if (vector.hasFlag("ModifiedPkcs15Padding")) {
            return Outcome.KEY_REFUSED; // an RSA1_5 key, refused by default
        }
        if (vector.hasFlag("Pkcs15WithOaepKey") || vector.hasFlag("WrongCipher")) {
            // the token's alg is not the one the key is bound to
            return Outcome.refused(JwtFailure.ALGORITHM_NOT_ALLOWED);
        }
        if (vector.comment().equals("rejectsModifiedHeader")) {
            // AES: the modified byte falls in the kid, which then names no key; EC: it falls in "alg", which is then missing
            return Outcome.refused(vector.group().get("private").get("kty").asText().equals("oct")
                    ? JwtFailure.KEY_NOT_FOUND : JwtFailure.MALFORMED);
        }
        JwtFailure byComment = EXPECTED_BY_COMMENT.get(vector.comment());
        assertNotNull(byComment, "no expectation for " + vector);
        return Outcome.refused(byComment);
    }

    private static boolean needsOptIn(Vector vector) {
        return isRsa15(vector) || vector.hasFlag("CompressedPlaintext");
    }

    private static boolean isRsa15(Vector vector) {
        return "RSA1_5".equals(vector.keyAlgorithm());
    }

    /** Loads the key as decryptionKey would, builds the decrypter with {@code options}, and decrypts the token. */
    private static Outcome decrypt(Vector vector, Consumer<JwtConfiguration> options) {
        JwtConfiguration config = new JwtConfiguration();
        options.accept(config);
        JweDecrypter decrypter;
        try {
            JweSettings settings = TestSettings.of(config).jwe();
            decrypter = new JweDecrypter(JweKeys.load(vector.key(), "decryptionKey", true, settings.keyStore(),
                    new KeyLoader(null)), settings);
        } catch (IllegalArgumentException e) {
            assertQuotesNoKey(e.getMessage(), vector);
            return Outcome.KEY_REFUSED;
        }
        try {
            return Outcome.decrypted(decrypter.decrypt(vector.jwe()));
        } catch (TokenRefusal refusal) {
            assertFalse(refusal.getMessage().contains(vector.jwe()), "the refusal quotes the token");
            return Outcome.refused(refusal.reason());
        }
    }

    /** A configuration error never quotes the private or secret members of the key. */
    private static void assertQuotesNoKey(String message, Vector vector) {
        for (String member : List.of("k", "d", "p", "q", "dp", "dq", "qi")) {
            for (JsonNode value : vector.group().get("private").findValues(member)) {
                assertFalse(String.valueOf(message).contains(value.asText()), "the message quotes '" + member + "'");
            }
        }
    }

    private static Map<String, String> plaintexts() {
        Map<String, String> plaintexts = new HashMap<>();
        for (JsonNode group : read(FILES.get(0)).get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                if (test.has("pt") && test.get("jwe").isTextual()) {
                    plaintexts.put(test.get("jwe").asText(), test.get("pt").asText());
                }
            }
        }
        return plaintexts;
    }

    private static JsonNode read(String file) {
        try (InputStream in = WycheproofJweTest.class.getResourceAsStream("/wycheproof/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
