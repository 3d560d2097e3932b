package io.cameljwt.examples.cookbook.messaging;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 16, JMS: the order service puts a token on each order message it sends ({@code jwt:generate} into the
 * {@code Authorization} header, a JMS property), and the consumer checks it ({@code jwt:validate}) before it processes
 * the order. A message whose token is refused goes to the dead-letter queue with the {@code JwtFailure} in the
 * properties {@code JwtFailure} and {@code JwtFailureMessage}, and without its token.
 *
 * <p>Properties: {@code messaging.secret} (the HMAC secret the two services share, at least 32 bytes),
 * {@code messaging.queue}, {@code messaging.deadLetterQueue} and {@code messaging.processed} (endpoint URIs).
 */
public class JmsOrderRoutes extends RouteBuilder {

    /** What the order service writes and the consumer requires. */
    static final String TOKEN_OPTIONS = "secret=RAW({{messaging.secret}})&issuer=order-service&audience=orders-queue";

    @Override
    public void configure() {
        from("direct:send-order").routeId("cookbook-jms-send-order")
                // generate reads its claims from the body: keep the order aside and sign the URI's claims only
                .setVariable("order", body())
                .setBody(constant((Object) null))
                .to("jwt:generate?" + TOKEN_OPTIONS + "&subject=order-service&expiresIn=5m&outputHeader=Authorization")
                .setBody(variable("order"))
                .to("{{messaging.queue}}");

        from("{{messaging.queue}}").routeId("cookbook-jms-receive-order")
                .onException(JwtValidationException.class).handled(true)
                    // as text: a JMS property holds no other object, and camel-jms would drop the enum
                    .setHeader("JwtFailure", simple("${exception.reason}", String.class))
                    // names the failed check, never the token
                    .setHeader("JwtFailureMessage", simple("${exception.message}"))
                    // a refused token may still be good for another audience: it is not kept in the dead-letter queue
                    .removeHeader("Authorization")
                    .to("{{messaging.deadLetterQueue}}")
                .end()
                .to("jwt:validate?" + TOKEN_OPTIONS)
                .setHeader("OrderPlacedBy", header(JwtConstants.JWT_SUBJECT))
                .removeHeaders("CamelJwt*")
                .removeHeader("Authorization")
                .to("{{messaging.processed}}");
    }
}
