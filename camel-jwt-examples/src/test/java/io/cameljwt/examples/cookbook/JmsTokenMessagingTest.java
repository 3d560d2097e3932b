package io.cameljwt.examples.cookbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.cameljwt.examples.cookbook.messaging.JmsOrderRoutes;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.test.AvailablePortFinder;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook use 16, JMS: {@link JmsOrderRoutes} on an embedded ActiveMQ Artemis broker (TCP on 127.0.0.1): a message
 * the order service sent with its token is processed; one whose token is refused lands in the dead-letter queue with
 * its {@code JwtFailure}, its body as sent and without its token.
 */
class JmsTokenMessagingTest extends OpsCookbookTestSupport {

    /** The secret the two services share: with {@code +} and {@code &}, which only RAW(...) keeps in a URI. */
    private static final String SECRET = "orders+queue&secret-0123456789-abcdefghijklmnop";
    private static final String ORDER = "{\"order\":\"A-1001\",\"item\":\"keyboard\"}";
    private static final long RECEIVE_TIMEOUT = 10_000;

    private static EmbeddedActiveMQ broker;
    private static String brokerUrl;

    @BeforeAll
    static void startBroker() throws Exception {
        Path dir = Files.createTempDirectory("cookbook-artemis");
        brokerUrl = "tcp://127.0.0.1:" + AvailablePortFinder.getNextAvailable();
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", brokerUrl);
        configuration.setBrokerInstance(dir.toFile());
        broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @Override
    protected boolean usesHttp() {
        return false;
    }

    @Override
    protected Properties routeProperties() {
        Properties properties = new Properties();
        properties.setProperty("messaging.secret", SECRET);
        properties.setProperty("messaging.queue", "jms:queue:orders");
        properties.setProperty("messaging.deadLetterQueue", "jms:queue:orders.DLQ");
        properties.setProperty("messaging.processed", "jms:queue:orders.processed");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(new ActiveMQConnectionFactory(brokerUrl)));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JmsOrderRoutes();
    }

    @Test
    void anOrderSentWithTheServicesTokenIsProcessedAndNamesTheSender() {
        template.sendBody("direct:send-order", ORDER);

        Exchange processed = consumer.receive("jms:queue:orders.processed", RECEIVE_TIMEOUT);
        assertNotNull(processed, "the order was not processed");
        assertEquals(ORDER, processed.getMessage().getBody(String.class));
        assertEquals("order-service", processed.getMessage().getHeader("OrderPlacedBy"));
        assertNull(processed.getMessage().getHeader("Authorization"));
        assertNull(consumer.receiveNoWait("jms:queue:orders.DLQ"));
    }

    @Test
    void theTokenTravelsAsAJmsPropertyOfTheMessage() throws Exception {
        // the order service's token, read from the queue by a plain JMS consumer (the validating route is stopped)
        context.getRouteController().stopRoute("cookbook-jms-receive-order");
        try {
            template.sendBody("direct:send-order", ORDER);
            Exchange sent = consumer.receive("jms:queue:orders", RECEIVE_TIMEOUT);
            assertNotNull(sent);
            String authorization = sent.getMessage().getHeader("Authorization", String.class);
            assertTrue(authorization.startsWith("Bearer ey"), "no bearer token on the message");
            assertEquals(ORDER, sent.getMessage().getBody(String.class));
        } finally {
            context.getRouteController().startRoute("cookbook-jms-receive-order");
        }
    }

    @Test
    void anOrderWithAnExpiredTokenGoesToTheDeadLetterQueueWithItsFailure() throws Exception {
        JwtClaims claims = orderServiceClaims();
        claims.setExpirationTimeMinutesInTheFuture(-5);

        assertDeadLettered(hs256(SECRET, claims), "EXPIRED");
    }

    @Test
    void anOrderWithATokenSignedWithAnotherSecretGoesToTheDeadLetterQueue() throws Exception {
        assertDeadLettered(hs256("another-secret-of-at-least-32-bytes-length!", orderServiceClaims()), "SIGNATURE_INVALID");
    }

    @Test
    void anOrderWithATokenForAnotherAudienceGoesToTheDeadLetterQueueWithoutIt() throws Exception {
        JwtClaims claims = orderServiceClaims();
        claims.setAudience("payments-queue");

        assertDeadLettered(hs256(SECRET, claims), "AUDIENCE_MISMATCH");
    }

    @Test
    void anOrderWithoutATokenGoesToTheDeadLetterQueueAsMalformedSinceTheBodyIsReadInstead() {
        template.sendBody("jms:queue:orders", ORDER);

        Exchange dead = consumer.receive("jms:queue:orders.DLQ", RECEIVE_TIMEOUT);
        assertNotNull(dead);
        assertEquals("MALFORMED", dead.getMessage().getHeader("JwtFailure"));
        assertEquals(ORDER, dead.getMessage().getBody(String.class));
    }

    private void assertDeadLettered(String token, String failure) {
        template.sendBodyAndHeader("jms:queue:orders", ORDER, "Authorization", "Bearer " + token);

        Exchange dead = consumer.receive("jms:queue:orders.DLQ", RECEIVE_TIMEOUT);
        assertNotNull(dead, "nothing in the dead-letter queue");
        assertEquals(failure, dead.getMessage().getHeader("JwtFailure"));
        assertTrue(dead.getMessage().getHeader("JwtFailureMessage", String.class).startsWith(failure + ": "));
        assertEquals(ORDER, dead.getMessage().getBody(String.class));
        assertNull(dead.getMessage().getHeader("Authorization"));
        assertNull(consumer.receiveNoWait("jms:queue:orders.processed"));
    }

    private static JwtClaims orderServiceClaims() {
        return claims("order-service", "orders-queue", "order-service", 5);
    }

    private static String hs256(String secret, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }
}
