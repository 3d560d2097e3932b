package io.cameljwt.oauth;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.OAuthTokenValidationConfig;
import org.apache.camel.spi.OAuthTokenValidationFactory;
import org.apache.camel.spi.OAuthTokenValidationResult;

/**
 * Camel's token-validation SPI backed by camel-jwt: a consumer such as {@code platform-http:/orders?oauthProfile=orders}
 * validates its bearer tokens with a {@code jwt:validate} endpoint prepared once per profile from the
 * {@code camel.oauth.orders.*} properties, and the profile's own camel-jwt options
 * {@code camel.oauth.orders.jwt.NAME=VALUE} (revocation, required roles, encrypted tokens, ...).
 * <p>
 * Selected by Camel when this jar is on the classpath (the factory file {@code oauth-token-validation-factory}), or as
 * a registry bean. A refused token is an invalid result (the consumer answers 401); keys or a revocation store that
 * cannot be reached raise a runtime exception (503); a setting that cannot work raises
 * {@link IllegalArgumentException} naming the property, when the consumer starts.
 */
public class JwtOAuthTokenValidationFactory implements OAuthTokenValidationFactory, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public void validateConfiguration(CamelContext context, String profileName) {
        ProfileValidators.of(context).forProfile(profileName);
    }

    @Override
    public void validateConfiguration(CamelContext context) {
        ProfileValidators.of(context).forProfile(null);
    }

    @Override
    public void validateConfiguration(OAuthTokenValidationConfig config) {
        ProfileSettings.options(config, ProfileValidators.PREFIX, Map.of());
    }

    @Override
    public OAuthTokenValidationResult validateToken(CamelContext context, String profileName, String token) {
        return ProfileValidators.of(context).forProfile(profileName).validate(token);
    }

    @Override
    public OAuthTokenValidationResult validateToken(CamelContext context, String token) {
        return ProfileValidators.of(context).forProfile(null).validate(token);
    }

    /**
     * Platform HTTP calls this with the profile's resolved settings: the validator prepared for a profile with the
     * same settings, or, for settings no profile has, one prepared for them alone.
     */
    @Override
    public OAuthTokenValidationResult validateToken(OAuthTokenValidationConfig config, String token) {
        CamelContext context = Objects.requireNonNull(camelContext,
                "JwtOAuthTokenValidationFactory has no CamelContext: Camel sets it when it resolves the factory");
        return ProfileValidators.of(context).forSettings(config).validate(token);
    }
}
