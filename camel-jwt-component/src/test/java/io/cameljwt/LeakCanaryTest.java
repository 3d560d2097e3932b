package io.cameljwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.cameljwt.Canaries.Needle;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.AesKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import static io.cameljwt.Canaries.SECRET;
import static io.cameljwt.Canaries.file;
import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.json;
import static io.cameljwt.Tokens.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leak canaries: every failure path is driven with recognisable secrets, keys and tokens ({@link Canaries}), and
 * everything a log reader, a client, a route or an operator can see afterwards is searched for them
 * ({@link LeakScanner}): all log output (every logger at DEBUG, {@code io.cameljwt} at TRACE, Camel's error handler
 * included), the exception of each exchange with its causes ({@code getMessage()} and {@code toString()}), every header
 * of the resulting message, every JMX attribute of the context's MBeans, and every health check's message, details and
 * error. Driven through real routes ({@code direct:} -> {@code jwt:} -> {@code mock:}, Camel's default error handler):
 * every {@link JwtFailure} of validate with {@code failOnInvalid=true} (an exception) and {@code false} (headers), of
 * decode and revoke; every configuration error we can list (their lists are in {@link ConfigurationErrorTest} and
 * {@link EncryptionConfigurationErrorTest}), with canary values in the options; remote-key outages on 127.0.0.1 (down,
 * an error status, garbage, private and secret keys in the set, hang, trickle, redirects and discovery documents naming
 * credentials); revocation stores that fail; generate refusing its input.
 * <p>
 * What is left out, and why:
 * <ul>
 * <li>the headers the test itself sent ({@code CamelJwtToken}, {@code Authorization}) and the body, which the route
 * gave the component and which it leaves as it was: each route removes {@code CamelJwtToken} after the component, as
 * docs/security.md tells routes to, since Camel's mock endpoint logs every header at DEBUG;</li>
 * <li>the output of a successful step (the claims of the revoke that precedes the {@code REVOKED} case), which is
 * sent straight to the endpoint, outside the scanned routes;</li>
 * <li>key text written into the URI for {@code jwks}, {@code encryptionKey} or {@code decryptionKey}: Camel shows it
 * unmasked, as docs/security.md says (the component warns at start), so these options are given as {@code file:}
 * resources or {@code #bean} references here, as the docs advise. {@code secret}, {@code privateKey},
 * {@code keyStorePassword} and {@code keyPassword} are given in the URI too, where Camel masks them.</li>
 * </ul>
 * {@link #theScannerFindsCanariesPlantedOnPurpose()} shows that the scan can fail.
 */
class LeakCanaryTest extends CamelTestSupport {

    private static final String MOCK = "mock:out";
    /** The headers the test sends: the component's input, not its output. */
    private static final Set<String> INPUT_HEADERS = Set.of(JwtConstants.JWT_TOKEN, "Authorization");

    /** A claim every canary token carries; no message about a refused token may quote it. */
    private static final String CLAIM = "CANARY-CLAIM-" + Long.toHexString(System.nanoTime()).toUpperCase();
    /** Text a hostile key server answers with: a failure must not quote what the provider said. */
    private static final String SERVER_TEXT = "CANARY-SERVER-" + Long.toHexString(System.nanoTime()).toUpperCase();

    private static final String V = "jwt:validate?secret=" + SECRET;
    private static final String ISSUER = "https://login.example.com";

    /** A key server that is down, for KEYS_UNAVAILABLE among the token failures. */
    private static JwksServer downServer;

    private final LeakScanner scanner = new LeakScanner();
    private final Map<String, String> routes = new HashMap<>();

    LeakCanaryTest() {
        testConfiguration().withEnableJMX(); // CamelTestSupport turns JMX off unless asked
    }

    @BeforeAll
    static void startDownServer() {
        downServer = JwksServer.http();
        downServer.down();
    }

    @AfterAll
    static void stopDownServer() {
        downServer.close();
    }

    @BeforeEach
    void bindCanaryBeansAndCaptureLogs() throws Exception {
        scanner.startCapturingLogs();
        scanner.watch(Canaries.of("CLAIM", CLAIM));
        scanner.watch(Canaries.of("SERVER_TEXT", SERVER_TEXT));
        var registry = context.getRegistry();
        registry.bind("canarySecret", SECRET);
        registry.bind("canaryOct", Canaries.privateJwk(Canaries.OCT));
        registry.bind("canaryRsaJwk", Canaries.privateJwk(Canaries.RSA));
        registry.bind("canaryRsaPem", Canaries.pem(Canaries.RSA.getPrivateKey()));
        registry.bind("twoSigningKeys", new JsonWebKeySet(Canaries.RSA, Canaries.EC)
                .toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        registry.bind("signingRsaJwk", withMember(Canaries.privateJwk(Canaries.RSA), "\"use\":\"sig\""));
        registry.bind("revoked", new JwtRevocationMemoryStore());
        registry.bind("unstartableStore", new RevocationTest.UnstartableRepository());
        registry.bind("canaryTls", tlsWithCanaryPassword());
    }

    @AfterEach
    void stopCapturingLogs() {
        scanner.stopCapturingLogs();
    }

    // --- the scanner can fail --------------------------------------------------------------------------------------

    @Test
    void theScannerFindsCanariesPlantedOnPurpose() throws Exception {
        // each kind of key material is found in the forms it would leak in
        for (String leak : List.of(Canaries.pem(Canaries.RSA.getPrivateKey()), Canaries.privateJwk(Canaries.RSA),
                Canaries.pem(Canaries.EC.getPrivateKey()), Canaries.privateJwk(Canaries.EC),
                Canaries.privateJwk(Canaries.OCT),
                "d=" + ((RSAPrivateCrtKey) Canaries.RSA.getPrivateKey()).getPrivateExponent(),
                SECRET,
                Canaries.STORE_PASSWORD, "key=" + Base64.getUrlEncoder().encodeToString(
                        SECRET.getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(scanner.leaks(leak).isEmpty(), () -> "the scanner misses " + leak);
        }
        String token = canaryToken(validClaims());
        watchToken(token);
        assertFalse(scanner.leaks(Tokens.parts(token)[2]).isEmpty(), "the scanner misses a token's signature");
        assertFalse(scanner.leaks(Tokens.parts(token)[1]).isEmpty(), "the scanner misses a token's payload");
        assertTrue(scanner.leaks(Canaries.publicJwk(Canaries.RSA)).isEmpty(), "a public key is no leak");

        // each place is gathered: a log line, an exception's cause, a header, JMX and the health checks
        LoggerFactory.getLogger("io.cameljwt.canary").debug("planted {}", Canaries.pem(Canaries.RSA.getPrivateKey()));
        Exchange exchange = send("jwt:validate?jwksUri=" + downServer.url() + "&jwksTimeout=2s", token, false);
        exchange.setException(new IllegalStateException("wrapped", new IllegalArgumentException(SECRET)));
        exchange.getMessage().setHeader("CamelJwtPlanted", Canaries.STORE_PASSWORD);
        scanner.addExchange("planted", exchange, INPUT_HEADERS);
        scanner.addJmx(context);
        scanner.addHealth(context);
        assertTrue(scanner.seen().keySet().stream().anyMatch(k -> k.startsWith("JMX") && k.endsWith("TokensRefused")),
                "the JMX attributes of the jwt endpoint are read");
        assertTrue(scanner.seen().keySet().stream().anyMatch(k -> k.startsWith("health producer:jwt-keys-")),
                "the health check of the remote keys is read");
        AssertionError failure = assertThrows(AssertionError.class, scanner::assertNoCanary);
        for (String where : List.of("RSA (", "SECRET (", "STORE_PASSWORD (", "in log:", "exception:",
                "header CamelJwtPlanted")) {
            assertTrue(failure.getMessage().contains(where), () -> "not reported: " + where + "\n" + failure.getMessage());
        }
    }

    // --- every JwtFailure --------------------------------------------------------------------------------------------

    /**
     * A token refused for {@code failure}.
     *
     * @param modes whether the endpoint takes {@code failOnInvalid} (validate and revoke; decode always raises)
     * @param token the token, made when the test runs; null for none
     */
    record Refusal(String name, JwtFailure failure, String uri, boolean modes, Supplier<String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Refusal> refusals() {
        List<Refusal> cases = new ArrayList<>();
        cases.add(validate("no token", JwtFailure.TOKEN_MISSING, V, () -> null));
        cases.add(validate("a signature with a character outside Base64url", JwtFailure.MALFORMED, V,
                () -> canaryToken(validClaims()) + "!"));
        cases.add(decode("a signature with a character outside Base64url (decode)", JwtFailure.MALFORMED, "jwt:decode",
                () -> canaryToken(validClaims()) + "!"));
        cases.add(validate("a payload that is no JSON", JwtFailure.MALFORMED, V,
                () -> Tokens.sign(json(Tokens.header("HS256")), CLAIM + " is not JSON", "HS256", Canaries.HMAC_KEY)));
        cases.add(validate("an exp that is no number", JwtFailure.MALFORMED, V,
                () -> canaryToken(validClaims("exp", CLAIM))));
        cases.add(validate("longer than maxTokenLength", JwtFailure.TOO_LARGE, V + "&maxTokenLength=100",
                () -> canaryToken(validClaims())));
        cases.add(decode("longer than maxTokenLength (decode)", JwtFailure.TOO_LARGE, "jwt:decode?maxTokenLength=100",
                () -> canaryToken(validClaims())));
        cases.add(validate("HS384 where HS256 is accepted", JwtFailure.ALGORITHM_NOT_ALLOWED, V,
                () -> Tokens.sign(json(Tokens.header("HS384")), json(validClaims()), "HS384", Canaries.HMAC_KEY)));
        cases.add(validate("alg none", JwtFailure.ALGORITHM_NOT_ALLOWED, V,
                () -> Tokens.unsigned(json(Tokens.header("none")), json(validClaims()), "")));
        cases.add(validate("a kid no key has", JwtFailure.KEY_NOT_FOUND, "jwt:validate?jwks=#canaryOct",
                () -> Tokens.sign(json(claims("alg", "HS256", "kid", "no-such-kid")), json(validClaims()), "HS256",
                        Canaries.HMAC_KEY)));
        cases.add(validate("signed with another secret", JwtFailure.SIGNATURE_INVALID, V,
                () -> Tokens.sign(json(Tokens.header("HS256")), json(validClaims()), "HS256", Tokens.OTHER_HMAC_KEY)));
        cases.add(validate("signed with another secret than the key store's", JwtFailure.SIGNATURE_INVALID,
                "jwt:validate?keyStore=" + file(Canaries.KEY_STORE) + "&keyStorePassword=" + Canaries.STORE_PASSWORD
                + "&keyAlias=hmac&keyPassword=" + Canaries.KEY_PASSWORD,
                () -> canaryToken(validClaims())));
        cases.add(validate("signed with another secret (revoke)", JwtFailure.SIGNATURE_INVALID,
                "jwt:revoke?secret=" + SECRET + "&revocationRepository=#revoked",
                () -> Tokens.sign(json(Tokens.header("HS256")), json(validClaims()), "HS256", Tokens.OTHER_HMAC_KEY)));
        cases.add(validate("encrypted to another RSA key", JwtFailure.DECRYPTION_FAILED,
                V + "&decryptionKey=" + file(Canaries.RSA_PEM), () -> encryptedToAnotherKey()));
        cases.add(decode("encrypted to another RSA key (decode)", JwtFailure.DECRYPTION_FAILED,
                "jwt:decode?decryptionKey=" + file(Canaries.RSA_PEM), () -> encryptedToAnotherKey()));
        cases.add(decode("encrypted to another AES key (decode)", JwtFailure.DECRYPTION_FAILED,
                "jwt:decode?decryptionKey=#canaryOct", () -> EncryptionTest.encrypt(canaryToken(validClaims()),
                        "A256KW", "A256GCM", new AesKey(EncryptionTest.SECRET_32), jwe -> jwe.setContentTypeHeaderValue("JWT"))));
        cases.add(validate("expired", JwtFailure.EXPIRED, V, () -> canaryToken(validClaims("exp", now() - 3600))));
        cases.add(validate("not yet valid", JwtFailure.NOT_YET_VALID, V,
                () -> canaryToken(validClaims("nbf", now() + 3600))));
        cases.add(validate("issued too long ago", JwtFailure.TOO_OLD, V + "&maxAge=60s",
                () -> canaryToken(validClaims("iat", now() - 3600))));
        cases.add(validate("another issuer", JwtFailure.ISSUER_MISMATCH, V + "&issuer=" + ISSUER,
                () -> canaryToken(validClaims("iss", CLAIM + "-iss"))));
        cases.add(validate("another audience", JwtFailure.AUDIENCE_MISMATCH, V + "&audience=orders",
                () -> canaryToken(validClaims("aud", CLAIM + "-aud"))));
        cases.add(validate("another typ", JwtFailure.TYPE_MISMATCH, V + "&expectedType=secevent",
                () -> Tokens.sign(json(claims("alg", "HS256", "typ", CLAIM + "-typ")), json(validClaims()), "HS256",
                        Canaries.HMAC_KEY)));
        cases.add(validate("a required claim missing", JwtFailure.CLAIM_MISSING, V + "&requiredClaims=email",
                () -> canaryToken(validClaims())));
        cases.add(validate("a claim of another value", JwtFailure.CLAIM_MISMATCH, V + "&claim.tenant=acme",
                () -> canaryToken(validClaims("tenant", CLAIM + "-tenant"))));
        cases.add(validate("without the required role", JwtFailure.INSUFFICIENT_ROLES, V + "&requiredRoles=admin",
                () -> canaryToken(validClaims("roles", List.of(CLAIM + "-role")))));
        cases.add(validate("revoked", JwtFailure.REVOKED, V + "&revocationRepository=#revoked",
                () -> canaryToken(validClaims("jti", CLAIM + "-jti"))));
        cases.add(validate("remote keys down", JwtFailure.KEYS_UNAVAILABLE,
                "jwt:validate?jwksUri=" + downServer.url() + "&jwksTimeout=2s", () -> rsaToken(validClaims())));
        return cases;
    }

    static Stream<Arguments> refusalsInEveryMode() {
        return refusals().stream().flatMap(refusal -> refusal.modes()
                ? Stream.of(Arguments.of(refusal, true), Arguments.of(refusal, false))
                : Stream.of(Arguments.of(refusal, true)));
    }

    @Test
    void everyJwtFailureIsDriven() {
        Set<JwtFailure> driven = EnumSet.noneOf(JwtFailure.class);
        refusals().forEach(refusal -> driven.add(refusal.failure()));
        assertEquals(EnumSet.allOf(JwtFailure.class), driven);
    }

    @ParameterizedTest(name = "{0}, failOnInvalid={1}")
    @MethodSource("refusalsInEveryMode")
    void aRefusedTokenLeaksNothing(Refusal refusal, boolean failOnInvalid) throws Exception {
        String token = refusal.token().get();
        watchToken(token);
        if (refusal.failure() == JwtFailure.REVOKED) {
            // straight to the endpoint: the accepted revoke's own headers (the claims) are output, not a leak
            assertNull(template.send("jwt:revoke?secret=" + SECRET + "&revocationRepository=#revoked",
                    exchange -> exchange.getMessage().setHeader(JwtConstants.JWT_TOKEN, token)).getException());
        }
        String uri = failOnInvalid ? refusal.uri() : refusal.uri() + "&failOnInvalid=false";
        Exchange exchange = send(uri, token, true);
        if (failOnInvalid) {
            JwtValidationException e = assertInstanceOf(JwtValidationException.class, exchange.getException());
            assertEquals(refusal.failure(), e.getReason(), e::getMessage);
        } else {
            assertNull(exchange.getException());
            assertEquals(refusal.failure().name(), exchange.getMessage().getHeader(JwtConstants.JWT_ERROR));
        }
        scanEverything("refused", exchange);
    }

    // --- every configuration error -------------------------------------------------------------------------------

    /** A route that does not start; {@code named} is what a message must say (the option, quoted). */
    record Misconfiguration(String name, String uri, String named) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Misconfiguration> misconfigurations() {
        String ks = "keyStore=" + file(Canaries.KEY_STORE) + "&keyStorePassword=" + Canaries.STORE_PASSWORD;
        String pemWithSpaces = Canaries.pem(Canaries.RSA.getPrivateKey()).replace("\n", "").replace('+', ' ');
        List<Misconfiguration> cases = new ArrayList<>();
        cases.add(wrong("a secret too short for HS256 (validate)", "jwt:validate?secret=" + Canaries.SHORT_SECRET,
                "secret"));
        cases.add(wrong("a secret too short for HS256 (generate)", "jwt:generate?secret=" + Canaries.SHORT_SECRET,
                "secret"));
        cases.add(wrong("HS512 with a 48-byte secret", "jwt:generate?algorithm=HS512&secret=" + SECRET, "secret"));
        cases.add(wrong("HS512 with a 48-byte secret bean", "jwt:validate?algorithm=HS512&secret=#canarySecret",
                "secret"));
        cases.add(wrong("an RSA key of 1024 bits", "jwt:generate?privateKey=" + file(Canaries.WEAK_RSA_PEM),
                "privateKey"));
        cases.add(wrong("ES384 with a P-256 key", "jwt:generate?algorithm=ES384&privateKey=" + file(Canaries.EC_PEM),
                "algorithm"));
        cases.add(wrong("RS256 with an EC key", "jwt:generate?algorithm=RS256&privateKey=" + file(Canaries.EC_PEM),
                "algorithm"));
        cases.add(wrong("algorithm none", "jwt:generate?algorithm=none&secret=" + SECRET, "algorithm"));
        cases.add(wrong("none in a list", "jwt:validate?algorithm=HS256,none&secret=" + SECRET, "algorithm"));
        cases.add(wrong("an unknown algorithm", "jwt:generate?algorithm=HS999&secret=" + SECRET, "algorithm"));
        cases.add(wrong("expiresIn=0 without allowNoExpiry", "jwt:generate?expiresIn=0&secret=" + SECRET, "expiresIn"));
        cases.add(wrong("expiresIn of 500 ms", "jwt:generate?expiresIn=500&secret=" + SECRET, "expiresIn"));
        cases.add(wrong("clockSkew of 1.5 s", "jwt:validate?clockSkew=1500&secret=" + SECRET, "clockSkew"));
        cases.add(wrong("an unknown secretEncoding", "jwt:validate?secretEncoding=base32&secret=" + SECRET,
                "secretEncoding"));
        cases.add(wrong("a secret that is not the base64 it claims",
                "jwt:validate?secretEncoding=base64&secret=" + SECRET, "secret"));
        cases.add(wrong("a secret that is not the hex it claims", "jwt:validate?secretEncoding=hex&secret=" + SECRET,
                "secret"));
        cases.add(wrong("an unknown rolesMatch", "jwt:validate?rolesMatch=most&secret=" + SECRET, "rolesMatch"));
        cases.add(wrong("maxTokenLength=0", "jwt:validate?maxTokenLength=0&secret=" + SECRET, "maxTokenLength"));
        cases.add(wrong("a wrong key store password", "jwt:validate?keyStore=" + file(Canaries.KEY_STORE)
                                                      + "&keyStorePassword=" + Canaries.WRONG_PASSWORD, "keyStorePassword"));
        cases.add(wrong("a wrong key password", "jwt:validate?" + ks + "&keyAlias=hmac&keyPassword="
                                                + Canaries.WRONG_PASSWORD, "keyPassword"));
        cases.add(wrong("a keyAlias the store does not have", "jwt:validate?" + ks + "&keyAlias=nope", "keyAlias"));
        cases.add(wrong("a missing key store", "jwt:validate?keyStore=file:target/no-such.p12&keyStorePassword="
                                               + Canaries.STORE_PASSWORD, "keyStore"));
        cases.add(wrong("a key store password that begins with # and names no bean",
                "jwt:validate?keyStore=" + file(Canaries.KEY_STORE) + "&keyStorePassword=#" + Canaries.STORE_PASSWORD,
                "keyStorePassword"));
        cases.add(wrong("a secret that begins with # and names no bean", "jwt:generate?secret=#" + SECRET, "secret"));
        cases.add(wrong("several JWKs and no keyId", "jwt:generate?jwks=#twoSigningKeys", "keyId"));
        cases.add(wrong("a keyId no JWK has", "jwt:generate?keyId=three&jwks=#twoSigningKeys", "keyId"));
        cases.add(wrong("a keyId the only JWK does not have", "jwt:generate?keyId=three&jwks=#canaryRsaJwk", "keyId"));
        cases.add(wrong("a secret and a private key and no keyId",
                "jwt:generate?secret=" + SECRET + "&privateKey=" + file(Canaries.RSA_PEM), "keyId"));
        cases.add(wrong("PEM text whose '+' became spaces", "jwt:generate?privateKey=RAW(" + pemWithSpaces + ")",
                "privateKey"));
        cases.add(wrong("a jwks that is PEM, not JSON", "jwt:validate?jwks=#canaryRsaPem", "jwks"));
        cases.add(wrong("a bad rolesMatch next to private JWKs", "jwt:generate?rolesMatch=bogus&jwks=#twoSigningKeys",
                "rolesMatch"));
        cases.add(wrong("header.alg in generate", "jwt:generate?secret=" + SECRET + "&header.alg=x", "header.alg"));
        cases.add(wrong("claim.exp in generate", "jwt:generate?secret=" + SECRET + "&claim.exp=5", "claim.exp"));
        cases.add(wrong("revoke without revocationRepository", "jwt:revoke?secret=" + SECRET, "revocationRepository"));
        cases.add(wrong("a revocationRepository that does not start",
                "jwt:validate?secret=" + SECRET + "&revocationRepository=#unstartableStore", "revocationRepository"));
        cases.add(wrong("jwksUri next to a secret", "jwt:validate?secret=" + SECRET + "&jwksUri=" + downServer.url(),
                "jwksUri"));
        cases.add(wrong("a jwksUri with credentials", "jwt:validate?jwksUri=RAW(https://canary:" + Canaries.STORE_PASSWORD
                                                      + "@127.0.0.1/jwks)", "jwksUri"));
        cases.add(wrong("an issuerUri with credentials", "jwt:validate?issuerUri=RAW(https://canary:"
                                                         + Canaries.STORE_PASSWORD + "@127.0.0.1/realms/x)", "issuerUri"));
        cases.add(wrong("sslContextParameters whose trust store does not load",
                "jwt:validate?jwksUri=" + downServer.url() + "&sslContextParameters=#canaryTls", "sslContextParameters"));
        cases.add(wrong("a misspelt option next to a secret", "jwt:validate?secret=" + SECRET + "&bogusOption=1",
                "bogusOption"));
        // encryption
        cases.add(wrong("a private key given as encryptionKey",
                "jwt:generate?secret=" + SECRET + "&encryptionKey=" + file(Canaries.RSA_PEM), "encryptionKey"));
        cases.add(wrong("dir with A128GCM and a 32-byte secret", "jwt:generate?secret=" + SECRET
                                                                 + "&encryptionKey=#canaryOct&keyManagementAlgorithm=dir"
                                                                 + "&contentEncryptionAlgorithm=A128GCM",
                "contentEncryptionAlgorithm"));
        cases.add(wrong("an RSA decryption key of 1024 bits",
                "jwt:validate?secret=" + SECRET + "&decryptionKey=" + file(Canaries.WEAK_RSA_PEM), "decryptionKey"));
        cases.add(wrong("a decryptionKey JWK meant for signatures",
                "jwt:validate?secret=" + SECRET + "&decryptionKey=#signingRsaJwk", "decryptionKey"));
        cases.add(wrong("maxPbes2Count under 1000", "jwt:decode?decryptionKey=#canaryOct"
                                                    + "&keyManagementAlgorithm=PBES2-HS256%2BA128KW&maxPbes2Count=10",
                "maxPbes2Count"));
        cases.add(wrong("ECDH-ES with an RSA decryption key", "jwt:validate?secret=" + SECRET + "&decryptionKey="
                                                              + file(Canaries.RSA_PEM) + "&keyManagementAlgorithm=ECDH-ES",
                "keyManagementAlgorithm"));
        cases.add(wrong("RSA1_5 with an EC decryption key", "jwt:decode?decryptionKey=" + file(Canaries.EC_PEM)
                                                            + "&keyManagementAlgorithm=RSA1_5", "keyManagementAlgorithm"));
        cases.add(wrong("keyStore:ALIAS the store does not have", "jwt:validate?" + ks + "&keyAlias=hmac&keyPassword="
                                                                  + Canaries.KEY_PASSWORD + "&decryptionKey=keyStore:nope",
                "decryptionKey"));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void aConfigurationErrorLeaksNothing(Misconfiguration wrong) throws Exception {
        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:misconfigured").to(wrong.uri()).to(MOCK);
            }
        }));
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        String quoted = wrong.named().equals("bogusOption") ? wrong.named() : "'" + wrong.named() + "'";
        assertTrue(messages.stream().anyMatch(m -> m.contains(quoted)), () -> "no message names " + quoted + ": "
                                                                              + messages);
        scanner.addThrowable("route start", failure);
        scanEverything("after the failed start", null);
    }

    // --- remote keys: outages and hostile servers --------------------------------------------------------------------

    @Test
    void aKeyServerThatIsDownHangsOrTricklesLeaksNothing() throws Exception {
        try (JwksServer down = JwksServer.http(); JwksServer hung = JwksServer.http();
             JwksServer trickling = JwksServer.http()) {
            down.down();
            hung.hang();
            trickling.trickle();
            for (JwksServer server : List.of(down, hung, trickling)) {
                refusedBoth("jwt:validate?jwksUri=" + server.url() + "&jwksTimeout=1s", JwtFailure.KEYS_UNAVAILABLE);
            }
            awaitFetchFailuresLogged(6);
            scanEverything("outage", null);
        }
    }

    @Test
    void aKeyServerThatAnswersHostileTextLeaksNothing() throws Exception {
        String privateAndSecretKeys = "{\"keys\":[" + Canaries.privateJwk(Canaries.OCT) + ","
                                      + Canaries.privateJwk(Canaries.WEAK_RSA) + "]}";
        try (HostileServer server = new HostileServer()) {
            server.answer("/error", 500, Map.of(), SERVER_TEXT + " " + SECRET + " " + Canaries.privateJwk(Canaries.RSA));
            server.answer("/garbage", 200, Map.of(), "<html>" + SERVER_TEXT + " " + SECRET + "</html>");
            server.answer("/truncated", 200, Map.of(), "{\"keys\":[" + Canaries.privateJwk(Canaries.RSA));
            server.answer("/unusable", 200, Map.of(), privateAndSecretKeys);
            server.answer("/credentials", 302, Map.of("Location", "https://canary:" + Canaries.STORE_PASSWORD
                                                                  + "@127.0.0.1:1/keys"), "");
            server.answer("/presigned", 302, Map.of("Location", server.url("/error?access_token=" + SECRET)), "");
            server.answer("/elsewhere", 302, Map.of("Location", "http://sso.example.invalid/keys?access_token="
                                                                + SECRET), "");
            String issuer = server.url("/realms/shop");
            server.answer("/realms/shop/.well-known/openid-configuration", 200, Map.of(), json(claims(
                    "issuer", issuer, "jwks_uri", "https://canary:" + Canaries.STORE_PASSWORD + "@127.0.0.1:1/keys")));
            server.answer("/realms/noise/.well-known/openid-configuration", 200, Map.of(), SERVER_TEXT + " " + SECRET);

            for (String path : List.of("/error", "/garbage", "/truncated", "/unusable", "/credentials", "/presigned",
                    "/elsewhere", "/error?access_token=" + Canaries.OCT_SECRET)) {
                refusedBoth("jwt:validate?jwksUri=RAW(" + server.url(path) + ")", JwtFailure.KEYS_UNAVAILABLE);
            }
            refusedBoth("jwt:validate?issuerUri=" + issuer, JwtFailure.KEYS_UNAVAILABLE, issuer);
            String noise = server.url("/realms/noise");
            refusedBoth("jwt:validate?issuerUri=" + noise, JwtFailure.KEYS_UNAVAILABLE, noise);
            awaitFetchFailuresLogged(20);
            scanEverything("hostile server", null);
        }
    }

    @Test
    void privateAndSecretKeysInAFetchedSetAreLeftOutWithoutShowingThem() throws Exception {
        // a provider that publishes its private key by mistake, next to a secret and a weak key
        String set = "{\"keys\":[" + Canaries.privateJwk(Canaries.RSA) + "," + Canaries.privateJwk(Canaries.OCT) + ","
                     + Canaries.privateJwk(Canaries.WEAK_RSA) + "]}";
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(set);
            String forged = Tokens.sign(json(claims("alg", "RS256", "kid", "canary-rsa")), json(validClaims()), "RS256",
                    Tokens.attackerRsa().getPrivateKey());
            watchToken(forged);
            String uri = "jwt:validate?jwksUri=" + server.url();
            Exchange exchange = send(uri, forged, true);
            assertEquals(JwtFailure.SIGNATURE_INVALID,
                    assertInstanceOf(JwtValidationException.class, exchange.getException()).getReason());
            scanner.addExchange("forged", exchange, INPUT_HEADERS);
            assertTrue(scanner.logs().stream().anyMatch(line -> line.contains("is left out")),
                    () -> "the left-out keys are logged: " + scanner.logs());
            scanEverything("left-out keys", send(uri + "&failOnInvalid=false", forged, false));
        }
    }

    // --- revocation stores that fail -------------------------------------------------------------------------------

    @Test
    void aRevocationStoreThatFailsLeaksNothing() throws Exception {
        FailingStore store = new FailingStore();
        context.getRegistry().bind("failingStore", store);
        String token = canaryToken(validClaims());
        watchToken(token);
        for (String uri : List.of(V + "&revocationRepository=#failingStore",
                V + "&revocationRepository=#failingStore&failOnInvalid=false",
                "jwt:revoke?secret=" + SECRET + "&revocationRepository=#failingStore")) {
            Exchange exchange = send(uri, token, true);
            assertInstanceOf(JwtRevocationUnavailableException.class, exchange.getException());
            scanner.addExchange(uri, exchange, INPUT_HEADERS);
        }
        assertTrue(store.keys.size() >= 3, "each call reached the store");
        store.keys.forEach(key -> scanner.add("revocation store key", key));
        scanEverything("failing store", null);
    }

    // --- generate refusing its input ---------------------------------------------------------------------------------

    @Test
    void generateRefusingItsInputLeaksNothing() throws Exception {
        List<String> generators = List.of("jwt:generate?secret=" + SECRET,
                "jwt:generate?privateKey=" + file(Canaries.RSA_PEM),
                "jwt:generate?jwks=#canaryRsaJwk",
                "jwt:generate?privateKey=" + file(Canaries.EC_PEM) + "&encryptionKey=#canaryOct",
                "jwt:generate?" + "keyStore=" + file(Canaries.KEY_STORE) + "&keyStorePassword=" + Canaries.STORE_PASSWORD
                + "&keyAlias=hmac&keyPassword=" + Canaries.KEY_PASSWORD);
        List<Object> bodies = List.of(List.of(CLAIM), CLAIM + " is no JSON", Map.of("sub", CLAIM, "exp", CLAIM),
                "{\"sub\":\"" + CLAIM + "\"} and more");
        for (String uri : generators) {
            for (Object body : bodies) {
                Exchange exchange = template.send(routeTo(uri), e -> e.getMessage().setBody(body));
                assertInstanceOf(InvalidPayloadException.class, exchange.getException(), uri);
                scanner.addExchange(uri, exchange, INPUT_HEADERS);
            }
        }
        scanEverything("generate", null);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static Refusal validate(String name, JwtFailure failure, String uri, Supplier<String> token) {
        return new Refusal(name, failure, uri, true, token);
    }

    private static Refusal decode(String name, JwtFailure failure, String uri, Supplier<String> token) {
        return new Refusal(name, failure, uri, false, token);
    }

    private static Misconfiguration wrong(String name, String uri, String option) {
        return new Misconfiguration(name, uri, option);
    }

    /** Claims of a token every test endpoint would accept but for the check a case breaks, with the canary claim. */
    private static Map<String, Object> validClaims(Object... more) {
        return Tokens.validClaims(merge(List.of("iss", ISSUER, "canary", CLAIM), more));
    }

    private static Object[] merge(List<Object> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray();
    }

    /** HS256 with the canary secret. */
    private static String canaryToken(Map<String, Object> claims) {
        return Tokens.sign(json(Tokens.header("HS256")), json(claims), "HS256", Canaries.HMAC_KEY);
    }

    /** RS256 with the canary RSA key, kid canary-rsa. */
    private static String rsaToken(Map<String, Object> claims) {
        return Tokens.sign(json(claims("alg", "RS256", "kid", "canary-rsa")), json(claims), "RS256",
                Canaries.RSA.getPrivateKey());
    }

    /** A canary token, encrypted (RSA-OAEP-256) to a key the endpoints do not have. */
    private static String encryptedToAnotherKey() {
        KeyPair other = TestKeys.otherKeyPair("rsa");
        return EncryptionTest.encrypt(canaryToken(validClaims()), "RSA-OAEP-256", "A256GCM", other.getPublic(),
                jwe -> jwe.setContentTypeHeaderValue("JWT"));
    }

    /** Every part of the token but its header (which is short and common), as needles. */
    private void watchToken(String token) {
        if (token == null) {
            return;
        }
        String[] parts = Tokens.parts(token.endsWith("!") ? token.substring(0, token.length() - 1) : token);
        List<Needle> needles = new ArrayList<>(Canaries.of("TOKEN", token));
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() >= 16) {
                needles.add(new Needle("TOKEN part " + (i + 1), parts[i]));
            }
        }
        scanner.watch(needles);
    }

    /** The {@code direct:} endpoint of a route through {@code uri}, with Camel's default error handler. */
    private String routeTo(String uri) {
        return routes.computeIfAbsent(uri, u -> {
            String from = "direct:route" + routes.size();
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        // as docs/security.md advises: the token leaves the message once checked (mock logs headers)
                        from(from).to(u).removeHeader(JwtConstants.JWT_TOKEN).to(MOCK);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("the route to " + u + " does not start", e);
            }
            return from;
        });
    }

    /** Sends the token in header CamelJwtToken (or nothing when null); watches it when asked. */
    private Exchange send(String uri, String token, boolean watch) {
        if (watch) {
            watchToken(token);
        }
        return template.send(routeTo(uri), exchange -> {
            if (token != null) {
                exchange.getMessage().setHeader(JwtConstants.JWT_TOKEN, token);
            }
        });
    }

    /** A canary RSA token through the endpoint with failOnInvalid true, then false: refused both ways. */
    private void refusedBoth(String uri, JwtFailure failure) {
        refusedBoth(uri, failure, ISSUER);
    }

    private void refusedBoth(String uri, JwtFailure failure, String iss) {
        String token = rsaToken(validClaims("iss", iss));
        Exchange raised = send(uri, token, true);
        JwtValidationException e = assertInstanceOf(JwtValidationException.class, raised.getException(), uri);
        assertEquals(failure, e.getReason(), e::getMessage);
        scanner.addExchange(uri, raised, INPUT_HEADERS);
        Exchange flagged = send(uri + "&failOnInvalid=false", token, false);
        assertEquals(failure.name(), flagged.getMessage().getHeader(JwtConstants.JWT_ERROR), uri);
        scanner.addExchange(uri + " (failOnInvalid=false)", flagged, INPUT_HEADERS);
    }

    /**
     * Waits until this many failed fetches are logged (a hung or trickling fetch ends after the message that waited for
     * it gave up), at most 30 s: a bound for a busy machine, not a timing assertion.
     */
    private void awaitFetchFailuresLogged(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fetchFailuresLogged() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertTrue(fetchFailuresLogged() >= count, () -> "expected " + count + " failed fetches in the log: "
                                                         + scanner.logs());
    }

    /** Each failed fetch logs one line: WARN "... failed: ...", or ERROR for a set without a usable key. */
    private long fetchFailuresLogged() {
        return scanner.logs().stream()
                .filter(line -> line.startsWith("WARN") && line.contains("Fetching the keys of") && line.contains("failed")
                                || line.startsWith("ERROR") && line.contains("Fetching the keys of")
                                   && line.contains("holds no usable key"))
                .count();
    }

    /** Gathers the exchange (if any), JMX and the health checks, and fails on any canary seen anywhere. */
    private void scanEverything(String where, Exchange exchange) throws Exception {
        if (exchange != null) {
            scanner.addExchange(where, exchange, INPUT_HEADERS);
        }
        scanner.addJmx(context);
        scanner.addHealth(context);
        scanner.assertNoCanary();
    }

    private static String withMember(String jwk, String member) {
        return jwk.substring(0, jwk.length() - 1) + "," + member + "}";
    }

    /** TLS settings whose trust store cannot be read, with a canary password. */
    private static SSLContextParameters tlsWithCanaryPassword() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + Canaries.WEAK_RSA_PEM.toAbsolutePath()); // not a key store
        store.setPassword(Canaries.STORE_PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** A store that is down: every call fails, its message quoting the key it was given (as a database's would). */
    static final class FailingStore extends ServiceSupport implements IdempotentRepository {
        final List<String> keys = new CopyOnWriteArrayList<>();

        private boolean fail(String key) {
            keys.add(key);
            throw new IllegalStateException("connection refused while storing or reading " + key);
        }

        @Override
        public boolean add(String key) {
            return fail(key);
        }

        @Override
        public boolean contains(String key) {
            return fail(key);
        }

        @Override
        public boolean remove(String key) {
            return fail(key);
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
            throw new IllegalStateException("connection refused");
        }
    }

    /** A server on 127.0.0.1 that answers each path with a fixed status, headers and body, whatever they hold. */
    private static final class HostileServer implements AutoCloseable {
        private record Answer(int status, Map<String, String> headers, byte[] body) {
        }

        private final Map<String, Answer> answers = new ConcurrentHashMap<>();
        private final HttpServer http;

        HostileServer() throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                        new Answer(404, Map.of(), new byte[0]));
                answer.headers().forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            });
            http.start();
        }

        void answer(String path, int status, Map<String, String> headers, String body) {
            answers.put(path, new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8)));
        }

        String url(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
