package io.cameljwt.examples.cookbook;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.gateway.ApiGatewayRoute;
import io.cameljwt.examples.cookbook.gateway.OrdersBackendRoute;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook 8: a client calls {@link ApiGatewayRoute} over HTTP; the gateway re-signs and forwards over HTTP to
 * {@link OrdersBackendRoute}. What reaches the backend is recorded (mock {@code backend-received}), to prove that the
 * client's token never does.
 */
class ApiGatewayTest extends HttpApiTestSupport {

    private final TestIssuer idp = new TestIssuer("https://idp.example.test", "idp-1");
    /** Stands for the gateway's own key pair; camel-jwt signs with its private key. */
    private final TestIssuer gatewayKeys = new TestIssuer("https://gateway.example.test", "gateway-2026");
    private boolean advised;

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("idp.publicKey", idp.publicKeyPem());
        properties.setProperty("idp.issuer", idp.issuer());
        properties.setProperty("gateway.audience", "api-gateway");
        properties.setProperty("gateway.privateKey", gatewayKeys.privateKeyPem());
        properties.setProperty("gateway.publicKey", gatewayKeys.publicKeyPem());
        properties.setProperty("gateway.keyId", "gateway-2026");
        properties.setProperty("gateway.issuer", gatewayKeys.issuer());
        properties.setProperty("backend.audience", "orders-backend");
        properties.setProperty("backend.url", url("/internal/orders"));
        return properties;
    }

    @Override
    protected List<RoutesBuilder> javaRoutes() {
        return List.of(new ApiGatewayRoute(), new OrdersBackendRoute());
    }

    @BeforeEach
    void recordWhatTheBackendReceives() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(context(), "cookbook-gateway-backend", a -> a.weaveAddFirst().to("mock:backend-received"));
            advised = true;
        }
        MockEndpoint.resetMocks(context());
    }

    private String clientToken(String subject, String... roles) {
        return idp.token(subject, "api-gateway", claims -> claims.setStringListClaim("roles", roles));
    }

    @Test
    void theBackendGetsTheGatewaysTokenWithTheClientsSubjectAndRoles() throws Exception {
        var response = get("/gateway/orders", clientToken("alice", "buyer"));

        assertEquals(200, response.statusCode());
        Map<String, Object> backend = json(response);
        assertEquals("GET", backend.get("method"));
        assertEquals("alice", backend.get("subject"));
        assertEquals(List.of("buyer"), backend.get("roles"));
        assertEquals("https://gateway.example.test", backend.get("tokenIssuer"));
        // sub and roles from the client; iss, aud and the times the gateway's own; nothing else
        assertEquals(List.of("iss", "aud", "iat", "exp", "jti", "sub", "roles"), backend.get("tokenClaims"));
    }

    @Test
    void theClientsTokenNeverReachesTheBackend() throws Exception {
        String clientToken = clientToken("alice", "buyer");
        MockEndpoint received = getMockEndpoint("mock:backend-received");
        received.expectedMessageCount(1);

        var response = get("/gateway/orders", clientToken);

        assertEquals(200, response.statusCode());
        received.assertIsSatisfied();
        Exchange atBackend = received.getExchanges().get(0);
        String authorization = atBackend.getMessage().getHeader("Authorization", String.class);
        assertTrue(authorization.startsWith("Bearer "), authorization);
        assertNotEquals("Bearer " + clientToken, authorization);
        assertEquals("gateway-2026", TestIssuer.header(authorization.substring(7)).get("kid"));
        atBackend.getMessage().getHeaders().forEach((name, value) ->
                assertFalse(String.valueOf(value).contains(clientToken), "header " + name + " holds the client's token"));
    }

    @Test
    void aPostIsForwardedWithItsBodyAndTheBodyDoesNotChooseTheClaims() throws Exception {
        String request = "{\"sub\":\"root\",\"roles\":[\"admin\"],\"item\":\"A-1\"}";

        var response = send("POST", "/gateway/orders", clientToken("alice", "buyer"), request);

        assertEquals(200, response.statusCode());
        Map<String, Object> backend = json(response);
        assertEquals("POST", backend.get("method"));
        assertEquals(request, backend.get("request"));
        assertEquals("alice", backend.get("subject"));
        assertEquals(List.of("buyer"), backend.get("roles"));
    }

    @Test
    void theClientNeverGetsTheInternalTokenBack() throws Exception {
        var response = get("/gateway/orders", clientToken("alice", "buyer"));

        assertEquals(200, response.statusCode());
        assertEquals(List.of("application/json"), response.headers().allValues("Content-Type"));
        assertFalse(response.headers().firstValue("Authorization").isPresent(), response.headers().toString());
    }

    @Test
    void anExpiredClientTokenIsRefusedAtTheGatewayAndNothingIsForwarded() throws Exception {
        MockEndpoint received = getMockEndpoint("mock:backend-received");
        received.expectedMessageCount(0);
        String expired = idp.token("alice", "api-gateway", claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 1200));
            claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        });

        var response = get("/gateway/orders", expired);

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "EXPIRED"), json(response));
        received.assertIsSatisfied();
    }

    @Test
    void theBackendRefusesTheClientsTokenSentStraightToIt() throws Exception {
        var response = get("/internal/orders", clientToken("alice", "buyer"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", challenge(response));
    }
}
