package io.cameljwt.examples.cookbook.messaging;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 16, Kafka: the same as {@link JmsOrderRoutes} over a Kafka topic. camel-kafka writes the
 * {@code Authorization} header as a record header and hands it to the consumer as {@code byte[]}; {@code jwt:validate}
 * reads it as UTF-8 text. A record whose token is refused goes to the dead-letter topic with the {@code JwtFailure}.
 *
 * <p>Properties: {@code messaging.secret}, {@code kafka.brokers}, {@code kafka.topic}, {@code kafka.deadLetterTopic}
 * and {@code kafka.processed} (an endpoint URI).
 */
public class KafkaOrderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:publish-order").routeId("cookbook-kafka-publish-order")
                .setVariable("order", body())
                .setBody(constant((Object) null))
                .to("jwt:generate?" + JmsOrderRoutes.TOKEN_OPTIONS
                    + "&subject=order-service&expiresIn=5m&outputHeader=Authorization")
                .setBody(variable("order"))
                .to("kafka:{{kafka.topic}}?brokers={{kafka.brokers}}");

        from("kafka:{{kafka.topic}}?brokers={{kafka.brokers}}&groupId=order-processor&autoOffsetReset=earliest")
                .routeId("cookbook-kafka-receive-order")
                .onException(JwtValidationException.class).handled(true)
                    .setHeader("JwtFailure", simple("${exception.reason}", String.class))
                    .setHeader("JwtFailureMessage", simple("${exception.message}"))
                    .removeHeader("Authorization")
                    .to("kafka:{{kafka.deadLetterTopic}}?brokers={{kafka.brokers}}")
                .end()
                .to("jwt:validate?" + JmsOrderRoutes.TOKEN_OPTIONS)
                .setHeader("OrderPlacedBy", header(JwtConstants.JWT_SUBJECT))
                .removeHeaders("CamelJwt*")
                .removeHeader("Authorization")
                .to("{{kafka.processed}}");
    }
}
