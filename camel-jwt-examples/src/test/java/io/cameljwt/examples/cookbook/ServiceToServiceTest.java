package io.cameljwt.examples.cookbook;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.servicecall.OrderServiceCallerRoute;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cookbook 6: {@link OrderServiceCallerRoute} (Java) calls the inventory service
 * ({@code cookbook/service-to-service-callee.camel.yaml}, loaded as Camel JBang loads it) over real HTTP.
 */
class ServiceToServiceTest extends HttpApiTestSupport {

    /** The order service's key pair: the caller route signs with its private key, the callee holds its public key. */
    private final TestIssuer orderService = new TestIssuer("order-service", "order-service-2026");

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("service.name", "order-service");
        properties.setProperty("service.privateKey", orderService.privateKeyPem());
        properties.setProperty("service.keyId", "order-service-2026");
        properties.setProperty("inventory.audience", "inventory-service");
        properties.setProperty("inventory.url", url("/inventory/reservations"));
        properties.setProperty("inventory.callerPublicKey", orderService.publicKeyPem());
        properties.setProperty("inventory.caller", "order-service");
        return properties;
    }

    @Override
    protected List<RoutesBuilder> javaRoutes() {
        return List.of(new OrderServiceCallerRoute());
    }

    @Override
    protected List<String> yamlRoutes() {
        return List.of("cookbook/service-to-service-callee.camel.yaml");
    }

    @Test
    void theCallerSignsItsOwnTokenAndTheCalleeAcceptsIt() throws Exception {
        Exchange exchange = template.request("direct:reserve-stock",
                e -> e.getMessage().setBody("{\"sku\":\"A-1\",\"quantity\":2}"));

        assertNull(exchange.getException());
        assertEquals(200, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        assertEquals(Map.of("reservedFor", "order-service", "request", "26 bytes"),
                JSON.readValue(exchange.getMessage().getBody(String.class), Map.class));
        assertNull(exchange.getMessage().getHeader("Authorization"));
    }

    @Test
    void aCallWithoutATokenIs401WithABareChallenge() throws Exception {
        var response = send("POST", "/inventory/reservations", null, null);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", challenge(response));
        assertEquals(Map.of("error", "TOKEN_MISSING"), json(response));
    }

    @Test
    void aCallWithABodyButNoTokenIs401Malformed() throws Exception {
        // without a token header, validate reads the body as the token (docs/validate.md): a JSON body is no JWT
        var response = send("POST", "/inventory/reservations", null, "{\"sku\":\"A-1\"}");

        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "MALFORMED"), json(response));
    }

    @Test
    void aTokenTheCallerMadeForAnotherServiceIsRefused() throws Exception {
        var response = send("POST", "/inventory/reservations", orderService.token("order-service", "billing-service"), "{}");

        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", challenge(response));
        assertEquals(Map.of("error", "AUDIENCE_MISMATCH"), json(response));
    }

    @Test
    void aServiceWhoseKeyTheCalleeDoesNotHoldIsRefused() throws Exception {
        TestIssuer impostor = new TestIssuer("order-service", "order-service-2026");

        var response = send("POST", "/inventory/reservations", impostor.token("order-service", "inventory-service"), "{}");

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "SIGNATURE_INVALID"), json(response));
    }

    @Test
    void aLongLivedTokenIssuedLongAgoIsRefusedAsTooOld() throws Exception {
        String replayed = orderService.token("order-service", "inventory-service", claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
            claims.setExpirationTimeMinutesInTheFuture(60);
        });

        var response = send("POST", "/inventory/reservations", replayed, "{}");

        assertEquals(401, response.statusCode());
        assertEquals(Map.of("error", "TOO_OLD"), json(response));
    }
}
