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

import com.fasterxml.jackson.databind.JsonNode;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-demonstration: logs in and calls the API over real HTTP, as a client would, and logs each status. It logs
 * what the server answered, except the token itself.
 */
final class DemoClient {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    /** One request of the demo and how it went; {@code problem} says what was wrong with an answer of the right status. */
    record Step(String request, int expected, int actual, String problem) {
        Step(String request, int expected, int actual) {
            this(request, expected, actual, null);
        }

        boolean asExpected() {
            return expected == actual && problem == null;
        }
    }

    /** The JWK members that only a private or secret key has: a published set must hold none of them. */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

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

        // what a service that checks the login's tokens, but is not this application, does
        String jwks = jwks("GET /.well-known/jwks.json", token);
        verifyWithJose4j("verify " + user + "'s token against the fetched JWK Set with jose4j", token, jwks);
        return steps;
    }

    /** @return the JWK Set's JSON, or null without one */
    private String jwks(String what, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/.well-known/jwks.json"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            record(what, 200, response.statusCode(), response.body(), null);
            return null;
        }
        String kid = token == null ? null : kid(token);
        JsonNode keys = HttpJson.mapper().readTree(response.body()).path("keys");
        List<String> published = new ArrayList<>();
        String problem = null;
        for (JsonNode key : keys) {
            published.add(key.path("kty").asText() + " " + key.path("alg").asText() + " kid=" + key.path("kid").asText());
            if (PRIVATE_MEMBERS.stream().anyMatch(key::has)) {
                problem = "a key has a private member";
            }
        }
        if (problem == null && published.stream().noneMatch(k -> k.endsWith(" kid=" + kid))) {
            problem = "no key has the kid of the token from /login (" + kid + ")";
        }
        // the set is public: log what it holds, key by key
        record(what, 200, 200, "keys " + published + ", public members only", problem);
        return response.body();
    }

    /**
     * Checks the token as a third-party service would with jose4j alone: the key found in the published set by the
     * token's {@code kid}, RS256 only, an expiry required. (The API routes also require its issuer, audience and roles.)
     */
    private void verifyWithJose4j(String what, String token, String jwks) {
        if (token == null || jwks == null) {
            check(what, "", "no token or no JWK Set to verify with");
            return;
        }
        try {
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                    .setRequireExpirationTime()
                    .setSkipDefaultAudienceValidation()
                    .build();
            JwtClaims claims = consumer.processToClaims(token);
            check(what, "signature valid, sub=" + claims.getSubject() + ", kid=" + kid(token), null);
        } catch (InvalidJwtException e) {
            // jose4j's message can quote the token: log its error codes only
            check(what, "", "refused, jose4j error codes "
                    + e.getErrorDetails().stream().map(ErrorCodeValidator.Error::getErrorCode).toList());
        } catch (JoseException | MalformedClaimException e) {
            check(what, "", "the JWK Set or the claims could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** The {@code kid} of a compact JWS's header, read without checking anything. */
    private static String kid(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
            return HttpJson.mapper().readTree(header).path("kid").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
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
            record(what, expected, response.statusCode(), response.body(), null);
            return null;
        }
        Map<?, ?> answer = HttpJson.mapper().readValue(response.body(), Map.class);
        // never log the token: only what it is and how long it lives
        record(what, expected, 200,
                "token_type=" + answer.get("token_type") + ", expires_in=" + answer.get("expires_in"), null);
        return (String) answer.get("access_token");
    }

    private void get(String what, String path, String token, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String challenge = response.headers().firstValue("WWW-Authenticate").map(c -> " [WWW-Authenticate: " + c + "]").orElse("");
        record(what, expected, response.statusCode(), response.body() + challenge, null);
    }

    private void record(String what, int expected, int actual, String detail, String problem) {
        Step step = new Step(what, expected, actual, problem);
        steps.add(step);
        if (step.asExpected()) {
            LOG.info("{} -> {} {}", what, actual, detail);
        } else if (problem != null) {
            LOG.warn("{} -> {} but {} {}", what, actual, problem, detail);
        } else {
            LOG.warn("{} -> {} (expected {}) {}", what, actual, expected, detail);
        }
    }

    /** A step that is no HTTP request: it went as expected unless there is a problem. */
    private void check(String what, String detail, String problem) {
        steps.add(new Step(what, 1, 1, problem));
        if (problem == null) {
            LOG.info("{} -> ok, {}", what, detail);
        } else {
            LOG.warn("{} -> failed: {}", what, problem);
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
