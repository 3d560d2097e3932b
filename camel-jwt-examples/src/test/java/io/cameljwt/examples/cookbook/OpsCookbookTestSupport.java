package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * What the cookbook tests of share C (messaging and operations) have in common: the routes' properties, the YAML route
 * files loaded with camel-yaml-dsl exactly as Camel JBang loads them, an HTTP server on 127.0.0.1 at a free port (the
 * one Camel Main starts for platform-http), an HTTP client, and tokens signed the way another party (a CI system, an
 * identity provider, a device registry) would sign them: with jose4j and the test's private keys.
 */
public abstract class OpsCookbookTestSupport extends CamelTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final int port = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The routes' {@code {{placeholders}}}. */
    protected abstract Properties routeProperties();

    /** Classpath locations of the YAML route files under test; none by default. */
    protected String[] yamlRoutes() {
        return new String[0];
    }

    /** Whether the test needs the HTTP server of platform-http. */
    protected boolean usesHttp() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // here rather than in configureContext, which runs while the test is constructed, before its fields are set
        context.getPropertiesComponent().setOverrideProperties(routeProperties());
        if (usesHttp()) {
            MainHttpServer server = new MainHttpServer();
            server.setCamelContext(context);
            server.setHost("127.0.0.1");
            server.setPort(port);
            server.setPath("/");
            context.addService(server);
        }
        return context;
    }

    @Override
    protected void doPostSetup() throws Exception {
        // loaded after the context is built and its properties set, as Camel JBang loads a file given to camel run
        for (String location : yamlRoutes()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static Map<?, ?> json(String text) throws IOException {
        return JSON.readValue(text, Map.class);
    }

    /** The payload (1) or header (0) of a compact JWS, read without checking anything: to look at what was issued. */
    protected static Map<?, ?> part(String token, int index) throws IOException {
        return json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    /** The {@code {"error": ...}} of a refusal. */
    protected static String error(HttpResponse<String> response) throws IOException {
        return (String) json(response.body()).get("error");
    }

    // --- tokens of other parties -----------------------------------------------------------------------------------

    /** A token signed with ES256 by the private key at {@code keyResource} (PKCS#8 PEM on the test class path). */
    protected static String es256(String keyResource, JwtClaims claims) throws IOException, JoseException {
        return es256(keyResource, claims, "JWT");
    }

    /** The same, with the {@code typ} header {@code type}. */
    protected static String es256(String keyResource, JwtClaims claims, String type) throws IOException, JoseException {
        return sign(keyResource, "EC", AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, claims, type);
    }

    /** A token signed with RS256 by the RSA private key at {@code keyResource}. */
    protected static String rs256(String keyResource, JwtClaims claims) throws IOException, JoseException {
        return sign(keyResource, "RSA", AlgorithmIdentifiers.RSA_USING_SHA256, claims, "JWT");
    }

    private static String sign(String keyResource, String keyAlgorithm, String jwsAlgorithm, JwtClaims claims,
                               String type) throws IOException, JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(jwsAlgorithm);
        jws.setHeader("typ", type);
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey(keyResource, keyAlgorithm));
        return jws.getCompactSerialization();
    }

    /** Claims with {@code iat} now, {@code exp} in {@code minutes} (negative: expired) and a random {@code jti}. */
    protected static JwtClaims claims(String issuer, String audience, String subject, float minutes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(minutes);
        claims.setGeneratedJwtId();
        return claims;
    }

    protected static PrivateKey privateKey(String resource, String algorithm) throws IOException {
        String pem = text(resource);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read the private key " + resource, e);
        }
    }

    protected static String text(String resource) throws IOException {
        try (InputStream in = OpsCookbookTestSupport.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
