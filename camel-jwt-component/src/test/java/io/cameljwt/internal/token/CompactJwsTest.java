package io.cameljwt.internal.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Base64url form of each part, character by character: only the canonical encoding of the signed bytes passes,
 * so no two spellings of one token exist (lenient decoders read them as the same bytes).
 */
class CompactJwsTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /**
     * Every character of the alphabet as the last of a part of 2 characters (one byte: its last 4 bits are unused)
     * and of 3 characters (two bytes: its last 2 bits are unused).
     */
    static Stream<Arguments> lastCharacters() {
        return IntStream.range(0, ALPHABET.length()).boxed()
                .flatMap(value -> Stream.of(Arguments.of("Q" + ALPHABET.charAt(value), value, 0x0f),
                        Arguments.of("QU" + ALPHABET.charAt(value), value, 0x03)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lastCharacters")
    void lastCharacterIsAcceptedOnlyWhenItsUnusedBitsAreZero(String part, int value, int unusedBits) throws Exception {
        if ((value & unusedBits) == 0) {
            assertEquals(1, CompactJws.checkSyntax(part));
        } else {
            TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> CompactJws.checkSyntax(part));
            assertEquals(JwtFailure.MALFORMED, refusal.reason());
        }
    }

    /** One character past a whole group of four holds only 6 bits, less than a byte: no encoder writes it. */
    @ParameterizedTest
    @ValueSource(strings = { "A", "AAAAA", "QUJD.A", "QUJD.QUJD.QUJDA", "QUJDA.QUJD.QUJD" })
    void partOfOneCharacterPastAGroupOfFourIsRefused(String token) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> CompactJws.checkSyntax(token));
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
    }

    /**
     * A character beyond ASCII anywhere is refused, whatever byte it would become: Latin-1 ones a negative byte, others
     * (a lone surrogate and a pair included) a '?'.
     */
    static Stream<Arguments> charactersBeyondAscii() {
        return Stream.of("\u00e9", "\u0080", "\u00ff", "\u0100", "\ud83d\ude00", "\ud800", "\uff0e")
                .flatMap(c -> Stream.of(c + "QUJD.QUJD.QUJD", "QU" + c + "JD.QUJD.QUJD", "QUJD" + c + ".QUJD.QUJD",
                        "QUJD.QUJD.QUJD" + c))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("charactersBeyondAscii")
    void aCharacterBeyondAsciiIsOutsideBase64url(String token) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> CompactJws.checkSyntax(token));
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
        assertEquals("the token has a character outside Base64url", refusal.getMessage());
    }

    /** A JWE has five parts, a JWS three; six or more is no token, however short its parts. */
    @ParameterizedTest
    @ValueSource(strings = { "AA.AA.AA.AA.AA.AA", ".....", "AA.AA.AA.AA.AA.AA.AA" })
    void sixPartsOrMoreAreTooMany(String token) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> CompactJws.checkSyntax(token));
        assertEquals("the token has too many parts", refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "AA.AA.AA.AA.AA", "...." })
    void fivePartsAreCounted(String token) throws TokenRefusal {
        assertEquals(5, CompactJws.checkSyntax(token));
    }

    /** The JWE path checks its header here before jose4j reads it: the same bounds and strict UTF-8 as a JWS. */
    @ParameterizedTest
    @ValueSource(strings = { "deep", "notUtf8" })
    void aJweHeaderBeyondTheJsonLimitsOrNotUtf8IsRefusedBeforeJose4jReadsIt(String which) {
        byte[] header = which.equals("deep")
                ? ("{\"a\":" + "[".repeat(JsonLimits.MAX_DEPTH + 1) + "]".repeat(JsonLimits.MAX_DEPTH + 1) + "}")
                        .getBytes(StandardCharsets.UTF_8)
                : new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}' };
        String jwe = Base64.getUrlEncoder().withoutPadding().encodeToString(header) + ".a2V5.aXY.Y3Q.dGFn";
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> CompactJws.checkHeaderLimits(jwe));
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
        assertDoesNotThrow(() -> CompactJws.checkHeaderLimits(
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"dir\"}".getBytes(StandardCharsets.UTF_8))
                + ".a2V5.aXY.Y3Q.dGFn"));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 31, 32, 33, 64, 256, 513})
    void decodeReadsACanonicalPartInsideATokenAsJavasDecoderDoes(int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        String part = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String token = "e30." + part + ".c2ln";
        CompactJws.checkSyntax(token);
        assertArrayEquals(bytes, CompactJws.decode(CompactJws.ascii(token), 4, 4 + part.length()));
        assertArrayEquals(Base64.getUrlDecoder().decode(part), CompactJws.decode(CompactJws.ascii(token), 4, 4 + part.length()));
    }

    /**
     * Every part of up to five characters from a set with characters of the alphabet (values with and without unused
     * bits set), padding, the other Base64 alphabet's characters and characters beyond ASCII: Java's decoder as
     * {@link CompactJws#decodeCanonical} uses it accepts exactly what the character by character check accepts, and
     * reads the same bytes, wherever the part sits in the token.
     */
    @Test
    void decodeCanonicalAcceptsExactlyThePartsTheCheckAccepts() throws Exception {
        String characters = "AQgB_-=+/?\u00e9\u0100";
        int checked = 0;
        for (int length = 0; length <= 5; length++) {
            for (int n = 0; n < Math.pow(characters.length(), length); n++) {
                StringBuilder part = new StringBuilder();
                for (int d = 0, rest = n; d < length; d++, rest /= characters.length()) {
                    part.append(characters.charAt(rest % characters.length()));
                }
                boolean accepted;
                try {
                    CompactJws.checkSyntax(part.toString());
                    accepted = true;
                } catch (TokenRefusal refusal) {
                    accepted = false;
                }
                // first, in the middle and last
                for (String token : new String[] { part + ".e30", "e30." + part + ".c2ln", "e30." + part }) {
                    int start = token.startsWith("e30.") ? 4 : 0;
                    byte[] decoded = CompactJws.decodeCanonical(CompactJws.ascii(token), start, start + part.length());
                    if (accepted) {
                        assertArrayEquals(Base64.getUrlDecoder().decode(part.toString()), decoded, token);
                    } else {
                        assertNull(decoded, token);
                    }
                }
                checked++;
            }
        }
        assertEquals(271_453, checked); // 12 characters: 1 + 12 + ... + 12^5 parts
    }
}
