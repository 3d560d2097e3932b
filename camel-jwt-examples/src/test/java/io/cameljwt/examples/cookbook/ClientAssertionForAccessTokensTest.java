package io.cameljwt.examples.cookbook;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.OAuthTokens;
import io.cameljwt.examples.ProtectedApiRoutes;
import io.cameljwt.examples.cookbook.assertion.ClientAssertionRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.AvailablePortFinder;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.RsaKeyUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cookbook use 7: {@link ClientAssertionRoutes} gets access tokens from a real token endpoint (mock-oauth2-server) with
 * a client assertion ({@code private_key_jwt}) signed by {@code jwt:generate}, keeps each token until it expires within
 * {@code refreshBefore}, and calls an API that validates them. The test checks each assertion as the token endpoint
 * should (mock-oauth2-server takes any): with the client's public key, {@code iss} = {@code sub} = the client id,
 * {@code aud} = the token endpoint, a {@code jti} and one minute to live.
 */
class ClientAssertionForAccessTokensTest extends IdentityCookbookTestSupport {

    private static final String CLIENT_ID = "reporting-client";
    private static final TestIdentityProvider PROVIDER = new TestIdentityProvider(AvailablePortFinder.getNextAvailable());

    @BeforeAll
    static void startProvider() throws Exception {
        PROVIDER.start();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("reports.clientId", CLIENT_ID);
        properties.setProperty("reports.clientPrivateKey", "classpath:cookbook/keys/client-assertion-private.pem");
        properties.setProperty("reports.clientKeyId", "reporting-client-2026");
        properties.setProperty("reports.tokenEndpoint", tokenEndpoint());
        properties.setProperty("reports.scope", "reports.read");
        properties.setProperty("reports.refreshBefore", "60s");
        properties.setProperty("reports.apiUrl", "http://127.0.0.1:" + PORT + "/reports");
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new ClientAssertionRoutes());
        // the third party's API, which takes the provider's access tokens
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                onException(JwtValidationException.class).handled(true).process(ProtectedApiRoutes::refuse);
                from("platform-http:/reports?httpMethodRestrict=GET")
                        .to("jwt:validate?issuerUri=" + PROVIDER.issuer("reports-idp") + "&audience=reports-api")
                        .process(e -> HttpJson.respond(e, 200, Map.of("client", e.getMessage().getHeader("CamelJwtSubject"))));
            }
        });
    }

    @Test
    void theFirstCallSignsAnAssertionTheTokenEndpointCanVerify() throws Exception {
        IssuedTokenCallback provider = serve(3600);

        assertEquals(Map.of("client", CLIENT_ID), callReportsApi());

        List<String> assertions = provider.clientAssertions();
        assertEquals(1, assertions.size());
        JwtContext assertion = verifyAsTheTokenEndpoint(assertions.get(0));
        JwtClaims claims = assertion.getJwtClaims();
        assertEquals("reporting-client-2026", assertion.getJoseObjects().get(0).getKeyIdHeaderValue());
        assertEquals(CLIENT_ID, claims.getSubject());
        assertNotNull(claims.getJwtId());
        assertEquals(60, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void callsWhileTheAccessTokenLivesReuseItWithoutANewAssertion() throws Exception {
        IssuedTokenCallback provider = serve(3600);

        callReportsApi();
        String first = tokens().accessToken();
        callReportsApi();
        callReportsApi();

        assertEquals(1, provider.clientAssertions().size());
        assertEquals(1, tokens().refreshes());
        assertEquals(first, tokens().accessToken());
    }

    @Test
    void aCallWhenTheAccessTokenExpiresWithinRefreshBeforeSignsANewAssertion() throws Exception {
        IssuedTokenCallback shortLived = serve(30);
        IssuedTokenCallback next = serve(3600);

        callReportsApi();
        String first = tokens().accessToken();
        callReportsApi();
        callReportsApi();

        assertEquals(2, tokens().refreshes());
        assertNotEquals(first, tokens().accessToken());
        String firstAssertion = shortLived.clientAssertions().get(0);
        String secondAssertion = next.clientAssertions().get(0);
        assertNotEquals(verifyAsTheTokenEndpoint(firstAssertion).getJwtClaims().getJwtId(),
                verifyAsTheTokenEndpoint(secondAssertion).getJwtClaims().getJwtId());
        assertEquals(1, next.clientAssertions().size());
    }

    @Test
    void theApiRefusesAnAccessTokenMadeForAnotherAudience() throws Exception {
        PROVIDER.enqueue(new IssuedTokenCallback("reports-idp", CLIENT_ID, "billing-api", 3600));

        Exchange exchange = template.send("direct:call-reports-api", e -> {
        });

        HttpOperationFailedException failure = assertInstanceOf(HttpOperationFailedException.class, exchange.getException());
        assertEquals(401, failure.getStatusCode());
        assertEquals(refusal("AUDIENCE_MISMATCH"), JSON.readValue(failure.getResponseBody(), Map.class));
    }

    /** The provider serves the next token request with an access token for the reports API living this long. */
    private static IssuedTokenCallback serve(long lifetimeSeconds) {
        IssuedTokenCallback callback = new IssuedTokenCallback("reports-idp", CLIENT_ID, "reports-api", lifetimeSeconds);
        PROVIDER.enqueue(callback);
        return callback;
    }

    private Map<?, ?> callReportsApi() throws Exception {
        Exchange exchange = template.send("direct:call-reports-api", e -> {
        });
        assertNull(exchange.getException(), () -> "the call failed: " + exchange.getException());
        return JSON.readValue(exchange.getMessage().getBody(String.class), Map.class);
    }

    private OAuthTokens tokens() {
        return context.getRegistry().lookupByNameAndType(ClientAssertionRoutes.TOKENS, OAuthTokens.class);
    }

    /** What a token endpoint that holds the client's public key checks (RFC 7523, section 3). */
    private static JwtContext verifyAsTheTokenEndpoint(String assertion) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(new RsaKeyUtil().fromPemEncoded(resource("/cookbook/keys/client-assertion-public.pem")))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setExpectedIssuer(CLIENT_ID)
                .setExpectedSubject(CLIENT_ID)
                .setExpectedAudience(tokenEndpoint())
                .setRequireJwtId()
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(2)
                .build()
                .process(assertion);
    }

    private static String tokenEndpoint() {
        return PROVIDER.issuer("reports-idp") + "/token";
    }
}
