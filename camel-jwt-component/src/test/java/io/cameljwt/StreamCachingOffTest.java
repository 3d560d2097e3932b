package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * With stream caching off, Camel leaves a stream body as it is between steps: validate and generate must still leave
 * the body readable for the next step, whether it is a one-shot stream or a stream cache.
 */
class StreamCachingOffTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.setStreamCaching(false);
        return camelContext;
    }

    @Test
    void oneShotStreamBodyIsStillReadableAfterValidate() throws Exception {
        String token = hs256(validClaims());
        assertEquals("alice", accepted(send(HS, stream(token), Map.of())).getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(token, bodyAfterTheRoute());
    }

    @Test
    void streamCacheBodyIsStillReadableAfterValidate() throws Exception {
        String token = hs256(validClaims());
        InputStreamCache body = new InputStreamCache(token.getBytes(StandardCharsets.UTF_8));
        assertEquals("alice", accepted(send(HS, body, Map.of())).getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(token, bodyAfterTheRoute());
    }

    @Test
    void oneShotStreamBodyIsStillReadableAfterGenerateWithOutputHeader() throws Exception {
        Exchange result = send("jwt:generate?secret=" + Tokens.SECRET + "&outputHeader=X-Token",
                stream("{\"sub\":\"carol\"}"), Map.of());
        assertNotNull(accepted(result).getHeader("X-Token"));
        assertEquals("{\"sub\":\"carol\"}", bodyAfterTheRoute());
    }

    /** What the step after the jwt endpoint reads from the body. */
    private String bodyAfterTheRoute() throws Exception {
        MockEndpoint mock = getMockEndpoint(MOCK);
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        return mock.getReceivedExchanges().get(0).getMessage().getBody(String.class);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
