package io.cameljwt;

import java.util.Set;

import io.cameljwt.internal.settings.EndpointSettings;

/**
 * The settings an endpoint resolves at start from a configuration, for the tests that build a part of an operation
 * without an endpoint (the factory is package-private, and tests in other packages use it through here).
 */
public final class TestSettings {

    private TestSettings() {
    }

    /** The settings of a validate endpoint whose URI sets nothing itself. */
    public static EndpointSettings of(JwtConfiguration config) {
        return of(JwtOperation.validate, config, Set.of());
    }

    public static EndpointSettings of(JwtOperation operation, JwtConfiguration config, Set<String> uriOptions) {
        return EndpointSettingsFactory.create(operation, config, uriOptions);
    }
}
