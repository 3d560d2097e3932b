package io.cameljwt;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Keys are read once per endpoint start, however many routes and producers use it and however many messages pass;
 * a restarted route reads them again.
 */
class EndpointLifecycleTest extends CamelTestSupport {

    private static final String SIGN = "jwt:generate?keyStore=#countingStore&keyAlias=rsa&keyStorePassword=storepass";

    private static final String FIRST_SECRET = "first-secret-0123456789abcdef-0123";
    private static final String SECOND_SECRET = "second-secret-0123456789abcdef-012";

    private final CountingKeyStoreParameters store = new CountingKeyStoreParameters();

    /** A key store bean that counts how often the component opens it. */
    static final class CountingKeyStoreParameters extends KeyStoreParameters {
        final AtomicInteger opened = new AtomicInteger();

        CountingKeyStoreParameters() {
            setResource("classpath:keys/keys.p12");
            setPassword(TestKeys.STORE_PASSWORD);
        }

        @Override
        public KeyStore createKeyStore() throws GeneralSecurityException, IOException {
            opened.incrementAndGet();
            return super.createKeyStore();
        }
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("countingStore", store);
        registry.bind("rotatingSecret", FIRST_SECRET);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one").routeId("one").to(SIGN);
                from("direct:two").routeId("two").to(SIGN);
                from("direct:rotating").routeId("rotating").to("jwt:generate?secret=#rotatingSecret");
            }
        };
    }

    @Test
    void oneEndpointUsedByTwoRoutesOpensItsKeyStoreOnce() {
        for (int i = 0; i < 20; i++) {
            template.requestBody(i % 2 == 0 ? "direct:one" : "direct:two", Map.of("n", i), String.class);
            template.requestBody(SIGN, Map.of("n", i), String.class);
        }
        assertEquals(1, store.opened.get());
    }

    @Test
    void stoppingOneOfTwoRoutesLeavesTheOtherWithItsKeysAndTheLastStopReleasesThem() throws Exception {
        template.requestBody("direct:one", Map.of("n", 1), String.class);
        context.getRouteController().stopRoute("one");
        template.requestBody("direct:two", Map.of("n", 2), String.class);
        assertEquals(1, store.opened.get(), "the running route kept the keys read at start");

        context.getRouteController().stopRoute("two");
        context.getRouteController().startRoute("one");
        template.requestBody("direct:one", Map.of("n", 3), String.class);
        assertEquals(2, store.opened.get(), "starting again after the last stop reads the keys again");
    }

    @Test
    void restartedRouteReadsItsKeysAgain() throws Exception {
        String before = template.requestBody("direct:rotating", Map.of("sub", "a"), String.class);
        context.getRouteController().stopRoute("rotating");
        context.getRegistry().bind("rotatingSecret", SECOND_SECRET);
        context.getRouteController().startRoute("rotating");
        String after = template.requestBody("direct:rotating", Map.of("sub", "a"), String.class);

        assertEquals(JwtFailure.SIGNATURE_INVALID, validateWith(SECOND_SECRET, before));
        assertNull(validateWith(SECOND_SECRET, after));
    }

    private JwtFailure validateWith(String secret, String token) {
        Exchange result = template.request("jwt:validate?secret=" + secret,
                e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));
        return result.getException() instanceof JwtValidationException e ? e.getReason() : null;
    }
}
