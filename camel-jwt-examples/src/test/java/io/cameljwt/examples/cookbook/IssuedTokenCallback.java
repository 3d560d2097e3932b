package io.cameljwt.examples.cookbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthentication;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * What the test provider ({@link TestIdentityProvider}) puts into the access tokens of the token requests it serves
 * with this callback, and the client assertions ({@code private_key_jwt}) those requests came with.
 */
final class IssuedTokenCallback implements OAuth2TokenCallback {

    private final String issuerId;
    private final String subject;
    private final List<String> audience;
    private final long lifetimeSeconds;
    private final Set<String> clientAssertions = new LinkedHashSet<>();

    IssuedTokenCallback(String issuerId, String subject, String audience, long lifetimeSeconds) {
        this.issuerId = issuerId;
        this.subject = subject;
        this.audience = List.of(audience);
        this.lifetimeSeconds = lifetimeSeconds;
    }

    @Override
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String subject(TokenRequest tokenRequest) {
        ClientAuthentication authentication = tokenRequest.getClientAuthentication();
        if (authentication instanceof JWTAuthentication jwt) {
            synchronized (clientAssertions) {
                clientAssertions.add(jwt.getClientAssertion().serialize());
            }
        }
        return subject;
    }

    @Override
    public String typeHeader(TokenRequest tokenRequest) {
        return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest tokenRequest) {
        return audience;
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest tokenRequest) {
        return Map.of();
    }

    @Override
    public long tokenExpiry() {
        return lifetimeSeconds;
    }

    /** The client assertions of the token requests served, in order. */
    List<String> clientAssertions() {
        synchronized (clientAssertions) {
            return new ArrayList<>(clientAssertions);
        }
    }
}
