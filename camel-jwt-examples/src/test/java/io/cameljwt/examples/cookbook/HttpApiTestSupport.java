package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP API cookbook tests: one CamelContext per test class with platform-http served by Vert.x on
 * 127.0.0.1 at a free port, the Java routes under test and the {@code .camel.yaml} files under test, loaded with
 * camel-yaml-dsl exactly as Camel JBang loads them, and a plain HTTP client to call them as a user would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpApiTestSupport extends CamelTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    /** The properties the routes read (their placeholders); {@link #port()} is known when this is called. */
    protected abstract Properties properties();

    /** The Java routes under test. */
    protected List<RoutesBuilder> javaRoutes() {
        return List.of();
    }

    /** The YAML route files under test, as classpath paths such as {@code cookbook/checkout.camel.yaml}. */
    protected List<String> yamlRoutes() {
        return List.of();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        port = AvailablePortFinder.getNextAvailable();
        camel.getPropertiesComponent().setOverrideProperties(properties());
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>(javaRoutes());
        for (String file : yamlRoutes()) {
            builders.addAll(PluginHelper.getRoutesLoader(context())
                    .findRoutesBuilders(ResourceHelper.resolveMandatoryResource(context(), "classpath:" + file)));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }

    /** The port platform-http serves on. */
    protected int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} and the path. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A request to this server's path, with a timeout. */
    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
    }

    /** A GET with {@code Authorization: Bearer token}, or without it when the token is null. */
    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).GET();
        return send(bearer(request, token));
    }

    /** A request with a JSON body (none when null) and the token as a Bearer token (none when null). */
    protected HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(bearer(request, token));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** The answer's JSON body as a map. */
    protected static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }

    /** The answer's {@code WWW-Authenticate} header, or null. */
    protected static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse(null);
    }
}
