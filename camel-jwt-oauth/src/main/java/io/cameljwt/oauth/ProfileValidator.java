package io.cameljwt.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.JwtValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.OAuthTokenValidationResult;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One OAuth profile's prepared validator: a started {@code jwt:validate} endpoint and producer, built once, through
 * which every token of the profile goes. So a profile gets all of camel-jwt: the remote-key cache and its health
 * check, the verified-token cache, JWE, revocation.
 */
final class ProfileValidator extends ServiceSupport {

    private final String profile;
    private final Endpoint endpoint;
    private final Producer producer;
    private final Map<String, Object> options;

    private ProfileValidator(String profile, Map<String, Object> options, Endpoint endpoint, Producer producer) {
        this.profile = profile;
        this.options = Map.copyOf(options);
        this.endpoint = endpoint;
        this.producer = producer;
    }

    /**
     * Creates and starts the validator. A key or option that cannot work fails here, with camel-jwt's message naming
     * the option; the message never holds option values.
     */
    static ProfileValidator start(CamelContext context, String profile, Map<String, Object> options) {
        Endpoint endpoint = null;
        try {
            // parameters, not a URI: key text never becomes part of an endpoint URI that Camel shows or registers.
            // Camel's hash parameter only tells endpoints apart: each profile's readiness check gets an id of its own
            endpoint = context.getComponent("jwt").createEndpoint(
                    "jwt:validate?hash=oauth-" + URLEncoder.encode(profile, StandardCharsets.UTF_8),
                    new HashMap<>(options));
            ServiceHelper.startService(endpoint);
            Producer producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            ProfileValidator validator = new ProfileValidator(profile, options, endpoint, producer);
            validator.start();
            return validator;
        } catch (Exception e) {
            ServiceHelper.stopService(endpoint);
            throw new IllegalArgumentException("OAuth profile " + profile + ": " + e.getMessage(), e);
        }
    }

    String profile() {
        return profile;
    }

    /** The options the validator was prepared with. */
    Map<String, Object> options() {
        return options;
    }

    /**
     * @return                      the verdict: valid with the token's identity, or invalid with the closest code
     * @throws RuntimeCamelException when the verdict could not be had (keys or the revocation store unavailable): the
     *                               SPI's sign for a 503
     */
    OAuthTokenValidationResult validate(String token) {
        Exchange exchange = new DefaultExchange(endpoint.getCamelContext());
        exchange.getMessage().setHeader(JwtConstants.JWT_TOKEN, token);
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure instanceof JwtValidationException refused) {
            if (refused.getReason() == JwtFailure.KEYS_UNAVAILABLE) {
                throw new RuntimeCamelException(refused);
            }
            boolean missingExp = refused.getReason() == JwtFailure.CLAIM_MISSING
                    && String.valueOf(refused.getMessage()).contains("no exp");
            return OAuthTokenValidationResult.invalid(ErrorCodes.of(refused.getReason(), missingExp),
                    refused.getReason() + ": " + refused.getMessage());
        }
        if (failure != null) {
            throw RuntimeCamelException.wrapRuntimeCamelException(failure);
        }
        return accepted(exchange.getMessage());
    }

    private static OAuthTokenValidationResult accepted(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = message.getHeader(JwtConstants.JWT_CLAIMS, Map.class);
        Instant expiresAt = message.getHeader(JwtConstants.JWT_EXPIRES_AT, Instant.class);
        @SuppressWarnings("unchecked")
        List<String> audience = message.getHeader(JwtConstants.JWT_AUDIENCE, List.class);
        return OAuthTokenValidationResult.valid(
                message.getHeader(JwtConstants.JWT_SUBJECT, String.class),
                message.getHeader(JwtConstants.JWT_ISSUER, String.class),
                audience,
                scopes(claims),
                claims,
                expiresAt == null ? 0 : expiresAt.getEpochSecond());
    }

    /** RFC 8693's {@code scope} (space-separated) or the {@code scp} claim of Okta (an array) and Entra ID (space-separated). */
    static List<String> scopes(Map<String, Object> claims) {
        if (claims == null) {
            return List.of();
        }
        Object scope = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
        List<String> scopes = new ArrayList<>();
        if (scope instanceof String text) {
            Arrays.stream(text.split(" ")).filter(s -> !s.isEmpty()).forEach(scopes::add);
        } else if (scope instanceof Collection<?> items) {
            items.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
        }
        return scopes;
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer, endpoint);
    }
}
