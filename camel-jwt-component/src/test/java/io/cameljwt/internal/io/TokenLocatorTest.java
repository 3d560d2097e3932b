package io.cameljwt.internal.io;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The {@code Bearer} prefix at its edges: what is left of the header is exactly what {@code trim()} would leave after
 * the scheme, whatever whitespace surrounds it (ValidateTest covers the usual forms through a route).
 */
class TokenLocatorTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private final TokenLocator locator = new TokenLocator("Authorization", 100);

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
            "'Bearer a.b.c'|a.b.c",
            "'bearer \t\n a.b.c \t'|a.b.c",
            "'Bearer\ta.b.c'|a.b.c",
            "'Bearer\u001f\u0001a.b.c'|a.b.c", // whitespace, then not: trim() takes both
            "'Bearer a b'|a b", // only the leading run goes: the rest is the token's (and refused when parsed)
            "'Bearera.b.c'|Bearera.b.c", // no scheme without whitespace after it
            "'Bearer\u2003a.b.c'|'\u2003a.b.c'", // a Unicode space ends the scheme, but trim() keeps it
            "'Bearer\u00a0a.b.c'|'Bearer\u00a0a.b.c'", // a no-break space does not end it
            "' a.b.c '|a.b.c" })
    void takesTheCredentialsAfterTheScheme(String header, String token) throws TokenRefusal {
        assertEquals(token, locator.find(message(header)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "  bearer \t ", "Bearer \u0001\u2003", "" })
    void aHeaderWithoutCredentialsHoldsNoToken(String header) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> locator.find(message(header)));
        assertEquals(JwtFailure.TOKEN_MISSING, refusal.reason());
    }

    private static Message message(String authorization) {
        Message message = new DefaultMessage(CONTEXT);
        message.setHeader("Authorization", authorization);
        return message;
    }
}
