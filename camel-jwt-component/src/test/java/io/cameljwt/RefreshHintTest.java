package io.cameljwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code refreshBefore} through real routes: header {@code CamelJwtRefreshNeeded} says whether the token expires within
 * it, after validate and after decode.
 */
class RefreshHintTest extends JwtRouteTestSupport {

    private static final String VALIDATE = "jwt:validate?secret=" + Tokens.SECRET + "&refreshBefore=60s";
    private static final String DECODE = "jwt:decode?refreshBefore=60s";

    private static Object refreshNeeded(Message message) {
        return message.getHeader(JwtConstants.JWT_REFRESH_NEEDED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { VALIDATE, DECODE })
    void aTokenExpiringWithinRefreshBeforeNeedsARefresh(String uri) {
        Message message = accepted(sendToken(uri, hs256(validClaims("exp", now() + 30))));
        assertEquals(Boolean.TRUE, assertInstanceOf(Boolean.class, refreshNeeded(message)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { VALIDATE, DECODE })
    void aTokenLivingLongerThanRefreshBeforeNeedsNoRefresh(String uri) {
        Message message = accepted(sendToken(uri, hs256(validClaims("exp", now() + 300))));
        assertEquals(Boolean.FALSE, assertInstanceOf(Boolean.class, refreshNeeded(message)));
    }

    @Test
    void aTokenExpiringExactlyRefreshBeforeFromNowNeedsARefresh() {
        // exp is whole seconds and now is later by a fraction: exp is at most refreshBefore away
        Message message = accepted(sendToken(VALIDATE, hs256(validClaims("exp", now() + 60))));
        assertEquals(Boolean.TRUE, refreshNeeded(message));
    }

    @Test
    void aTokenWithoutExpNeverNeedsARefresh() {
        String token = hs256(claims("sub", "alice", "iat", now()));
        assertEquals(Boolean.FALSE, refreshNeeded(accepted(sendToken(VALIDATE + "&requireExpiration=false", token))));
        assertEquals(Boolean.FALSE, refreshNeeded(accepted(sendToken(DECODE, token))));
    }

    @Test
    void anExpiredTokenThatDecodeUnpacksNeedsARefresh() {
        Message message = accepted(sendToken(DECODE, hs256(validClaims("exp", now() - 3600))));
        assertEquals(Boolean.TRUE, refreshNeeded(message));
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsValidAndNeedsARefresh() {
        Message message = accepted(sendToken(VALIDATE, hs256(validClaims("exp", now() - 10))));
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals(Boolean.TRUE, refreshNeeded(message));
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRefusedAsExpired() {
        String token = hs256(validClaims("exp", now() - 3600));
        refused(sendToken(VALIDATE, token), JwtFailure.EXPIRED, token);
    }

    @Test
    void anInvalidTokenWithFailOnInvalidFalseGetsNoHint() {
        String token = Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(validClaims("exp", now() + 30)),
                "HS256", Tokens.OTHER_HMAC_KEY);
        Message message = accepted(send(VALIDATE + "&failOnInvalid=false", null,
                Map.of(JwtConstants.JWT_TOKEN, token, JwtConstants.JWT_REFRESH_NEEDED, false)));
        assertEquals(JwtFailure.SIGNATURE_INVALID.name(), message.getHeader(JwtConstants.JWT_ERROR));
        assertFalse(message.getHeaders().containsKey(JwtConstants.JWT_REFRESH_NEEDED),
                "the header that came with the message is removed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "jwt:validate?secret=" + Tokens.SECRET, "jwt:decode" })
    void withoutRefreshBeforeTheHeaderIsNotSetAndAnIncomingOneIsRemoved(String uri) {
        Message message = accepted(send(uri, null, Map.of(JwtConstants.JWT_TOKEN, hs256(validClaims("exp", now() + 30)),
                JwtConstants.JWT_REFRESH_NEEDED, false)));
        assertFalse(message.getHeaders().containsKey(JwtConstants.JWT_REFRESH_NEEDED));
    }

    @Test
    void refreshBeforeSetOnTheComponentAppliesToEveryValidateAndDecode() {
        context.getComponent("jwt", JwtComponent.class).getConfiguration().setRefreshBefore(600_000);
        String token = hs256(validClaims("exp", now() + 300));
        assertEquals(Boolean.TRUE, refreshNeeded(accepted(sendToken("jwt:validate?secret=" + Tokens.SECRET, token))));
        assertEquals(Boolean.TRUE, refreshNeeded(accepted(sendToken("jwt:decode", token))));
    }

    @ParameterizedTest(name = "refreshBefore={0}")
    @ValueSource(strings = { "1500", "-60000" })
    void aRefreshBeforeThatIsNotWholeSecondsStopsTheRoute(String value) {
        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wrong").to("jwt:decode?refreshBefore=" + value);
            }
        }));
        assertTrue(messages(failure).stream().anyMatch(m -> m.contains("Option 'refreshBefore'")),
                () -> String.join("\n", messages(failure)));
    }

    static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
