package io.cameljwt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.cameljwt.RevocationTest.waitUntil;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two CamelContexts, as two nodes of a cluster, each with its own Hazelcast member (one cluster of two members in this
 * JVM, on 127.0.0.1 only: TCP-IP join, no multicast, no phone-home) and its own camel-hazelcast
 * {@code HazelcastIdempotentRepository} on the cluster's map {@code jwt-revoked}. A token revoked on node A is refused
 * on node B, and node A's revoke endpoint purges the entry from the cluster once the token expired.
 */
class RevocationHazelcastTest {

    private static final String MAP = "jwt-revoked";
    /** No clock skew, so a token of a few seconds expires, and its entry goes, within the test. */
    private static final String KEY = "secret=" + Tokens.SECRET + "&clockSkew=0&revocationRepository=#revokedTokens";

    private static HazelcastInstance memberA;
    private static HazelcastInstance memberB;
    private CamelContext nodeA;
    private CamelContext nodeB;
    private ProducerTemplate a;
    private ProducerTemplate b;

    /** The cluster is started once for the class (a member takes seconds to start); each test gets new nodes. */
    @BeforeAll
    static void startTwoMembers() throws IOException {
        // read by Hazelcast before any member's configuration, so its first messages also go through log4j
        System.setProperty("hazelcast.logging.type", "slf4j");
        String cluster = "camel-jwt-test-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        memberA = Hazelcast.newHazelcastInstance(loopbackMember(cluster, portA, portB));
        memberB = Hazelcast.newHazelcastInstance(loopbackMember(cluster, portB, portA));
        assertEquals(2, memberB.getCluster().getMembers().size(), "the two members form one cluster");
    }

    @AfterAll
    static void stopMembers() {
        for (HazelcastInstance member : new HazelcastInstance[] { memberA, memberB }) {
            if (member != null) {
                member.shutdown();
            }
        }
    }

    @BeforeEach
    void startTwoNodes() throws Exception {
        nodeA = node(memberA, "direct:revoke", "jwt:revoke?" + KEY + "&revocationPurgeInterval=1s");
        nodeB = node(memberB, "direct:validate", "jwt:validate?" + KEY);
        a = nodeA.createProducerTemplate();
        b = nodeB.createProducerTemplate();
    }

    /** A member that binds, joins and is reached on 127.0.0.1 only, and tells nobody about itself. */
    private static Config loopbackMember(String cluster, int port, int otherPort) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0"); // the member list is known: join at once
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + port, "127.0.0.1:" + otherPort));
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static CamelContext node(HazelcastInstance member, String from, String to) throws Exception {
        CamelContext node = new DefaultCamelContext();
        node.getRegistry().bind("revokedTokens", new HazelcastIdempotentRepository(member, MAP));
        node.getCamelContextExtension().setErrorHandlerFactory(new NoErrorHandlerBuilder());
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
        node.start();
        return node;
    }

    @AfterEach
    void stopNodesAndEmptyTheMap() {
        for (CamelContext node : new CamelContext[] { nodeA, nodeB }) {
            if (node != null) {
                node.stop();
            }
        }
        memberA.getMap(MAP).clear();
    }

    @Test
    void tokenRevokedOnOneMemberIsRefusedOnTheOtherAndItsEntryHoldsNoPartOfIt() {
        String token = hs256(validClaims("jti", "token-1"));
        String other = hs256(validClaims("jti", "token-2"));
        assertNull(call(b, "direct:validate", token).getException());

        Exchange revoked = call(a, "direct:revoke", token);
        assertNull(revoked.getException());
        assertEquals(Boolean.TRUE, revoked.getMessage().getHeader(JwtConstants.JWT_REVOKED));

        assertEquals(JwtFailure.REVOKED, refusal(b, token));
        assertNull(call(b, "direct:validate", other).getException());
        IMap<String, Boolean> map = memberB.getMap(MAP);
        assertEquals(1, map.size());
        String key = map.keySet().iterator().next();
        assertTrue(key.matches("\\d{13}:jti:[A-Za-z0-9_-]{43}"), key);
        for (String part : Tokens.parts(token)) {
            assertFalse(key.contains(part), "the entry holds a part of the token");
        }
    }

    @Test
    void entryLeavesTheClusterOnceItsTokenExpiredWhileOthersStay() throws Exception {
        String longLived = hs256(validClaims("jti", "long-lived"));
        assertNull(call(a, "direct:revoke", longLived).getException());
        // made once the route and the map have served a first message, so it is still valid when it reaches them
        String shortLived = hs256(validClaims("jti", "short-lived", "exp", now() + 3));
        assertNull(call(a, "direct:revoke", shortLived).getException());
        IMap<String, Boolean> seenFromB = memberB.getMap(MAP);
        assertEquals(2, seenFromB.size());
        assertEquals(JwtFailure.REVOKED, refusal(b, shortLived));

        waitUntil(() -> seenFromB.size() == 1, "node A purges the entry of the expired token from the cluster");

        assertEquals(JwtFailure.EXPIRED, refusal(b, shortLived));
        assertEquals(JwtFailure.REVOKED, refusal(b, longLived));
    }

    private static Exchange call(ProducerTemplate node, String uri, String token) {
        return node.request(uri, e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));
    }

    private static JwtFailure refusal(ProducerTemplate node, String token) {
        return assertInstanceOf(JwtValidationException.class, call(node, "direct:validate", token).getException())
                .getReason();
    }
}
