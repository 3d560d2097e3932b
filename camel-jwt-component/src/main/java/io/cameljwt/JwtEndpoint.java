package io.cameljwt;

import io.cameljwt.internal.DecodeOperation;
import io.cameljwt.internal.GenerateOperation;
import io.cameljwt.internal.JwksOperation;
import io.cameljwt.internal.ValidateOperation;
import io.cameljwt.internal.jwe.JweDecrypter;
import io.cameljwt.internal.jwe.JweEncrypter;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.KeySource;
import io.cameljwt.internal.keys.SigningKey;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.remote.RemoteKeysHealthCheck;
import io.cameljwt.internal.verify.JwsVerifier;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Generate, validate and decode JSON Web Tokens (JWS, and JWE-encrypted nested tokens).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jwt", title = "JWT", syntax = "jwt:operation", producerOnly = true,
             remote = false,
             category = { Category.SECURITY }, headersClass = JwtConstants.class)
public class JwtEndpoint extends DefaultEndpoint {

    @UriPath(description = "What to do with each message.", enums = "generate,validate,decode,jwks")
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
    /** The readiness check of the operation's remote keys, while it is registered. */
    private RemoteKeysHealthCheck healthCheck;

    /**
     * Called as a producer starts: the first one builds the operation, the others share it. It is built here, not when
     * the endpoint is created, so a configuration error fails the route's start with our message only, whereas Camel
     * puts the whole endpoint URI, which may hold key text, into the message of an endpoint that fails to resolve.
     */
    synchronized void acquireOperationProcessor() {
        if (users == 0) {
            operationProcessor = createOperationProcessor();
            registerHealthCheck();
        }
        users++;
    }

    /** Called as a producer stops: the last one forgets the operation, so a restart reads the keys again. */
    synchronized void releaseOperationProcessor() {
        if (users > 0 && --users == 0) {
            unregisterHealthCheck();
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
        KeyLoader keys = new KeyLoader(getCamelContext());
        return switch (operation) {
            case generate -> new GenerateOperation(config, SigningKey.select(keys.load(config), config),
                    JweEncrypter.of(config, keys));
            case validate -> {
                JweDecrypter decrypter = JweDecrypter.of(config, keys); // before remote keys start fetching
                yield validateOperation(config, decrypter, RemoteKeys.configured(config)
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
        RemoteKeys keys = operationProcessor instanceof ValidateOperation validate ? validate.remoteKeys() : null;
        if (registry != null && keys != null) {
            RemoteKeysHealthCheck check = new RemoteKeysHealthCheck(getEndpointUri(), keys);
            if (registry.register(check)) { // false if a check has this id already: leave that one be
                healthCheck = check;
            }
        }
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

    private static ValidateOperation validateOperation(JwtConfiguration config, JweDecrypter decrypter, KeySource keys) {
        try {
            return new ValidateOperation(config, decrypter, new JwsVerifier(keys));
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
}
