package io.cameljwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.internal.DecodeOperation;
import io.cameljwt.internal.GenerateOperation;
import io.cameljwt.internal.ValidateOperation;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.SigningKey;
import io.cameljwt.internal.keys.VerificationKeys;
import io.cameljwt.internal.verify.JwsVerifier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the endpoint's operation. Keys are loaded and checked once, when the producer starts.
 */
public class JwtProducer extends DefaultProducer {

    private Processor operation;

    public JwtProducer(JwtEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public JwtEndpoint getEndpoint() {
        return (JwtEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        operation = createOperation(getEndpoint());
    }

    static Processor createOperation(JwtEndpoint endpoint) {
        JwtConfiguration config = endpoint.getConfiguration();
        KeyLoader keys = new KeyLoader(endpoint.getCamelContext());
        return switch (endpoint.getOperation()) {
            case generate -> new GenerateOperation(config, SigningKey.select(keys.load(config), config), new ObjectMapper());
            case validate -> new ValidateOperation(
                    config, new JwsVerifier(VerificationKeys.of(keys.load(config), config.getAlgorithm())));
            case decode -> new DecodeOperation(config);
        };
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        operation.process(exchange);
    }
}
