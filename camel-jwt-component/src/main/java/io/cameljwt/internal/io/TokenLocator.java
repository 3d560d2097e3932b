package io.cameljwt.internal.io;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.Message;

/**
 * Finds the token in a message: header {@code CamelJwtToken}, then the {@code tokenHeader} (without its
 * {@code Bearer } prefix), then the body as text. Refuses oversized tokens before anything parses them.
 */
public final class TokenLocator {

    private static final String BEARER = "bearer";
    /** What a body may hold around a token (whitespace, line breaks) and still be read. */
    private static final int BODY_MARGIN = 1024;

    private final String tokenHeader;
    private final int maxTokenLength;

    public TokenLocator(String tokenHeader, int maxTokenLength) {
        if (maxTokenLength <= 0) {
            throw new IllegalArgumentException("Option 'maxTokenLength' must be positive");
        }
        this.tokenHeader = tokenHeader;
        this.maxTokenLength = maxTokenLength;
    }

    public String find(Message message) throws TokenRefusal {
        String token = message.getHeader(JwtConstants.JWT_TOKEN, String.class);
        if (isBlank(token) && tokenHeader != null && !tokenHeader.isEmpty()) {
            token = stripBearer(message.getHeader(tokenHeader, String.class));
        }
        if (isBlank(token) && message.getBody() != null) {
            // a body larger than any acceptable token (a token plus up to 1 KiB of whitespace) is refused: unread when
            // its size is known, else once that much of the stream has been read
            int limit = (int) Math.min((long) maxTokenLength + BODY_MARGIN, Integer.MAX_VALUE - 16);
            if (BodyText.knownSize(message.getBody()) > limit) {
                throw tooLarge();
            }
            token = BodyText.readAtMost(message, limit);
            if (token == null) {
                throw tooLarge();
            }
        }
        if (isBlank(token)) {
            throw new TokenRefusal(JwtFailure.TOKEN_MISSING,
                    "no token in header " + JwtConstants.JWT_TOKEN
                                                             + (tokenHeader == null ? "" : ", header " + tokenHeader)
                                                             + " or the body");
        }
        // cheap bound first: the trimmed length can only be shorter
        if (token.length() > maxTokenLength && token.trim().length() > maxTokenLength) {
            throw tooLarge();
        }
        return token.trim();
    }

    private TokenRefusal tooLarge() {
        return new TokenRefusal(JwtFailure.TOO_LARGE,
                "the token is longer than maxTokenLength (" + maxTokenLength + " characters)");
    }

    /** The credentials after a leading {@code Bearer} (any case); a bare {@code Bearer} holds no token. */
    private static String stripBearer(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (trimmed.length() == BEARER.length() || Character.isWhitespace(trimmed.charAt(BEARER.length())))) {
            // one copy, not two: as substring(BEARER.length()).trim(), since trimmed ends in a character trim() keeps
            int start = BEARER.length();
            while (start < trimmed.length() && trimmed.charAt(start) <= ' ') {
                start++;
            }
            return trimmed.substring(start);
        }
        return trimmed;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
