package io.cameljwt.internal.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import io.cameljwt.JwtFailure;

/**
 * The form of a compact token, JWS or JWE: its parts in canonical Base64url, and the bounds on its header's JSON.
 * {@link Token#parse} reads a JWS; the JWE path checks the form here before jose4j reads it.
 */
public final class CompactJws {

    /** One look-up per character instead of four range tests, for the character by character check. */
    private static final byte[] VALUES = base64UrlValues();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CompactJws() {
    }

    /**
     * Checks the JOSE header text before jose4j parses it, for a JWE whose form {@link #checkSyntax} has accepted (its
     * header is then canonical Base64url): strict UTF-8, since jose4j would read invalid bytes as replacement
     * characters, and bounded work (nesting depth, number length).
     */
    public static void checkHeaderLimits(String token) throws TokenRefusal {
        byte[] ascii = ascii(token);
        byte[] header = decode(ascii, 0, token.indexOf('.'));
        TokenJson.utf8(header, "header"); // refuses bytes that are not UTF-8
        JsonLimits.check(header, "header");
    }

    /**
     * The token's characters as bytes, one per character, so that a position in the text is the same in the bytes,
     * which {@link #checkSyntax(byte[])} then checks: a character beyond Latin-1 becomes {@code '?'}, one beyond ASCII a
     * negative byte, and both are outside Base64url. For a token that passes, these bytes are its ASCII form, the
     * signing input included.
     */
    static byte[] ascii(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length == token.length()) {
            return bytes;
        }
        // Latin-1 made one '?' of each surrogate pair: one byte for each of its two characters instead
        byte[] perCharacter = new byte[token.length()];
        for (int i = 0; i < perCharacter.length; i++) {
            char c = token.charAt(i);
            perCharacter[i] = c <= 0xff ? (byte) c : (byte) '?';
        }
        return perCharacter;
    }

    /**
     * Checks the characters and the Base64url form of each part, and returns how many parts there are. jose4j's
     * decoder is lenient (it skips stray characters), so a token that differs from the signed bytes only in padding
     * or trailing bits is refused here.
     */
    public static int checkSyntax(String token) throws TokenRefusal {
        return checkSyntax(ascii(token));
    }

    /** As {@link #checkSyntax(String)}, for the bytes {@link #ascii} made of a token. */
    static int checkSyntax(byte[] token) throws TokenRefusal {
        int parts = 1;
        int partStart = 0;
        int length = token.length;
        for (int i = 0; i < length; i++) {
            byte c = token[i];
            if (c == '.') {
                checkPart(token, partStart, i, parts);
                parts++;
                partStart = i + 1;
                if (parts > 6) {
                    throw new TokenRefusal(JwtFailure.MALFORMED, "the token has too many parts");
                }
            } else if (c < 0 || VALUES[c] < 0) {
                throw new TokenRefusal(JwtFailure.MALFORMED, "the token has a character outside Base64url");
            }
        }
        checkPart(token, partStart, length, parts);
        if (parts >= 6) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token has too many parts");
        }
        return parts;
    }

    private static void checkPart(byte[] token, int start, int end, int index) throws TokenRefusal {
        int length = end - start;
        if (length % 4 == 1) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "part " + index + " of the token is not valid Base64url");
        }
        if (hasUnusedBits(token, end, length)) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "part " + index + " of the token is not canonical Base64url");
        }
    }

    /**
     * Whether the last character of a part of Base64url characters, whose length is not 4n+1, sets bits after the
     * part's last whole byte, which the canonical encoding leaves zero (RFC 4648 section 3.5).
     */
    private static boolean hasUnusedBits(byte[] token, int end, int length) {
        return length % 4 != 0 && (value(token[end - 1]) & (length % 4 == 2 ? 0x0f : 0x03)) != 0;
    }

    /**
     * The bytes of the part of {@code token} from {@code start} to {@code end}, which {@link #checkSyntax} has found
     * to be canonical Base64url (or {@link #decodeCanonical} is checking). Java's own decoder, reading the range in
     * place: the JVM compiles its loop to vector instructions where the processor has them (on this project's
     * benchmark machine, ten times faster than a loop of ours over a signature).
     *
     * @throws IllegalArgumentException for a character outside Base64url or a length of 4n+1
     */
    static byte[] decode(byte[] token, int start, int end) {
        ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(token, start, end - start));
        byte[] bytes = decoded.array(); // without padding the decoder makes the array of the exact length; with it, not
        return bytes.length == decoded.remaining() ? bytes : Arrays.copyOf(bytes, decoded.remaining());
    }

    /**
     * As {@link #decode}, for a part not checked yet: null unless it is canonical Base64url, as {@link #checkSyntax}
     * holds a part to. Java's decoder refuses every other character and a length of 4n+1, but it accepts padding and
     * ignores the unused bits of the last character, so those two are checked here.
     */
    static byte[] decodeCanonical(byte[] token, int start, int end) {
        if (end > start && token[end - 1] == '=') {
            return null; // the decoder accepts '=' only as padding at the very end
        }
        byte[] bytes;
        try {
            bytes = decode(token, start, end);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return hasUnusedBits(token, end, end - start) ? null : bytes;
    }

    private static int value(byte c) {
        return VALUES[c];
    }

    /** The value of each Base64url character, by its code; -1 for every other ASCII character. */
    private static byte[] base64UrlValues() {
        byte[] values = new byte[128];
        Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }
}
