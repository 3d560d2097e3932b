package io.cameljwt.examples.cookbook;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cookbook 9: {@code cookbook/checkout.camel.yaml}, loaded as Camel JBang loads it, over real HTTP: a cart priced by
 * the shop is signed into a cart token, and only an untouched cart token of the right type is charged.
 */
class CheckoutCartTokenTest extends HttpApiTestSupport {

    /** The shop's secret: a '+', '/', '&' and '=' in it, which only RAW(...) keeps as they are. */
    private static final String SECRET = "shop-secret+with/special&chars=0123456789abcdef";
    private static final String CART = "{\"items\":[{\"sku\":\"A-1\",\"quantity\":2},{\"sku\":\"B-7\",\"quantity\":1}]}";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("checkout.secret", SECRET);
        properties.setProperty("checkout.issuer", "https://shop.example.test");
        return properties;
    }

    @Override
    protected List<String> yamlRoutes() {
        return List.of("cookbook/checkout.camel.yaml");
    }

    private String quote(String cart) throws Exception {
        var response = send("POST", "/checkout/quote", null, cart);
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response).get("cart_token");
    }

    private HttpResponse<String> pay(String cartToken) throws Exception {
        return send(request("/checkout/pay").header("X-Cart-Token", cartToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void theQuoteIsASignedCartPricedFromTheCatalogue() throws Exception {
        var response = send("POST", "/checkout/quote", null, CART);

        assertEquals(200, response.statusCode());
        Map<String, Object> answer = json(response);
        assertEquals("104.30", answer.get("amount"));
        assertEquals("EUR", answer.get("currency"));
        String token = (String) answer.get("cart_token");
        assertEquals("cart+jwt", TestIssuer.header(token).get("typ"));
        assertEquals("HS256", TestIssuer.header(token).get("alg"));
        Map<String, Object> claims = TestIssuer.claims(token);
        assertEquals(List.of(Map.of("sku", "A-1", "quantity", 2L, "unit_price", "49.90"),
                Map.of("sku", "B-7", "quantity", 1L, "unit_price", "4.50")), claims.get("cart"));
        assertEquals("104.30", claims.get("amount"));
        assertEquals("checkout", claims.get("aud"));
        assertEquals(900L, (Long) claims.get("exp") - (Long) claims.get("iat"));
    }

    @Test
    void pricesTheClientSendsAreIgnored() throws Exception {
        String token = quote("{\"items\":[{\"sku\":\"A-1\",\"quantity\":1,\"unit_price\":\"0.01\"}],\"amount\":\"0.01\"}");

        assertEquals("49.90", TestIssuer.claims(token).get("amount"));
    }

    @Test
    void anUntouchedCartTokenIsChargedForWhatItSays() throws Exception {
        String token = quote(CART);

        var response = pay(token);

        assertEquals(200, response.statusCode());
        Map<String, Object> answer = json(response);
        assertEquals("paid", answer.get("status"));
        assertEquals("104.30", answer.get("amount"));
        assertEquals("EUR", answer.get("currency"));
        assertEquals(TestIssuer.claims(token).get("jti"), answer.get("cart"));
    }

    @Test
    void aCartWhoseAmountTheClientLoweredIsRefused() throws Exception {
        String tampered = TestIssuer.tamper(quote(CART), "\"amount\":\"104.30\"", "\"amount\":\"1.30\"");

        var response = pay(tampered);

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("error", "invalid_cart_token", "reason", "SIGNATURE_INVALID"), json(response));
    }

    @Test
    void aCartWithAnAddedItemIsRefused() throws Exception {
        String tampered = TestIssuer.tamper(quote(CART), "\"quantity\":1", "\"quantity\":50");

        assertEquals(Map.of("error", "invalid_cart_token", "reason", "SIGNATURE_INVALID"), json(pay(tampered)));
    }

    @Test
    void anotherTokenSignedWithTheSameSecretIsNoCartToken() throws Exception {
        // say a login token of the same shop: same key, issuer and even claims, but typ JWT
        JwtClaims claims = JwtClaims.parse("{\"cart\":[],\"amount\":\"0.00\",\"currency\":\"EUR\"}");
        claims.setIssuer("https://shop.example.test");
        claims.setAudience("checkout");
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));

        var response = pay(jws.getCompactSerialization());

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("error", "invalid_cart_token", "reason", "TYPE_MISMATCH"), json(response));
    }

    @Test
    void payingWithoutACartTokenIsRefused() throws Exception {
        var response = pay(" ");

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("error", "invalid_cart_token", "reason", "TOKEN_MISSING"), json(response));
    }

    @Test
    void aCartWithAnUnknownSkuIsABadRequest() throws Exception {
        var response = send("POST", "/checkout/quote", null, "{\"items\":[{\"sku\":\"Z-9\",\"quantity\":1}]}");

        assertEquals(400, response.statusCode());
        assertEquals(Map.of("error", "invalid_cart"), json(response));
    }
}
