package io.cameljwt.internal.io;

import java.io.InputStream;
import java.util.Locale;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.internal.TokenRefusal;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * Finds the token in a message: header {@code CamelJwtToken}, then the {@code tokenHeader} (without its
 * {@code Bearer } prefix), then the body as text. Refuses oversized tokens before anything parses them.
 */
public final class TokenLocator {

    private static final String BEARER = "bearer ";

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
        if (isBlank(token)) {
            token = bodyText(message);
        }
        if (isBlank(token)) {
            throw new TokenRefusal(JwtFailure.TOKEN_MISSING,
                    "no token in header " + JwtConstants.JWT_TOKEN
                                                             + (tokenHeader == null ? "" : ", header " + tokenHeader)
                                                             + " or the body");
        }
        // cheap bound first: the trimmed length can only be shorter
        if (token.length() > maxTokenLength && token.trim().length() > maxTokenLength) {
            throw new TokenRefusal(JwtFailure.TOO_LARGE,
                    "the token is longer than maxTokenLength (" + maxTokenLength + " characters)");
        }
        return token.trim();
    }

    private static String stripBearer(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() >= BEARER.length()
                && trimmed.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return trimmed.substring(BEARER.length());
        }
        return trimmed;
    }

    /** The body as text; a stream is read once and kept (cached streams are reset), so nothing is lost. */
    private static String bodyText(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof StreamCache cache) {
            String text = message.getBody(String.class);
            cache.reset();
            return text;
        }
        String text = message.getBody(String.class);
        if (body instanceof InputStream) {
            message.setBody(text);
        }
        return text;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
