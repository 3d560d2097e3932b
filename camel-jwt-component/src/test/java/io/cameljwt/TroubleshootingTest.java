package io.cameljwt;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The symptoms docs/troubleshooting.md describes, each shown through a real route: what the user sees, and that the
 * fix the page gives works.
 */
class TroubleshootingTest {

    /** 36 bytes with '+', which a URI turns into a space unless the value is in RAW(). */
    private static final String PLUS_SECRET = "0123456789+abcdefghij+0123456789+xyz";
    private static final String ISSUER = "https://login.example.com";

    private CamelContext context;
    private ProducerTemplate template;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void secretWithPlusOutsideRawIsAnotherKeySoItsTokensFailAsSignatureInvalid() throws Exception {
        Properties properties = new Properties();
        properties.put("jwt.secret", PLUS_SECRET);
        start(properties, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:without-raw").to("jwt:validate?secret={{jwt.secret}}");
                from("direct:with-raw").to("jwt:validate?secret=RAW({{jwt.secret}})");
            }
        });
        String token = Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(validClaims()), "HS256",
                new HmacKey(PLUS_SECRET.getBytes(StandardCharsets.UTF_8)));

        JwtValidationException refused = refusal(send("direct:without-raw", token));
        assertEquals(JwtFailure.SIGNATURE_INVALID, refused.getReason());
        assertEquals("SIGNATURE_INVALID: the signature does not verify with the configured HS256 key",
                refused.getMessage());
        assertNull(send("direct:with-raw", token).getException());
    }

    @Test
    void pemKeyOutsideRawStopsTheRouteWithAMessageThatSaysRaw() {
        Properties properties = new Properties();
        String pem = TestKeys.text("keys/ec256-public.pem");
        assertTrue(pem.contains("+"), "the test key must hold a '+'");
        properties.put("jwt.publicKey", pem);
        Exception e = assertThrows(Exception.class, () -> start(properties, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("jwt:validate?publicKey={{jwt.publicKey}}");
            }
        }));
        assertTrue(causes(e).contains("Option 'publicKey': the PEM block is not valid Base64 (in a URI, wrap PEM text in"
                                      + " RAW(...): a '+' turns into a space)"), causes(e));
    }

    @Test
    void jsonBodyWithoutTheTokenHeaderIsReadAsTheTokenAndRefusedAsMalformed() throws Exception {
        start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("jwt:validate?secret=" + Tokens.SECRET);
            }
        });
        Exchange exchange = template.request("direct:orders",
                e -> e.getMessage().setBody("{\"order\":42,\"items\":[\"book\"]}"));
        JwtValidationException refused = refusal(exchange);
        assertEquals("MALFORMED: the token has a character outside Base64url", refused.getMessage());
    }

    @Test
    void keycloakTokenForTheAccountAudienceIsRefusedAsAudienceMismatch() throws Exception {
        start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("jwt:validate?secret=" + Tokens.SECRET + "&audience=orders-api");
            }
        });
        JwtValidationException refused = refusal(send("direct:orders", hs256(validClaims("aud", "account"))));
        assertEquals("AUDIENCE_MISMATCH: the token's aud names none of the accepted audiences", refused.getMessage());
        assertEquals(401, refused.httpStatus());
        assertNull(send("direct:orders", hs256(validClaims("aud", List.of("orders-api", "account")))).getException());
    }

    @Test
    void issuerWithoutTheTrailingSlashOfTheTokensIsRefusedAsIssuerMismatch() throws Exception {
        start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:without-slash").to("jwt:validate?secret=" + Tokens.SECRET
                                                + "&issuer=https://tenant.auth0.com");
                from("direct:with-slash").to("jwt:validate?secret=" + Tokens.SECRET
                                             + "&issuer=https://tenant.auth0.com/");
            }
        });
        String token = hs256(validClaims("iss", "https://tenant.auth0.com/"));
        assertEquals("ISSUER_MISMATCH: the token's iss is not an accepted issuer",
                refusal(send("direct:without-slash", token)).getMessage());
        assertNull(send("direct:with-slash", token).getException());
    }

    @Test
    void aJwkSetOnTheComponentIsAcceptedBesideTheEndpointsPublicKey() throws Exception {
        start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getComponent("jwt", JwtComponent.class).getConfiguration()
                        .setJwks("{\"keys\":[" + Tokens.rsa().toJson() + "]}");
                from("direct:partner").to("jwt:validate?publicKey=classpath:keys/ec256-public.pem");
            }
        });
        // the endpoint names the partner's EC key, yet a token signed with the component's RSA key passes
        assertNull(send("direct:partner", Tokens.rs256(validClaims())).getException());
    }

    @Test
    void aSecretOnTheComponentAndAPublicKeyOnTheEndpointStopValidateFromStarting() {
        Exception e = assertThrows(Exception.class, () -> start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getComponent("jwt", JwtComponent.class).getConfiguration().setSecret(Tokens.SECRET);
                from("direct:orders").to("jwt:validate?publicKey=classpath:keys/rsa-public.pem");
            }
        }));
        assertTrue(causes(e).contains("The verification keys mix HMAC secrets ('secret') with public keys ('publicKey')"),
                causes(e));
    }

    @Test
    void aSecretOnTheComponentAndAPrivateKeyOnTheEndpointStopGenerateFromStarting() {
        Exception e = assertThrows(Exception.class, () -> start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getComponent("jwt", JwtComponent.class).getConfiguration().setSecret(Tokens.SECRET);
                from("direct:login").to("jwt:generate?privateKey=classpath:keys/rsa-pkcs8.pem");
            }
        }));
        assertTrue(causes(e).contains("Several signing keys are configured ("), causes(e));
    }

    @Test
    void keyServerDownAtStartStartsTheRouteAndRefusesTokensWithKeysUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("jwt:validate?jwksUri=http://127.0.0.1:" + closedPort + "/keys");
            }
        });
        JwtValidationException refused = refusal(send("direct:orders", Tokens.rs256(validClaims())));
        assertEquals(JwtFailure.KEYS_UNAVAILABLE, refused.getReason());
        assertTrue(refused.getMessage().startsWith("KEYS_UNAVAILABLE: no usable keys from http://127.0.0.1:" + closedPort
                                                   + "/keys"), refused.getMessage());
        assertEquals(503, refused.httpStatus());
    }

    @Test
    void missingRoleIs403WhileABadTokenIs401() throws Exception {
        start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:admin").to("jwt:validate?secret=" + Tokens.SECRET + "&requiredRoles=admin");
            }
        });
        JwtValidationException forbidden = refusal(send("direct:admin", hs256(validClaims("roles", List.of("user")))));
        assertEquals("INSUFFICIENT_ROLES: the token holds none of the required roles [admin] at roles",
                forbidden.getMessage());
        assertEquals(403, forbidden.httpStatus());
        assertEquals(401, refusal(send("direct:admin", hs256(validClaims("exp", Tokens.now() - 3600)))).httpStatus());
    }

    private void start(Properties properties, RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(routes);
        context.start();
        template = context.createProducerTemplate();
    }

    private Exchange send(String uri, String token) {
        return template.request(uri, e -> e.getMessage().setHeader("Authorization", "Bearer " + token));
    }

    private static JwtValidationException refusal(Exchange exchange) {
        return assertInstanceOf(JwtValidationException.class, exchange.getException());
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
