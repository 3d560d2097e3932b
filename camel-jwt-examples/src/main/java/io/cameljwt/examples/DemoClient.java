package io.cameljwt.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-demonstration: logs in and calls the API over real HTTP, as a client would, and logs each status. It logs
 * what the server answered, except the token itself.
 */
final class DemoClient {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    /** One request of the demo and how it went. */
    record Step(String request, int expected, int actual) {
        boolean asExpected() {
            return expected == actual;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final List<Step> steps = new ArrayList<>();

    DemoClient(URI base) {
        this.base = base;
    }

    /**
     * Runs the demo with a user that has role {@code user} and one that also has {@code admin}.
     *
     * @return every step, in order
     */
    List<Step> run(String user, String userPassword, String admin, String adminPassword)
            throws IOException, InterruptedException {
        login("POST /login as " + user + " with a wrong password", user, userPassword + "-wrong", 401);
        String token = login("POST /login as " + user, user, userPassword, 200);

        get("GET /api/orders without a token", "/api/orders", null, 401);
        get("GET /api/orders as " + user, "/api/orders", token, 200);
        get("GET /api/admin as " + user + " (no admin role)", "/api/admin", token, 403);
        get("GET /api/admin with " + user + "'s token edited to claim admin", "/api/admin", claimAdmin(token), 401);

        String adminToken = login("POST /login as " + admin, admin, adminPassword, 200);
        get("GET /api/admin as " + admin, "/api/admin", adminToken, 200);
        return steps;
    }

    /** @return the access token, or null when the login was refused */
    private String login(String what, String username, String password, int expected)
            throws IOException, InterruptedException {
        String body = HttpJson.mapper().writeValueAsString(Map.of("username", username, "password", password));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/login")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            record(what, expected, response.statusCode(), response.body());
            return null;
        }
        Map<?, ?> answer = HttpJson.mapper().readValue(response.body(), Map.class);
        // never log the token: only what it is and how long it lives
        record(what, expected, 200,
                "token_type=" + answer.get("token_type") + ", expires_in=" + answer.get("expires_in"));
        return (String) answer.get("access_token");
    }

    private void get(String what, String path, String token, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String challenge = response.headers().firstValue("WWW-Authenticate").map(c -> " [WWW-Authenticate: " + c + "]").orElse("");
        record(what, expected, response.statusCode(), response.body() + challenge);
    }

    private void record(String what, int expected, int actual, String detail) {
        steps.add(new Step(what, expected, actual));
        if (expected == actual) {
            LOG.info("{} -> {} {}", what, actual, detail);
        } else {
            LOG.warn("{} -> {} (expected {}) {}", what, actual, expected, detail);
        }
    }

    /** The forgery a validating server must catch: the payload edited to add role admin, the signature kept. */
    static String claimAdmin(String token) {
        if (token == null) {
            return "not-a-token";
        }
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"roles\":[", "\"roles\":[\"admin\",");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
               + "." + parts[2];
    }
}
