package io.cameljwt.examples.cookbook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.cameljwt.examples.cookbook.messaging.KafkaOrderRoutes;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook use 16, Kafka: {@link KafkaOrderRoutes} on a real Kafka broker (KRaft, one combined node) started in the
 * test JVM with Kafka's own test kit. camel-kafka hands record headers to the consumer as {@code byte[]}; the test
 * shows the token arrives so, that {@code jwt:validate} reads it, and that refused records land in the dead-letter topic
 * with their {@code JwtFailure}. One Camel context serves the class: joining a consumer group takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTokenHeaderTest extends OpsCookbookTestSupport {

    private static final String SECRET = "orders+queue&secret-0123456789-abcdefghijklmnop";
    private static final long WAIT = 20_000;

    private KafkaClusterTestKit cluster;

    @BeforeAll
    void startKafka() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // a consumer group forms at once instead of waiting for more members
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // one broker: the internal topics cannot have the default three replicas
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1), new NewTopic("orders.DLT", 1, (short) 1)))
                    .all().get();
        }
    }

    @AfterAll
    void stopKafka() throws Exception {
        // the routes' consumers and producers first, so that none is left retrying a broker that is gone
        context.stop();
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void resetMocks() {
        MockEndpoint.resetMocks(context);
    }

    @Override
    protected boolean usesHttp() {
        return false;
    }

    @Override
    protected Properties routeProperties() {
        Properties properties = new Properties();
        properties.setProperty("messaging.secret", SECRET);
        properties.setProperty("kafka.brokers", cluster.bootstrapServers());
        properties.setProperty("kafka.topic", "orders");
        properties.setProperty("kafka.deadLetterTopic", "orders.DLT");
        properties.setProperty("kafka.processed", "mock:processed");
        return properties;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new KafkaOrderRoutes(), new RouteBuilder() {
            @Override
            public void configure() {
                // what a consumer sees on the topic, in a group of its own: the record headers as camel-kafka gives them
                from("kafka:orders?brokers={{kafka.brokers}}&groupId=probe&autoOffsetReset=earliest").to("mock:raw");
                from("kafka:orders.DLT?brokers={{kafka.brokers}}&groupId=dlt-reader&autoOffsetReset=earliest")
                        .to("mock:deadLetter");
            }
        } };
    }

    @Test
    void theTokenArrivesAsARecordHeaderOfBytesAndValidateReadsIt() throws Exception {
        MockEndpoint processed = getMockEndpoint("mock:processed");
        processed.expectedBodiesReceived(order("K-1"));
        processed.expectedHeaderReceived("OrderPlacedBy", "order-service");

        template.sendBody("direct:publish-order", order("K-1"));

        MockEndpoint.assertIsSatisfied(WAIT, TimeUnit.MILLISECONDS, processed);
        Object header = received(getMockEndpoint("mock:raw"), order("K-1")).getHeader("Authorization");
        byte[] bytes = assertInstanceOf(byte[].class, header);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("Bearer ey"));
        assertNull(processed.getReceivedExchanges().get(0).getMessage().getHeader("Authorization"));
    }

    @Test
    void aRecordWithAnExpiredTokenGoesToTheDeadLetterTopicWithItsFailure() throws Exception {
        JwtClaims claims = claims("order-service", "orders-queue", "order-service", -5);

        assertDeadLettered(("Bearer " + hs256(claims)).getBytes(StandardCharsets.UTF_8), "K-2", "EXPIRED");
    }

    @Test
    void aRecordWithATokenForAnotherAudienceGoesToTheDeadLetterTopic() throws Exception {
        JwtClaims claims = claims("order-service", "payments-queue", "order-service", 5);

        assertDeadLettered(("Bearer " + hs256(claims)).getBytes(StandardCharsets.UTF_8), "K-3", "AUDIENCE_MISMATCH");
    }

    @Test
    void aRecordHeaderThatIsNotUtf8IsRefusedAsMalformed() throws Exception {
        String token = hs256(claims("order-service", "orders-queue", "order-service", 5));
        byte[] bytes = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 10] = (byte) 0xC3;   // a UTF-8 lead byte without its continuation, inside the signature

        assertDeadLettered(bytes, "K-4", "MALFORMED");
    }

    private void assertDeadLettered(byte[] authorization, String orderId, String failure) throws Exception {
        MockEndpoint deadLetter = getMockEndpoint("mock:deadLetter");
        deadLetter.expectedBodiesReceived(order(orderId));
        MockEndpoint processed = getMockEndpoint("mock:processed");
        processed.expectedMessageCount(0);

        // a record as any Kafka producer would write it: the header's bytes as given
        template.sendBodyAndHeader("kafka:orders?brokers={{kafka.brokers}}", order(orderId), "Authorization", authorization);

        deadLetter.setResultWaitTime(WAIT);
        deadLetter.assertIsSatisfied();
        Message dead = deadLetter.getReceivedExchanges().get(0).getMessage();
        assertEquals(failure, dead.getHeader("JwtFailure", String.class));
        assertTrue(dead.getHeader("JwtFailureMessage", String.class).startsWith(failure + ": "));
        assertNull(dead.getHeader("Authorization"));
        processed.assertIsSatisfied();
    }

    /**
     * The record with this body as the probe consumer got it. The probe reads every record of the topic, those of the
     * other tests too, and may get theirs late, after the mocks were reset: so the record is looked for by its body,
     * not taken as the first one.
     */
    private static Message received(MockEndpoint probe, String body) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
        do {
            for (Exchange exchange : List.copyOf(probe.getReceivedExchanges())) {
                if (body.equals(exchange.getMessage().getBody(String.class))) {
                    return exchange.getMessage();
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no record with the body " + body + " reached " + probe.getEndpointUri());
    }

    private static String order(String id) {
        return "{\"order\":\"" + id + "\",\"item\":\"keyboard\"}";
    }

    private static String hs256(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }
}
