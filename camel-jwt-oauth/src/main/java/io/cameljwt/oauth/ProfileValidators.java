package io.cameljwt.oauth;

import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.OAuthTokenValidationConfig;
import org.apache.camel.spi.OAuthTokenValidationConfigResolver;

/**
 * The prepared validators of one CamelContext, by profile and by settings. Camel makes a new factory each time it
 * resolves one from the factory file, so the validators live here, one set per CamelContext (a context plugin), and
 * stop with it.
 */
final class ProfileValidators {

    static final String PREFIX = "camel.oauth.";
    private static final String JWT = "jwt.";

    private final CamelContext context;
    private final Map<String, ProfileValidator> byProfile = new ConcurrentHashMap<>();
    private final Map<ConfigKey, ProfileValidator> byConfig = new ConcurrentHashMap<>();
    /** Numbers the validators of settings no profile has, for their names. */
    private final AtomicInteger givenSettings = new AtomicInteger();

    private ProfileValidators(CamelContext context) {
        this.context = context;
    }

    /** The validators of {@code context}, made at the first call. */
    static ProfileValidators of(CamelContext context) {
        // every request comes here: only the first call of a context takes the lock
        ProfileValidators validators = context.getCamelContextExtension().getContextPlugin(ProfileValidators.class);
        if (validators != null) {
            return validators;
        }
        synchronized (context) {
            validators = context.getCamelContextExtension().getContextPlugin(ProfileValidators.class);
            if (validators == null) {
                validators = new ProfileValidators(context);
                context.getCamelContextExtension().addContextPlugin(ProfileValidators.class, validators);
            }
            return validators;
        }
    }

    /** The validator of a profile ({@code null} or blank: the default profile, {@code camel.oauth.*}). */
    ProfileValidator forProfile(String profileName) {
        String name = profileName == null || profileName.isBlank() ? "" : profileName;
        ProfileValidator validator = byProfile.get(name);
        return running(validator) ? validator
                : byProfile.compute(name, (k, old) -> running(old) ? old : prepare(k));
    }

    /** The validator prepared for a profile with these settings, or, for settings no profile has, one of their own. */
    ProfileValidator forSettings(OAuthTokenValidationConfig config) {
        ConfigKey key = ConfigKey.of(config);
        ProfileValidator validator = byConfig.get(key);
        return running(validator) ? validator : byConfig.compute(key, (k, old) -> running(old) ? old : started(
                "(given settings " + givenSettings.incrementAndGet() + ")", ProfileSettings.options(config, PREFIX, Map.of())));
    }

    /**
     * Whether a validator can serve: those of a CamelContext that was stopped were stopped with it, and a restarted
     * context prepares its profiles again.
     */
    private static boolean running(ProfileValidator validator) {
        return validator != null && validator.isStarted();
    }

    private ProfileValidator prepare(String name) {
        String prefix = name.isEmpty() ? PREFIX : PREFIX + name + ".";
        OAuthTokenValidationConfig config;
        try {
            config = name.isEmpty()
                    ? OAuthTokenValidationConfigResolver.resolveDefaultProfileConfig(context)
                    : OAuthTokenValidationConfigResolver.resolveProfileConfig(context, name);
        } catch (IllegalArgumentException e) {
            // Camel's resolver names the setting (clockSkewSeconds), not the property of the profile
            throw new IllegalArgumentException("OAuth profile " + (name.isEmpty() ? "(default)" : name) + " ("
                    + prefix + "*): " + e.getMessage(), e);
        }
        Map<String, String> extras = extras(context, prefix + JWT);
        Map<String, Object> options = ProfileSettings.options(config, prefix, extras);
        String profile = name.isEmpty() ? "(default)" : name;
        ProfileValidator alike = byConfig.compute(ConfigKey.of(config),
                (k, old) -> running(old) ? old : started(profile, options));
        // checked after the lookup, not before, so that a profile prepared at the same time cannot slip in between
        if (!alike.options().equals(options)) {
            // the SPI's consumers hand over the settings alone, so two profiles alike in them must not differ otherwise
            throw new IllegalArgumentException("OAuth profiles " + alike.profile() + " and " + profile
                    + " have the same camel.oauth settings but different " + JWT + "* options: give them different "
                    + "settings (an audience, say) or the same camel-jwt options");
        }
        return alike;
    }

    /** A validator that stops with the CamelContext. */
    private ProfileValidator started(String profile, Map<String, Object> options) {
        ProfileValidator validator = ProfileValidator.start(context, profile, options);
        try {
            context.addService(validator, true);
        } catch (Exception e) {
            validator.stop();
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        return validator;
    }

    /** The profile's camel-jwt options; a name that is no camel-jwt option is refused, naming it (never its value). */
    private static Map<String, String> extras(CamelContext context, String prefix) {
        Properties properties = context.getPropertiesComponent().loadProperties(key -> key.startsWith(prefix));
        EndpointUriFactory uris = context.getCamelContextExtension().getEndpointUriFactory("jwt");
        Set<String> names = uris.propertyNames();
        Collection<String> prefixes = uris.multiValuePrefixes().values();
        Map<String, String> extras = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String option = key.substring(prefix.length());
            if (!names.contains(option) && prefixes.stream().noneMatch(option::startsWith)) {
                throw new IllegalArgumentException(key + " names no camel-jwt option (see docs/options.md)");
            }
            // as Camel resolves it: nested {{placeholders}} resolved; no URI decoding, so no RAW() is needed
            extras.put(option, context.getPropertiesComponent().resolveProperty(key).orElse(""));
        }
        return extras;
    }

    /** The SPI's settings as a value, so that settings given again find the validator prepared for them. */
    private record ConfigKey(String jwksEndpoint, String discoveryUrl, String issuer, Set<String> audiences,
            String tokenType, int clockSkew, long jwksCacheTtl, long discoveryCacheTtl, int connectTimeout,
            int readTimeout, boolean requireExpiration, Set<String> algorithms, boolean allowMissingAudience,
            boolean allowMissingIssuer, boolean allowInsecureHttp, String introspectionEndpoint) {

        static ConfigKey of(OAuthTokenValidationConfig c) {
            return new ConfigKey(c.getJwksEndpoint(), c.getOidcDiscoveryUrl(), c.getExpectedIssuer(),
                    c.getExpectedAudiences() == null ? Set.of() : Set.copyOf(c.getExpectedAudiences()), c.getExpectedTokenType(), c.getClockSkewSeconds(),
                    c.getJwksCacheTtlSeconds(), c.getOidcDiscoveryCacheTtlSeconds(), c.getConnectTimeoutSeconds(),
                    c.getReadTimeoutSeconds(), c.isRequireExpiration(),
                    c.getAllowedJwsAlgorithms() == null ? Set.of() : Set.copyOf(c.getAllowedJwsAlgorithms()),
                    c.isAllowMissingAudience(), c.isAllowMissingIssuer(), c.isAllowInsecureHttp(),
                    c.getIntrospectionEndpoint());
        }
    }
}
