package io.cameljwt.corpus;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.cameljwt.corpus.CorpusSigner.b64;
import static io.cameljwt.corpus.CorpusSigner.unb64;

/**
 * Damage done to a valid compact token, with no key at hand: flipped bits in each part, Base64 that is not canonical
 * Base64url, parts removed, added or cut short, stray characters. Each entry maps a short name to the damaged token.
 */
final class TokenMutations {

    private static final String[] PART_NAMES = { "header", "payload", "signature" };

    private TokenMutations() {
    }

    /** The token with another header (JSON text), payload and signature left as they were. */
    static String withHeader(String token, String headerJson) {
        return b64(headerJson) + token.substring(token.indexOf('.'));
    }

    /** One bit flipped in the decoded bytes of each part, at spread positions; the part is then encoded again. */
    static Map<String, String> flippedBits(String token) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] parts = token.split("\\.", -1);
        for (int p = 0; p < 3; p++) {
            byte[] bytes = unb64(parts[p]);
            int positions = p == 0 ? bytes.length : 24;
            for (int i = 0; i < positions; i++) {
                int index = p == 0 ? i : (int) ((long) i * (bytes.length - 1) / (positions - 1));
                for (int bit : p == 0 ? new int[] { 0, 5 } : new int[] { i % 8 }) {
                    byte[] flipped = bytes.clone();
                    flipped[index] ^= (byte) (1 << bit);
                    String[] mutated = parts.clone();
                    mutated[p] = b64(flipped);
                    m.put(PART_NAMES[p] + "/byte-" + index + "-bit-" + bit, String.join(".", mutated));
                }
            }
        }
        return m;
    }

    /** Damage to the text of the token. */
    static Map<String, String> of(String token) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] parts = token.split("\\.", -1);
        for (int p = 0; p < 3; p++) {
            String name = PART_NAMES[p];
            m.put(name + "/padded", replace(parts, p, padded(parts[p])));
            m.put(name + "/standard-alphabet", replace(parts, p, standard(unb64(parts[p]))));
            m.put(name + "/non-canonical-last-character", replace(parts, p, nonCanonical(parts[p])));
            m.put(name + "/last-character-removed", replace(parts, p, parts[p].substring(0, parts[p].length() - 1)));
            m.put(name + "/character-added", replace(parts, p, parts[p] + "A"));
            m.put(name + "/four-characters-added", replace(parts, p, parts[p] + "AAAA"));
            m.put(name + "/empty", replace(parts, p, ""));
            m.put(name + "/first-character-changed", replace(parts, p, changeFirst(parts[p])));
            for (String stray : new String[] { " ", "+", "/", "=", "*", "\u00e9", "\t", "\n", "%20" }) {
                String middle = parts[p].substring(0, parts[p].length() / 2) + stray
                                + parts[p].substring(parts[p].length() / 2);
                m.put(name + "/stray-" + label(stray), replace(parts, p, middle));
            }
        }
        m.put("parts/header-only", parts[0]);
        m.put("parts/no-signature", parts[0] + "." + parts[1]);
        m.put("parts/empty-signature", parts[0] + "." + parts[1] + ".");
        m.put("parts/extra-empty-part", token + ".");
        m.put("parts/extra-part", token + "." + parts[2]);
        m.put("parts/five-parts", token + "." + parts[1] + "." + parts[2]);
        m.put("parts/six-parts", token + "." + parts[0] + "." + parts[1] + "." + parts[2]);
        m.put("parts/leading-dot", "." + token);
        m.put("parts/double-dot", parts[0] + ".." + parts[1] + "." + parts[2]);
        m.put("parts/swapped-header-and-payload", parts[1] + "." + parts[0] + "." + parts[2]);
        m.put("parts/payload-twice", parts[0] + "." + parts[1] + parts[1] + "." + parts[2]);
        m.put("parts/only-dots", "..");
        m.put("parts/empty", "");
        m.put("parts/blank", "   ");
        m.put("text/surrounding-whitespace", "  " + token + " \n");
        m.put("text/bearer-prefix", "Bearer " + token);
        m.put("text/quoted", "\"" + token + "\"");
        m.put("text/inner-newline", parts[0] + ".\n" + parts[1] + "." + parts[2]);
        m.put("text/uppercase", token.toUpperCase());
        m.put("text/fullwidth-dot", parts[0] + "\uFF0E" + parts[1] + "." + parts[2]);
        m.put("text/nul-suffix", token + "\u0000");
        for (int cut : new int[] { 1, 10, 20, 36 }) {
            m.put("truncated/at-" + cut, token.substring(0, Math.min(cut, token.length())));
        }
        for (int fromEnd : new int[] { 1, 2, 3, 4, 8, 43 }) {
            m.put("truncated/less-" + fromEnd, token.substring(0, token.length() - fromEnd));
        }
        m.put("signature/of-other-token", parts[0] + "." + parts[1] + "." + b64(new byte[unb64(parts[2]).length]));
        m.put("signature/zero-bytes", parts[0] + "." + parts[1] + "." + b64(new byte[1]));
        m.put("signature/double-length", parts[0] + "." + parts[1] + "." + b64(doubled(unb64(parts[2]))));
        m.put("signature/lower-half", parts[0] + "." + parts[1] + "." + b64(half(unb64(parts[2]))));
        return m;
    }

    private static String replace(String[] parts, int index, String part) {
        String[] copy = parts.clone();
        copy[index] = part;
        return String.join(".", copy);
    }

    private static String padded(String part) {
        return part + "=".repeat((4 - part.length() % 4) % 4 == 0 ? 1 : (4 - part.length() % 4) % 4);
    }

    private static String standard(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The same bytes with the unused low bits of the last character set, where the length leaves any. */
    private static String nonCanonical(String part) {
        if (part.length() % 4 == 0) {
            return part + "A"; // no unused bits: a lone character instead
        }
        char last = part.charAt(part.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(last) ^ 1; // one of the unused low bits
        return part.substring(0, part.length() - 1) + alphabet.charAt(value);
    }

    private static String changeFirst(String part) {
        if (part.isEmpty()) {
            return "A";
        }
        return (part.charAt(0) == 'A' ? 'B' : 'A') + part.substring(1);
    }

    private static String label(String stray) {
        return switch (stray) {
            case " " -> "space";
            case "\t" -> "tab";
            case "\n" -> "newline";
            case "\u00e9" -> "non-ascii";
            default -> stray;
        };
    }

    private static byte[] doubled(byte[] bytes) {
        byte[] twice = new byte[bytes.length * 2];
        System.arraycopy(bytes, 0, twice, 0, bytes.length);
        System.arraycopy(bytes, 0, twice, bytes.length, bytes.length);
        return twice;
    }

    private static byte[] half(byte[] bytes) {
        byte[] half = new byte[bytes.length / 2];
        System.arraycopy(bytes, 0, half, 0, half.length);
        return half;
    }
}
