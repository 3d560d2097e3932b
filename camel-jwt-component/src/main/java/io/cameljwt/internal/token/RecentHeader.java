package io.cameljwt.internal.token;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few headers an endpoint accepted: the tokens of one issuer and key all carry the very same encoded header,
 * so the next one is not decoded, bounded and parsed again. Four rather than one, so that an endpoint that sees two
 * keys during a rotation, or two issuers, does not parse every header anew. Only a header identical to the byte is
 * taken from here. Only tokens the endpoint accepted are kept (validate: once their signature verified), so tokens
 * forged with ever new headers cannot push out the ones that verify; a new header replaces the oldest.
 * <p>
 * Shared by the endpoint's threads, with no lock: the worst a race does is parse a header once more. The maps kept
 * here are never handed out; {@link Token} gives each token a copy of its own, since a route may change the header map
 * it finds on the message.
 */
public final class RecentHeader {

    /** Two issuers with two keys each during a rotation; a miss costs one comparison per slot. */
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
     * Keeps the header of a token the endpoint accepted, in place of the oldest, unless it came from here. To be
     * called before the token reaches the route, which may change its header map.
     */
    public void remember(Token token) {
        if (token.headerFromRecent()) {
            return;
        }
        int headerEnd = token.encodedHeaderLength();
        Parsed parsed = new Parsed(Arrays.copyOf(token.signingInputBytes(), headerEnd), Token.deepCopy(token.header()),
                token.algorithm());
        slots.set(Math.floorMod(next.getAndIncrement(), SLOTS), parsed);
    }
}
