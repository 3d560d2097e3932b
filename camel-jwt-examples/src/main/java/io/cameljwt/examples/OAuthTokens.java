package io.cameljwt.examples;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tokens this application holds at its OAuth provider: the access token it calls the partner API with and the
 * refresh token that gets the next one. The routes read it while another message may be refreshing it; it is never
 * logged.
 */
public final class OAuthTokens {

    private record Held(String accessToken, String refreshToken) {
    }

    private final String clientId;
    private final String clientSecret;
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Held held = new Held(null, null);

    public OAuthTokens(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Starts from the tokens of a first grant: a user's or an administrator's login and consent. */
    public void hold(String accessToken, String refreshToken) {
        held = new Held(accessToken, refreshToken);
    }

    public String accessToken() {
        return held.accessToken();
    }

    /**
     * The form the token endpoint takes for the refresh_token grant (RFC 6749, section 6), with this client's
     * credentials in the body ({@code client_secret_post}).
     */
    public String refreshRequest() {
        String refreshToken = held.refreshToken();
        if (refreshToken == null) {
            throw new IllegalStateException("no refresh token is held: the application needs a first grant");
        }
        return "grant_type=refresh_token"
               + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
               + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
               + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    }

    /**
     * Keeps the tokens of the token endpoint's answer (JSON). A new refresh token replaces the one held: providers
     * that rotate refresh tokens accept each one once.
     */
    public void refreshed(String tokenResponse) throws IOException {
        JsonNode answer = HttpJson.mapper().readTree(tokenResponse);
        String accessToken = answer == null ? null : answer.path("access_token").asText(null);
        if (accessToken == null) {
            throw new IllegalStateException("the token endpoint answered without an access_token");
        }
        held = new Held(accessToken, answer.path("refresh_token").asText(held.refreshToken()));
        refreshes.incrementAndGet();
    }

    /** How many times the access token was refreshed. */
    public int refreshes() {
        return refreshes.get();
    }
}
