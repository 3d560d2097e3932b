package io.cameljwt;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code jwt:} component: generate, validate and decode JSON Web Tokens.
 */
@Component("jwt")
public class JwtComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata(label = "advanced",
              description = "All the options as one object, shared by every endpoint of this component; each endpoint"
                            + " gets a copy, and its URI options override it.")
    private JwtConfiguration configuration = new JwtConfiguration();
    @Metadata(label = "security", defaultValue = "false",
              description = "Use Camel's global SSL context parameters to fetch remote keys when sslContextParameters"
                            + " is not set.")
    private boolean useGlobalSslContextParameters;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JwtOperation operation = JwtOperation.parse(remaining);
        JwtConfiguration endpointConfiguration = configuration.copy();
        // claim.NAME=VALUE and header.NAME=VALUE: the URI's add to (and override) the component's
        endpointConfiguration.getClaims().putAll(PropertiesHelper.extractProperties(parameters, "claim."));
        endpointConfiguration.getJoseHeaders().putAll(PropertiesHelper.extractProperties(parameters, "header."));
        JwtEndpoint endpoint = new JwtEndpoint(uri, this, operation, endpointConfiguration);
        endpoint.setUriOptions(parameters.keySet());
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public JwtConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JwtConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The fixed claims under the URI's prefix, so that {@code camel.component.jwt.claim.NAME=VALUE} binds like the URI
     * option {@code claim.NAME=VALUE} (the generated configurer knows only {@code claims}).
     */
    public Map<String, Object> getClaim() {
        return configuration.getClaims();
    }

    /** The extra JOSE headers under the URI's prefix: {@code camel.component.jwt.header.NAME=VALUE}. */
    public Map<String, Object> getHeader() {
        return configuration.getJoseHeaders();
    }
}
