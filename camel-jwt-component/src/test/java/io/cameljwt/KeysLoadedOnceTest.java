package io.cameljwt;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keys are read once per endpoint, when it first starts, however many routes and producers use it and however many
 * messages pass.
 */
class KeysLoadedOnceTest extends CamelTestSupport {

    private static final String SIGN = "jwt:generate?keyStore=#countingStore&keyAlias=rsa&keyStorePassword=storepass";

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
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one").to(SIGN);
                from("direct:two").to(SIGN);
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
}
