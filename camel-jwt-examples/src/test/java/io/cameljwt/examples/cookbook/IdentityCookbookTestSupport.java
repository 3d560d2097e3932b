package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * Runs routes of the identity cookbook on Camel Main (platform-http on 127.0.0.1 at a free port, the examples'
 * {@code application.properties} plus {@link #properties()}) and calls them over real HTTP.
 */
public abstract class IdentityCookbookTestSupport extends CamelMainTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    // static: CamelTestSupport reads the configuration while it is constructed
    protected static final int PORT = AvailablePortFinder.getNextAvailable();

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = properties();
        overrides.setProperty("http.port", String.valueOf(PORT));
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    /** The properties the routes under test need besides the examples' {@code application.properties}. */
    protected Properties properties() {
        return new Properties();
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    protected HttpResponse<String> postJson(String path, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static Map<?, ?> json(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }

    /** The refusal body the cookbook routes answer with: {@code {"error": "<JwtFailure>"}}. */
    protected static Map<String, String> refusal(String failure) {
        return Map.of("error", failure);
    }

    /** A part (0 header, 1 payload) of a compact JWS, read without checking anything: only to look at it. */
    protected static Map<?, ?> part(String token, int index) throws IOException {
        String part = token.split("\\.")[index];
        return JSON.readValue(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8), Map.class);
    }

    /** The text of a classpath resource, such as a PEM key. */
    protected static String resource(String path) throws IOException {
        try (var in = IdentityCookbookTestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
