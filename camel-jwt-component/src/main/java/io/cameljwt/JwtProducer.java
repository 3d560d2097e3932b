package io.cameljwt;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the endpoint's operation, which the endpoint builds, with its keys, when the first of its
 * producers starts, and forgets when the last one stops, so a restarted route reads its keys again.
 */
public class JwtProducer extends DefaultProducer {

    public JwtProducer(JwtEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public JwtEndpoint getEndpoint() {
        return (JwtEndpoint) super.getEndpoint();
    }

    private boolean acquired;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().acquireOperationProcessor(); // loads and checks the keys now, so a wrong configuration stops the start
        acquired = true;
    }

    @Override
    protected void doStop() throws Exception {
        if (acquired) {
            acquired = false;
            getEndpoint().releaseOperationProcessor();
        }
        super.doStop();
    }

    /** Runs the operation, and counts its outcome for the endpoint's metrics: here only, once per exchange. */
    @Override
    public void process(Exchange exchange) throws Exception {
        JwtEndpoint endpoint = getEndpoint();
        JwtOperation operation = endpoint.getOperation();
        try {
            endpoint.operationProcessor().process(exchange);
        } catch (JwtValidationException e) {
            if (operation == JwtOperation.decode) {
                endpoint.metrics().onRefused(e.getReason()); // validate and revoke count their refusals themselves
            }
            throw e;
        }
        endpoint.metrics().onCompleted(operation);
    }
}
