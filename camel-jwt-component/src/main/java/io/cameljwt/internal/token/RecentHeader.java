package io.cameljwt.internal.token;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few headers an endpoint's tokens had, parsed and accepted: the tokens of one issuer and key all carry the
 * very same encoded header, so the next one is not decoded, bounded and parsed again. A few rather than one, so that
 * an endpoint that sees two keys during a rotation, or several issuers, does not parse every header anew. Only a
 * header identical to the byte is taken from here; a new one replaces the oldest. Shared by the endpoint's threads,
 * with no lock: the worst a race does is parse a header once more. The maps kept here are never handed out;
 * {@link Token} gives each token a copy of its own, since a route may change the header map it finds on the message.
 */
public final class RecentHeader {

    /** Enough for a rotation's two keys under each of a few issuers; a miss costs one comparison per slot. */
    static final int SLOTS = 4;

    record Parsed(byte[] encoded, Map<String, Object> header, String algorithm) {
    }

    private final AtomicReferenceArray<Parsed> slots = new AtomicReferenceArray<>(SLOTS);
    private final AtomicInteger next = new AtomicInteger();

    /** The header parsed before if the token's encoded header, its first {@code headerEnd} bytes, is one of them. */
    Parsed find(byte[] token, int headerEnd) {
        for (int i = 0; i < SLOTS; i++) {
            Parsed parsed = slots.get(i);
            if (parsed != null && Arrays.equals(parsed.encoded, 0, parsed.encoded.length, token, 0, headerEnd)) {
                return parsed;
            }
        }
        return null;
    }

    /**
     * Keeps a header that was parsed and accepted, in place of the oldest; {@code header} must be a copy no token
     * holds.
     */
    void remember(byte[] token, int headerEnd, Map<String, Object> header, String algorithm) {
        int slot = Math.floorMod(next.getAndIncrement(), SLOTS);
        slots.set(slot, new Parsed(Arrays.copyOf(token, headerEnd), header, algorithm));
    }
}
