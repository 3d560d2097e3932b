package io.cameljwt.internal.io;

import java.time.Instant;

import io.cameljwt.JwtConstants;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.Message;

/**
 * Header {@code CamelJwtRefreshNeeded} ({@code refreshBefore}): whether a token expires soon, so that a route holding
 * it can get a new one from its token endpoint before it is refused. Written by validate and decode; not at all when
 * {@code refreshBefore} is 0.
 */
public final class RefreshHint {

    private final long refreshBeforeMillis;

    public RefreshHint(long refreshBeforeMillis) {
        this.refreshBeforeMillis = refreshBeforeMillis;
    }

    public void write(Message message, Token token, Instant now) throws TokenRefusal {
        if (refreshBeforeMillis <= 0) {
            return;
        }
        Long exp = token.numericDate("exp");
        // a token without exp never expires, so it never needs a refresh; an expired one (decode) does
        boolean needed = exp != null && !Instant.ofEpochSecond(exp).isAfter(now.plusMillis(refreshBeforeMillis));
        message.setHeader(JwtConstants.JWT_REFRESH_NEEDED, needed);
    }
}
