package io.cameljwt.internal.settings;

import java.util.List;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Where validate fetches its keys from ({@code jwksUri} or {@code issuerUri}) and how they are cached.
 *
 * @param jwksUri               {@code jwksUri}, or null
 * @param issuerUri             {@code issuerUri} (a comma list), or null
 * @param issuers               the {@code issuer} option's values: the discovery document may name one of them
 * @param algorithm             the {@code algorithm} option (a comma list), or null for every public-key algorithm
 * @param cacheTtlMillis        {@code jwksCacheTtl}
 * @param maxStaleMillis        {@code jwksMaxStale}, its default resolved
 * @param refreshIntervalMillis {@code jwksRefreshInterval}
 * @param timeoutMillis         {@code jwksTimeout}
 * @param sslContextParameters  {@code sslContextParameters} (or the global ones), or null for the JVM's
 */
public record RemoteKeySettings(String jwksUri, String issuerUri, List<String> issuers, String algorithm,
                                long cacheTtlMillis, long maxStaleMillis, long refreshIntervalMillis, long timeoutMillis,
                                SSLContextParameters sslContextParameters) {

    public RemoteKeySettings {
        issuers = List.copyOf(issuers);
    }

    /** Whether the endpoint takes its keys from a remote JWK Set. */
    public boolean configured() {
        return jwksUri != null || issuerUri != null;
    }
}
