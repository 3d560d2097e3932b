package io.cameljwt;

import java.util.Set;

import javax.management.openmbean.CompositeData;

import io.cameljwt.internal.JwtMetrics;
import io.cameljwt.internal.Operations;
import io.cameljwt.internal.ValidateOperation;
import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.remote.RemoteKeysHealthCheck;
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

    @UriPath(label = "common", enums = "generate,validate,decode,revoke,jwks",
             description = "What the endpoint does with each message: generate a token, validate one, decode one"
                           + " without verifying it, revoke one, or publish the public keys as a JWK Set (jwks).")
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
    /** The options the endpoint's URI set itself; the others came from the component. */
    private Set<String> uriOptions = Set.of();
    /** The readiness check of the operation's remote keys, while it is registered. */
    private RemoteKeysHealthCheck healthCheck;
    /** What the endpoint has done, for JMX; kept across restarts of the operation. */
    private final JwtMetrics metrics = new JwtMetrics();

    /**
     * Called as a producer starts: the first one builds the operation, the others share it. It is built then, not when
     * the endpoint is created, so a configuration error fails the route's start with our message only, whereas Camel
     * puts the whole endpoint URI, which may hold key text, into the message of an endpoint that fails to resolve.
     */
    synchronized void acquireOperationProcessor() {
        if (users == 0) {
            // a snapshot: what the operation reads cannot change under it while it runs
            JwtConfiguration config = configuration.copy();
            config.checkValues();
            operationProcessor = Operations.create(operation, EndpointSettingsFactory.create(operation, config, uriOptions),
                    uriOptions, getCamelContext(), this, metrics);
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

    @ManagedAttribute(description = "validate, revoke: tokens found in the verified-token cache (tokenCacheSize), whose"
                                    + " parse and signature check were skipped")
    public long getTokenCacheHits() {
        return metrics.tokenCacheHits();
    }

    @ManagedAttribute(description = "validate, revoke: tokens looked for in the verified-token cache and not found"
                                    + " there, so parsed and verified (0 with tokenCacheSize=0)")
    public long getTokenCacheMisses() {
        return metrics.tokenCacheMisses();
    }

    @ManagedOperation(description = "Sets every count of this endpoint to 0")
    public void resetStatistics() {
        metrics.reset();
    }
}
