package io.cameljwt.corpus;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cameljwt.JwtConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Runs tokens through real routes {@code direct:corpus-N -> jwt:validate?failOnInvalid=false&... -> mock:verdicts},
 * one route per corpus endpoint, added when first used, and reads the verdict from {@code CamelJwtValid} and
 * {@code CamelJwtError}. The generator records these verdicts; {@code VerdictCorpusTest} requires them again.
 */
final class VerdictRunner {

    static final String ACCEPTED = "ACCEPTED";
    /** The endpoint did not start (a key the component refuses at configuration): no token reaches it. */
    static final String CONFIGURATION_REFUSED = "CONFIGURATION_REFUSED";

    private final CamelContext context;
    private final ProducerTemplate template;
    /** The direct: URI of each endpoint's route, or "" when its route did not start. */
    private final Map<String, String> routes = new ConcurrentHashMap<>();

    VerdictRunner(CamelContext context, ProducerTemplate template) {
        this.context = context;
        this.template = template;
    }

    /** Starts the route of each endpoint, one after the other, so that tokens may then be sent from many threads. */
    void start(Collection<CorpusEndpoint> endpoints) {
        endpoints.forEach(endpoint -> routes.computeIfAbsent(endpoint.name(), name -> start(endpoint)));
    }

    String verdict(CorpusEndpoint endpoint, String token) {
        String from = routes.computeIfAbsent(endpoint.name(), name -> start(endpoint));
        if (from.isEmpty()) {
            return CONFIGURATION_REFUSED;
        }
        Exchange exchange = template.send(from, e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));
        if (exchange.getException() != null) {
            // never a verdict on a token with failOnInvalid=false: recorded so that a change of it shows
            return "EXCEPTION " + exchange.getException().getClass().getName();
        }
        if (Boolean.TRUE.equals(exchange.getMessage().getHeader(JwtConstants.JWT_VALID))) {
            return ACCEPTED;
        }
        return exchange.getMessage().getHeader(JwtConstants.JWT_ERROR, String.class);
    }

    private String start(CorpusEndpoint endpoint) {
        String from = "direct:corpus-" + routes.size();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from(from).routeId("corpus-" + endpoint.name()).to(endpoint.uri()).to("mock:verdicts?retainFirst=0");
                }
            });
            return from;
        } catch (Exception e) {
            // a refused configuration leaves the route stopped; remove it so the context stays clean
            try {
                context.getRouteController().stopRoute("corpus-" + endpoint.name());
                context.removeRoute("corpus-" + endpoint.name());
            } catch (Exception ignored) {
                // the route was never added
            }
            return "";
        }
    }
}
