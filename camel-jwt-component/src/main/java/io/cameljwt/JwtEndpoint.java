package io.cameljwt;

import java.util.Set;

import javax.management.openmbean.CompositeData;

import io.cameljwt.internal.DecodeOperation;
import io.cameljwt.internal.GenerateOperation;
import io.cameljwt.internal.JwksOperation;
import io.cameljwt.internal.JwtMetrics;
import io.cameljwt.internal.ValidateOperation;
import io.cameljwt.internal.jwe.JweDecrypter;
import io.cameljwt.internal.jwe.JweEncrypter;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.KeySource;
import io.cameljwt.internal.keys.SigningKey;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.remote.RemoteKeysHealthCheck;
import io.cameljwt.internal.revocation.RevocationList;
import io.cameljwt.internal.verify.JwsVerifier;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Generate, validate, decode and revoke JSON Web Tokens (JWS, and JWE-encrypted nested tokens), and publish the public keys of an endpoint.
 * <p>
 * With camel-management, Camel registers each endpoint as an MBean; {@code @ManagedResource} makes it add the
 * endpoint's own {@code @ManagedAttribute}s (the counts of {@link JwtMetrics}) to Camel's endpoint attributes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jwt", title = "JWT", syntax = "jwt:operation", producerOnly = true,
             remote = false,
             category = { Category.SECURITY }, headersClass = JwtConstants.class)
@ManagedResource(description = "Managed JwtEndpoint")
public class JwtEndpoint extends DefaultEndpoint {

    @UriPath(description = "What to do with each message.", enums = "generate,validate,decode,revoke,jwks")
    @Metadata(required = true)
    private JwtOperation operation;

    @UriParam
    private JwtConfiguration configuration;

    public JwtEndpoint(String uri, JwtComponent component, JwtOperation operation, JwtConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /** What each message goes through, while any producer runs: built with the keys loaded and checked. */
    private volatile Processor operationProcessor;
    /** How many started producers use {@link #operationProcessor}. */
    private int users;
    /** The options of validate's local keys, as {@link #dropInheritedKeySource} tells them from remote ones. */
    private static final Set<String> LOCAL_KEY_OPTIONS = Set.of("secret", "privateKey", "publicKey", "keyStore", "jwks");
    /** The options the endpoint's URI set itself; the others came from the component. */
    private Set<String> uriOptions = Set.of();
    /** The readiness check of the operation's remote keys, while it is registered. */
    private RemoteKeysHealthCheck healthCheck;
    /** What the endpoint has done, for JMX; kept across restarts of the operation. */
    private final JwtMetrics metrics = new JwtMetrics();

    /**
     * Called as a producer starts: the first one builds the operation, the others share it. It is built here, not when
     * the endpoint is created, so a configuration error fails the route's start with our message only, whereas Camel
     * puts the whole endpoint URI, which may hold key text, into the message of an endpoint that fails to resolve.
     */
    synchronized void acquireOperationProcessor() {
        if (users == 0) {
            operationProcessor = createOperationProcessor();
            metrics.attach(remoteKeys());
            registerHealthCheck();
        }
        users++;
    }

    /** Called as a producer stops: the last one forgets the operation, so a restart reads the keys again. */
    synchronized void releaseOperationProcessor() {
        if (users > 0 && --users == 0) {
            unregisterHealthCheck();
            metrics.detach();
            if (operationProcessor instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw RuntimeCamelException.wrapRuntimeException(e);
                }
            }
            operationProcessor = null;
        }
    }

    Processor operationProcessor() {
        Processor processor = operationProcessor;
        if (processor == null) {
            throw new IllegalStateException("The jwt producer is not started");
        }
        return processor;
    }

    private Processor createOperationProcessor() {
        // a snapshot: what the operation reads cannot change under it while it runs
        JwtConfiguration config = configuration.copy();
        config.checkValues();
        if (operation == JwtOperation.validate || operation == JwtOperation.revoke) {
            dropInheritedKeySource(config);
        }
        KeyLoader keys = new KeyLoader(getCamelContext());
        return switch (operation) {
            case generate -> new GenerateOperation(config, SigningKey.select(keys.load(config), config),
                    JweEncrypter.of(config, keys));
            case validate, revoke -> {
                ValidateOperation.Revocation revocation = revocation(config); // first: no keys to close if it fails
                JweDecrypter decrypter = JweDecrypter.of(config, keys); // before remote keys start fetching
                yield validateOperation(config, decrypter, revocation, RemoteKeys.configured(config)
                        ? RemoteKeys.start(config, getCamelContext(), this)
                        : VerificationKeys.of(keys.load(config), config.getAlgorithm()));
            }
            case decode -> new DecodeOperation(config, JweDecrypter.of(config, keys));
            case jwks -> new JwksOperation(config, keys.load(config));
        };
    }

    /**
     * Remote keys get a readiness check while the operation runs (see {@link RemoteKeysHealthCheck}); without a health
     * check registry (no camel-health) there is nothing to do.
     */
    private void registerHealthCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        RemoteKeys keys = remoteKeys();
        if (registry != null && keys != null) {
            RemoteKeysHealthCheck check = new RemoteKeysHealthCheck(getEndpointUri(),
                    new JwtEndpointUriFactory().secretPropertyNames(), keys);
            if (registry.register(check)) { // false if a check has this id already: leave that one be
                healthCheck = check;
            }
        }
    }

    /** The remote keys of the running operation, or null. */
    private RemoteKeys remoteKeys() {
        return operationProcessor instanceof ValidateOperation validate ? validate.remoteKeys() : null;
    }

    private void unregisterHealthCheck() {
        if (healthCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            healthCheck = null;
        }
    }

    /**
     * What validate and revoke do last with {@code revocationRepository}: validate refuses the tokens it holds (when it
     * is set), revoke adds to it (it must be set).
     */
    private ValidateOperation.Revocation revocation(JwtConfiguration config) {
        RevocationList revoked = RevocationList.start(config.getRevocationRepository(), getCamelContext());
        if (operation == JwtOperation.revoke) {
            if (revoked == null) {
                throw new IllegalArgumentException(
                        "Option 'revocationRepository' is required by jwt:revoke: the IdempotentRepository (#name) that"
                                                   + " holds the revoked tokens");
            }
            return revoked::revoke;
        }
        return revoked == null ? ValidateOperation.Revocation.NONE : revoked::refuseRevoked;
    }

    /**
     * Where validate's keys come from is chosen per endpoint: a URI that names local keys but no remote ones ignores
     * remote keys set on the component, and a URI that names remote keys but no local ones ignores local keys set on
     * the component. So the component can hold the keys of most endpoints while one endpoint checks the tokens of an
     * identity provider. Both kinds on one level (the URI, or the component) stay a configuration error.
     */
    private void dropInheritedKeySource(JwtConfiguration config) {
        boolean uriLocal = uriOptions.stream().anyMatch(LOCAL_KEY_OPTIONS::contains);
        boolean uriRemote = uriOptions.contains("jwksUri") || uriOptions.contains("issuerUri");
        if (uriRemote && !uriLocal) {
            config.setSecret(null);
            config.setPrivateKey(null);
            config.setPublicKey(null);
            config.setKeyStore(null);
            config.setJwks(null);
        } else if (uriLocal && !uriRemote) {
            config.setJwksUri(null);
            config.setIssuerUri(null);
        }
    }

    private static ValidateOperation validateOperation(JwtConfiguration config, JweDecrypter decrypter,
                                                       ValidateOperation.Revocation revocation, KeySource keys) {
        try {
            return new ValidateOperation(config, decrypter, new JwsVerifier(keys), revocation);
        } catch (RuntimeException e) {
            keys.close(); // remote keys have started fetching
            throw e;
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        return new JwtProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The jwt component has no consumer: use it with to(\"jwt:...\")");
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    /** Called by the component with the names of the options the URI sets. */
    void setUriOptions(Set<String> names) {
        uriOptions = Set.copyOf(names);
    }

    public JwtOperation getOperation() {
        return operation;
    }

    public void setOperation(JwtOperation operation) {
        this.operation = operation;
    }

    public JwtConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JwtConfiguration configuration) {
        this.configuration = configuration;
    }

    JwtMetrics metrics() {
        return metrics;
    }

    // --- metrics: JMX attributes of the endpoint's MBean, described in docs/metrics.md (MetricsTest checks it) ---

    @ManagedAttribute(description = "validate: tokens that passed every check")
    public long getTokensAccepted() {
        return metrics.accepted();
    }

    @ManagedAttribute(description = "validate, decode and revoke: tokens refused, for any reason")
    public long getTokensRefused() {
        return metrics.refusedTotal();
    }

    @ManagedAttribute(description = "validate, decode and revoke: tokens refused, per JwtFailure")
    public CompositeData getTokensRefusedByReason() {
        return metrics.refusedByReason();
    }

    @ManagedAttribute(description = "decode: tokens unpacked (not verified)")
    public long getTokensDecoded() {
        return metrics.decoded();
    }

    @ManagedAttribute(description = "generate: tokens handed out, signed or reused (reuseUntil)")
    public long getTokensGenerated() {
        return metrics.generated();
    }

    @ManagedAttribute(description = "revoke: tokens validated and added to the revocation repository")
    public long getTokensRevoked() {
        return metrics.revoked();
    }

    @ManagedAttribute(description = "validate with jwksUri or issuerUri: fetches of the remote keys")
    public long getKeyFetches() {
        return metrics.keyFetches();
    }

    @ManagedAttribute(description = "validate with jwksUri or issuerUri: fetches of the remote keys that failed")
    public long getKeyFetchFailures() {
        return metrics.keyFetchFailures();
    }

    @ManagedAttribute(description = "validate with jwksUri or issuerUri: whether every remote source has keys cached"
                                    + " (empty without remote keys or while stopped)")
    public Boolean getKeysCached() {
        return metrics.keysCached();
    }

    @ManagedOperation(description = "Sets every count of this endpoint to 0")
    public void resetStatistics() {
        metrics.reset();
    }
}
