package io.cameljwt.internal;

import java.util.List;

import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.PublishedKeys;
import io.cameljwt.internal.settings.KeySettings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code jwt:jwks}: the body becomes the public JWK Set of the endpoint's keys, built once at start, with
 * {@code Content-Type: application/json}, so a route from {@code platform-http:/.well-known/jwks.json} serves it as is.
 */
public final class JwksOperation implements Processor {

    private final String json;

    public JwksOperation(KeySettings settings, List<KeyEntry> keys) {
        this.json = PublishedKeys.json(keys, settings);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setBody(json);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
