package io.cameljwt.internal.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cameljwt.internal.remote.RemoteKeys.SourceState;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of a {@code jwt:validate} endpoint with remote keys ({@code jwksUri} or {@code issuerUri}): UP while
 * every source has usable keys cached, fresh or stale (a failed refetch is then a detail: the stale keys go on
 * serving); DOWN while a source has none (never fetched, older than {@code jwksMaxStale}, or its JWK Set holds no
 * usable key), since the tokens it signs are refused as {@code KEYS_UNAVAILABLE}, with the last failure as the
 * reason. The details name each source, whether it has keys and its last failure (text cleaned by
 * {@link KeyServerText} where it arises); never a key.
 * <p>
 * The endpoint registers it straight in the {@code HealthCheckRegistry}, not in Camel's {@code producers} repository
 * where producer checks usually go: that repository is off unless {@code camel.health.producersEnabled=true}, and an
 * endpoint without keys refuses every token, which is what a readiness probe is there to tell, so the check is seen by
 * default. {@code camel.health.exclude-pattern=jwt-keys*} leaves it out (Camel matches the id without its
 * {@code producer:} prefix, as for its own producer checks).
 * <p>
 * A probe also starts a fetch for a source without keys or with keys older than {@code jwksCacheTtl} (in the
 * background, at most one per {@code jwksRefreshInterval}): otherwise only a token starts one, and an instance that is
 * not ready gets no tokens, so it would stay unready after its provider came back.
 */
public final class RemoteKeysHealthCheck implements HealthCheck {

    /** Camel's producer checks are {@code producer:<component>-<name>} in group {@code camel}; so is this one. */
    static final String ID_PREFIX = "producer:jwt-keys-";
    static final String GROUP = "camel";

    /** How long the message may be: it joins the sources' failures, each at most {@link KeyServerText#MAX}. */
    private static final int MAX_MESSAGE = 1000;

    private final String id;
    private final String endpointUri;
    private final RemoteKeys keys;
    private volatile boolean enabled = true;

    /**
     * @param endpointUri   the endpoint's URI; the id is made of it, so it is unique per endpoint and stable across
     *                      restarts
     * @param secretOptions the options whose values are masked in the id and details: every option marked secret,
     *                      since Camel's own masking knows only some of them (not {@code decryptionKey})
     */
    public RemoteKeysHealthCheck(String endpointUri, Set<String> secretOptions, RemoteKeys keys) {
        this.endpointUri = KeyServerText.printable(masked(endpointUri, secretOptions), Integer.MAX_VALUE);
        this.id = ID_PREFIX + this.endpointUri;
        this.keys = keys;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    /** Not liveness: a provider outage is no reason to restart the application. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Map<String, Object> getMetaData() {
        return Map.of(CHECK_ID, id, CHECK_GROUP, GROUP);
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(CHECK_ID, id)
                .detail(CHECK_GROUP, GROUP)
                .detail(CHECK_KIND, Kind.READINESS)
                .detail(ENDPOINT_URI, endpointUri);
        if (!enabled) {
            // as Camel's own checks report a disabled check (Spring Boot's indicator skips it by this detail)
            return builder.detail(CHECK_ENABLED, false).message("Disabled").unknown().build();
        }
        List<SourceState> states = keys.states();
        List<String> without = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            SourceState state = states.get(i);
            String prefix = "source." + (i + 1) + ".";
            String name = state.name();
            String failure = state.lastFailure();
            builder.detail(prefix + "uri", name);
            builder.detail(prefix + "keysCached", state.hasKeys());
            if (failure != null) {
                builder.detail(prefix + "lastFailure", failure);
            }
            if (state.expired()) {
                without.add(name + " (the keys, older than jwksMaxStale, were dropped as fetching them again failed: "
                            + failure + ")");
            } else if (!state.hasKeys()) {
                without.add(name + (failure == null ? " (no fetch has completed yet)" : " (" + failure + ")"));
            } else if (failure != null) {
                failing.add(name + " (" + failure + ")");
            }
        }
        keys.fetchWhereDue(); // after reading the states: this probe reports what the last fetch found
        if (!without.isEmpty()) {
            return builder.down()
                    .message(cut("No usable keys from " + String.join("; ", without)
                                 + "; tokens are refused as KEYS_UNAVAILABLE"))
                    .build();
        }
        if (!failing.isEmpty()) {
            builder.message(cut("Keys cached, but fetching them again failed (the cached keys go on serving): "
                                + String.join("; ", failing)));
        }
        return builder.up().build();
    }

    /** The message cut short at {@link #MAX_MESSAGE} characters: it is made of text already cleaned. */
    private static String cut(String message) {
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    /**
     * The URI with the value of each of these options replaced by {@code xxxxxx}, as Camel masks the options it knows:
     * a plain value up to the next {@code &}, or a whole {@code RAW(...)} or {@code RAW{...}} value (which may hold
     * {@code &} and {@code )}: it ends where the next option or the URI does).
     */
    static String masked(String uri, Set<String> secretOptions) {
        if (secretOptions.isEmpty()) {
            return uri;
        }
        String names = secretOptions.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern secret = Pattern.compile("([?&](?:" + names + "))=(RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return secret.matcher(uri).replaceAll("$1=xxxxxx");
    }

    @Override
    public String toString() {
        return id;
    }
}
