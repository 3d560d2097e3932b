package io.cameljwt;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Generate, validate and decode JSON Web Tokens (JWS).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jwt", title = "JWT", syntax = "jwt:operation", producerOnly = true,
             remote = false,
             category = { Category.SECURITY }, headersClass = JwtConstants.class)
public class JwtEndpoint extends DefaultEndpoint {

    @UriPath(description = "What to do with each message.", enums = "generate,validate,decode")
    @Metadata(required = true)
    private JwtOperation operation;

    @UriParam
    private JwtConfiguration configuration;

    public JwtEndpoint(String uri, JwtComponent component, JwtOperation operation, JwtConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
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
