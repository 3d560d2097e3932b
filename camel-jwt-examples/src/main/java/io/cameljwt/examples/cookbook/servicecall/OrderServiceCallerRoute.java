package io.cameljwt.examples.cookbook.servicecall;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook 6, service-to-service: the caller. {@code direct:reserve-stock} calls the inventory service
 * ({@code cookbook/service-to-service-callee.camel.yaml}) over HTTP with a token it signs itself for that call: its
 * own private key, {@code iss} and {@code sub} its name, {@code aud} the callee, one minute to live. The message body
 * is the request; it is kept aside while {@code jwt:generate} signs (generate reads the body as claims), then sent.
 * A refusal by the callee raises camel-http's {@code HttpOperationFailedException} with its status.
 * <p>
 * Properties: {@code service.name}, {@code service.privateKey}, {@code service.keyId}, {@code inventory.audience},
 * {@code inventory.url}.
 */
public class OrderServiceCallerRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:reserve-stock").routeId("cookbook-s2s-caller")
                .setVariable("request", body())
                // no claims but the URI's
                .setBody(constant(Map.of()))
                .to("jwt:generate?privateKey=RAW({{service.privateKey}})&keyId=RAW({{service.keyId}})"
                    + "&issuer=RAW({{service.name}})&subject=RAW({{service.name}})&audience=RAW({{inventory.audience}})"
                    + "&expiresIn=60s&outputHeader=Authorization")
                .setBody(variable("request"))
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{inventory.url}}")
                // the answer is the callee's; the token stays with this call
                .removeHeader("Authorization");
    }
}
