package io.cameljwt.internal.token;

import java.util.Arrays;
import java.util.Map;

/**
 * The last header an endpoint's tokens had, parsed and accepted: the tokens of one issuer and key all carry the very
 * same encoded header, so the next one is not decoded, bounded and parsed again. Only a header identical to the byte
 * is taken from here; a token with another header replaces it. Shared by the endpoint's threads, with no lock: the
 * worst a race does is parse a header once more. The map kept here is never handed out; {@link Token} gives each
 * token a copy of its own, since a route may change the header map it finds on the message.
 */
public final class RecentHeader {

    record Parsed(byte[] encoded, Map<String, Object> header, String algorithm) {
    }

    private volatile Parsed last;

    /** The header parsed before if the token's encoded header, its first {@code headerEnd} bytes, is the same. */
    Parsed find(byte[] token, int headerEnd) {
        Parsed parsed = last;
        if (parsed != null && Arrays.equals(parsed.encoded, 0, parsed.encoded.length, token, 0, headerEnd)) {
            return parsed;
        }
        return null;
    }

    /** Keeps a header that was parsed and accepted; {@code header} must be a copy no token holds. */
    void remember(byte[] token, int headerEnd, Map<String, Object> header, String algorithm) {
        last = new Parsed(Arrays.copyOf(token, headerEnd), header, algorithm);
    }
}
