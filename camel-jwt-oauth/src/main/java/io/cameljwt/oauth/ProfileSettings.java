package io.cameljwt.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.spi.OAuthTokenValidationConfig;

/**
 * The {@code jwt:validate} options of one OAuth profile: Camel's {@link OAuthTokenValidationConfig} mapped onto
 * camel-jwt's options, plus the profile's own camel-jwt options ({@code camel.oauth.<profile>.jwt.*}). A setting
 * that cannot work is refused here, before any token is seen, with a message naming the property.
 */
final class ProfileSettings {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    /** camel-jwt options that the SPI's own properties set: a profile sets them through those properties only. */
    private static final Map<String, String> MAPPED = Map.of(
            "jwksUri", "jwks-endpoint",
            "issuerUri", "base-uri or oidc-discovery-url",
            "issuer", "expected-issuer",
            "audience", "expected-audience",
            "expectedType", "expected-token-type",
            "clockSkew", "clock-skew-seconds",
            "jwksCacheTtl", "jwks-cache-ttl-seconds",
            "jwksTimeout", "connect-timeout-seconds and read-timeout-seconds",
            "requireExpiration", "require-expiration",
            "algorithm", "allowed-jws-algorithms");

    /** camel-jwt options that would break the SPI's contract: a refused token must come back as an exception. */
    private static final Set<String> REFUSED = Set.of("failOnInvalid", "operation");

    private ProfileSettings() {
    }

    /**
     * @param  config                   the profile's SPI settings
     * @param  prefix                   the profile's property prefix ({@code camel.oauth.orders.}), for messages
     * @param  extras                   the profile's own camel-jwt options, by option name
     * @return                          the options of the profile's {@code jwt:validate} endpoint
     * @throws IllegalArgumentException naming the property, for a setting that cannot work
     */
    static Map<String, Object> options(OAuthTokenValidationConfig config, String prefix, Map<String, String> extras) {
        if (config.getIntrospectionEndpoint() != null) {
            throw new IllegalArgumentException(prefix + "introspection-endpoint is set, but camel-jwt validates JWTs "
                    + "locally and does not call an introspection endpoint: remove it, or select camel-oauth for this "
                    + "profile with " + prefix + "validation-factory");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        // set here, not left to the default: camel.component.jwt.failOnInvalid=false would make every token valid
        options.put("failOnInvalid", true);
        if (config.getJwksEndpoint() != null) {
            options.put("jwksUri", remoteUri(config.getJwksEndpoint(), config, prefix + "jwks-endpoint"));
        } else if (config.getOidcDiscoveryUrl() != null) {
            options.put("issuerUri", issuerOf(config.getOidcDiscoveryUrl(), config, prefix));
        } else if (!extras.containsKey("jwks") && !extras.containsKey("publicKey") && !extras.containsKey("secret")
                && !extras.containsKey("keyStore")) {
            throw new IllegalArgumentException("Neither " + prefix + "jwks-endpoint nor " + prefix + "base-uri (or "
                    + "oidc-discovery-url) is set: set one, or give keys with " + prefix + "jwt.jwks, "
                    + prefix + "jwt.publicKey, " + prefix + "jwt.keyStore or " + prefix + "jwt.secret");
        }
        if (config.getExpectedIssuer() != null) {
            options.put("issuer", config.getExpectedIssuer());
        } else if (!config.isAllowMissingIssuer()) {
            throw new IllegalArgumentException(prefix + "expected-issuer is not set: set it (or base-uri, which "
                    + "implies it), or set " + prefix + "allow-missing-issuer=true to accept tokens of any issuer");
        }
        Set<String> audiences = config.getExpectedAudiences();
        if (audiences != null && !audiences.isEmpty()) {
            options.put("audience", String.join(",", audiences));
        } else if (!config.isAllowMissingAudience()) {
            throw new IllegalArgumentException(prefix + "expected-audience is not set: set it, or set " + prefix
                    + "allow-missing-audience=true to accept tokens meant for any audience");
        }
        if (config.getExpectedTokenType() != null) {
            options.put("expectedType", config.getExpectedTokenType());
        }
        // durations in seconds (a plain number would be read as milliseconds); the SPI's setters keep them in range
        options.put("clockSkew", config.getClockSkewSeconds() + "s");
        options.put("jwksCacheTtl", config.getJwksCacheTtlSeconds() + "s");
        // camel-jwt has one deadline for a whole fetch (connect, redirects, headers, body): the two budgets together
        options.put("jwksTimeout", (config.getConnectTimeoutSeconds() + (long) config.getReadTimeoutSeconds()) + "s");
        options.put("requireExpiration", config.isRequireExpiration());
        if (config.getAllowedJwsAlgorithms() != null && !config.getAllowedJwsAlgorithms().isEmpty()) {
            options.put("algorithm", String.join(",", config.getAllowedJwsAlgorithms()));
        }
        for (Map.Entry<String, String> extra : extras.entrySet()) {
            String name = extra.getKey();
            if (REFUSED.contains(name)) {
                throw new IllegalArgumentException(prefix + "jwt." + name + " cannot be set for an OAuth profile: "
                        + "the consumer answers a refused token with 401 itself");
            }
            if (MAPPED.containsKey(name)) {
                throw new IllegalArgumentException(prefix + "jwt." + name + " is set: set " + prefix
                        + MAPPED.get(name) + " instead");
            }
            options.put(name, extra.getValue());
        }
        return options;
    }

    private static String issuerOf(String discoveryUrl, OAuthTokenValidationConfig config, String prefix) {
        String property = prefix + "oidc-discovery-url";
        if (!discoveryUrl.endsWith(DISCOVERY_PATH)) {
            throw new IllegalArgumentException(property + " must end with " + DISCOVERY_PATH
                    + ": camel-jwt reads the discovery document of an issuer (set " + prefix + "base-uri to the issuer)");
        }
        return remoteUri(discoveryUrl.substring(0, discoveryUrl.length() - DISCOVERY_PATH.length()), config, property);
    }

    private static String remoteUri(String uri, OAuthTokenValidationConfig config, String property) {
        if (uri.regionMatches(true, 0, "http:", 0, 5) && !config.isAllowInsecureHttp()) {
            throw new IllegalArgumentException(property + " is a plain http address: use https, or set "
                    + property.substring(0, property.lastIndexOf('.') + 1) + "allow-insecure-http=true "
                    + "(camel-jwt then accepts plain http to a loopback address only)");
        }
        return uri;
    }
}
