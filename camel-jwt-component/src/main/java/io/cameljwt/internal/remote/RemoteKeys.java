package io.cameljwt.internal.remote;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLContext;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.keys.Algorithms;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeySource;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.settings.KeySettings;
import io.cameljwt.internal.settings.OptionValues;
import io.cameljwt.internal.settings.RemoteKeySettings;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.CamelContext;

/**
 * The keys of a validate endpoint with {@code jwksUri} or {@code issuerUri}: one cached remote JWK Set per source.
 * With {@code issuerUri}, the token's {@code iss} picks the source, and a token from an issuer not configured is refused
 * before any fetch.
 */
public final class RemoteKeys implements KeySource {

    private final List<RemoteJwks> sources;
    /** With issuerUri: each accepted iss and its source. Empty with jwksUri, whose one source serves every token. */
    private final Map<String, RemoteJwks> byIssuer;
    private final Set<String> algorithms;
    /** Runs the fetches (one thread per source). */
    private final ExecutorService executor;
    /** Runs the HTTP client's work and host lookups: Java 17's client cannot be closed, so its threads end here. */
    private final ExecutorService httpExecutor;
    private final CamelContext context;

    private RemoteKeys(List<RemoteJwks> sources, Map<String, RemoteJwks> byIssuer, Set<String> algorithms,
                       ExecutorService executor, ExecutorService httpExecutor, CamelContext context) {
        this.sources = List.copyOf(sources);
        this.byIssuer = Map.copyOf(byIssuer);
        this.algorithms = Set.copyOf(algorithms);
        this.executor = executor;
        this.httpExecutor = httpExecutor;
        this.context = context;
    }

    /**
     * The remote keys the settings name, checked; the first fetch of each source starts now, in the background.
     *
     * @param local the endpoint's local key options, which must not be set: remote keys are then its only keys
     * @param owner what the fetching threads are named after (the endpoint)
     */
    public static RemoteKeys start(RemoteKeySettings settings, KeySettings local, CamelContext context, Object owner) {
        return start(settings, local, context, owner, System::currentTimeMillis);
    }

    /** As {@link #start(RemoteKeySettings, KeySettings, CamelContext, Object)}, on the given clock (milliseconds), for tests. */
    public static RemoteKeys start(RemoteKeySettings settings, KeySettings local, CamelContext context, Object owner,
                                   LongSupplier clock) {
        String option = settings.jwksUri() != null ? "jwksUri" : "issuerUri";
        if (settings.jwksUri() != null && settings.issuerUri() != null) {
            throw new IllegalArgumentException("Options 'jwksUri' and 'issuerUri' cannot both be set: 'issuerUri' finds"
                                               + " the JWK Set itself; with 'jwksUri', check the issuer with 'issuer'");
        }
        List<String> localOptions = local.setOptions();
        if (!localOptions.isEmpty()) {
            throw new IllegalArgumentException("Option '" + option + "' cannot be combined with '"
                                               + String.join("', '", localOptions)
                                               + "': a validate endpoint takes its keys from one place");
        }
        List<String> algorithmList = algorithms(settings.algorithm());
        Set<String> accepted = algorithmList.isEmpty() ? asymmetric() : new LinkedHashSet<>(algorithmList);

        List<JwksLocation> locations = new ArrayList<>();
        Map<String, JwksLocation> locationByIssuer = new HashMap<>();
        if (settings.jwksUri() != null) {
            locations.add(JwksLocation.fixed(settings.jwksUri()));
        } else {
            List<String> issuerUris = OptionValues.commaList(settings.issuerUri());
            if (issuerUris.isEmpty()) {
                throw new IllegalArgumentException("Option 'issuerUri' is empty");
            }
            Set<String> issuerOption = new LinkedHashSet<>(settings.issuers());
            if (issuerUris.size() > 1 && !issuerOption.isEmpty()) {
                throw new IllegalArgumentException("Option 'issuer' cannot be set with several 'issuerUri': the token's"
                                                   + " iss picks the issuer, and must be one of them");
            }
            for (String issuerUri : issuerUris) {
                Set<String> acceptedByDiscovery = new LinkedHashSet<>(issuerOption);
                acceptedByDiscovery.add(issuerUri);
                JwksLocation location = JwksLocation.discovered(issuerUri, acceptedByDiscovery);
                locations.add(location);
                // the iss values that pick this issuer: those validate accepts (issuer, else issuerUri)
                for (String iss : issuerUris.size() > 1 || issuerOption.isEmpty() ? Set.of(issuerUri) : issuerOption) {
                    if (locationByIssuer.putIfAbsent(iss, location) != null) {
                        throw new IllegalArgumentException("Option 'issuerUri' names " + iss + " twice");
                    }
                }
            }
        }

        SSLContext sslContext = sslContext(settings, context);
        ExecutorService httpExecutor = context.getExecutorServiceManager()
                .newCachedThreadPool(owner, "JwtRemoteKeysHttp");
        HttpDocuments http = new HttpDocuments(sslContext, settings.timeoutMillis(), httpExecutor);
        ExecutorService executor = context.getExecutorServiceManager()
                .newFixedThreadPool(owner, "JwtRemoteKeys", locations.size());
        List<RemoteJwks> sources = new ArrayList<>();
        Map<JwksLocation, RemoteJwks> byLocation = new HashMap<>();
        for (JwksLocation location : locations) {
            RemoteJwks source = new RemoteJwks(location, http, algorithmList, settings.cacheTtlMillis(),
                    settings.maxStaleMillis(), settings.refreshIntervalMillis(), settings.timeoutMillis(), executor, clock);
            sources.add(source);
            byLocation.put(location, source);
        }
        Map<String, RemoteJwks> byIssuer = new HashMap<>();
        locationByIssuer.forEach((iss, location) -> byIssuer.put(iss, byLocation.get(location)));
        RemoteKeys keys = new RemoteKeys(sources, byIssuer, accepted, executor, httpExecutor, context);
        sources.forEach(RemoteJwks::start);
        return keys;
    }

    /** The {@code algorithm} option for remote keys: public-key algorithms only (a fetched key is never a secret). */
    private static List<String> algorithms(String option) {
        List<String> list = option == null ? List.of() : OptionValues.commaList(option);
        for (String algorithm : list) {
            Algorithms.requireUsable(algorithm);
            if (algorithm.startsWith("HS")) {
                throw new IllegalArgumentException("Option 'algorithm': " + algorithm + " needs a shared secret, which"
                                                   + " remote keys never are");
            }
        }
        return list;
    }

    private static Set<String> asymmetric() {
        Set<String> all = new LinkedHashSet<>(Algorithms.SUPPORTED);
        all.removeIf(alg -> alg.startsWith("HS"));
        return all;
    }

    private static SSLContext sslContext(RemoteKeySettings settings, CamelContext context) {
        if (settings.sslContextParameters() == null) {
            return null;
        }
        try {
            return settings.sslContextParameters().createSSLContext(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Option 'sslContextParameters' cannot make a TLS context ("
                                               + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Set<String> algorithms() {
        return algorithms;
    }

    @Override
    public List<KeyEntry> candidates(String algorithm, String kid, Token token) throws TokenRefusal {
        if (!algorithms.contains(algorithm)) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED, "algorithm "
                                                                 + VerificationKeys.safe(algorithm, 20) + " is not accepted");
        }
        return source(token).candidates(algorithm, kid);
    }

    private RemoteJwks source(Token token) throws TokenRefusal {
        if (byIssuer.isEmpty()) {
            return sources.get(0);
        }
        Object iss = token.claims().get("iss");
        RemoteJwks source = iss instanceof String ? byIssuer.get(iss) : null;
        if (source == null) {
            throw new TokenRefusal(JwtFailure.ISSUER_MISMATCH,
                    iss == null ? "the token has no iss" : "the token's iss is not an accepted issuer");
        }
        return source;
    }

    /**
     * Starts a fetch, in the background, for each source that has no keys or keys older than {@code jwksCacheTtl},
     * where its refresh interval allows. The health check calls this on each probe: otherwise only a token starts a
     * fetch, and an instance that is not ready receives none, so it would stay unready after its provider came back;
     * and an idle instance's keys would only age.
     */
    public void fetchWhereDue() {
        sources.forEach(RemoteJwks::fetchIfDue);
    }

    /** Each source's state, for the health check. */
    public List<SourceState> states() {
        return sources.stream().map(s -> new SourceState(s.name(), s.hasKeys(), s.expired(), s.lastFailure())).toList();
    }

    /** How many times the key sources were fetched (OpenID discovery and JWK Set together count one), for metrics. */
    public long fetches() {
        return sources.stream().mapToLong(RemoteJwks::fetches).sum();
    }

    /** How many of those fetches failed, for metrics. */
    public long fetchFailures() {
        return sources.stream().mapToLong(RemoteJwks::failures).sum();
    }

    /** Whether every source has keys cached, fresh or stale, for metrics. */
    public boolean keysCached() {
        return sources.stream().allMatch(RemoteJwks::hasKeys);
    }

    /**
     * A remote source as the health check reports it: its name and last failure are cleaned text;
     * {@code expired} when its keys were dropped for being older than {@code jwksMaxStale}.
     */
    public record SourceState(String name, boolean hasKeys, boolean expired, String lastFailure) {
    }

    @Override
    public void close() {
        sources.forEach(RemoteJwks::close);
        context.getExecutorServiceManager().shutdownNow(executor);
        context.getExecutorServiceManager().shutdownNow(httpExecutor);
    }
}
