package io.cameljwt.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One variant of a case: a CamelContext with one route, {@code direct:bench} to one step, either a camel-jwt endpoint
 * or a processor doing the same with a peer library. Every variant is called the same way, a new exchange per
 * operation sent to the route's producer, so Camel's own cost is the same in all (the empty route measures it). The
 * threads of a run share the route, as the consumers of a real route do.
 */
@State(Scope.Benchmark)
public abstract class RouteState {

    private CamelContext context;
    private Endpoint endpoint;
    private Producer producer;

    /** The variant's step: a camel-jwt endpoint URI ({@code String}) or a {@code Processor}. */
    protected abstract Object step() throws Exception;

    /** Puts the case's input into a new message. */
    protected abstract void prepare(Message message);

    @Setup(Level.Trial)
    public void start() throws Exception {
        Object step = step();
        context = new DefaultCamelContext();
        // JMX off: its per-exchange statistics would be measured in every variant, and are Camel's, not ours
        context.disableJMX();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                RouteDefinition route = from("direct:bench");
                if (step instanceof String uri) {
                    route.to(uri);
                } else {
                    route.process((Processor) step);
                }
            }
        });
        context.start();
        endpoint = context.getEndpoint("direct:bench");
        producer = endpoint.createProducer();
        producer.start();
        // a variant that fails is never measured: the first call would throw here, before any iteration
        call();
    }

    /** One operation; a failed exchange throws, so that a run never measures how fast a variant fails. */
    public Exchange call() throws Exception {
        Exchange exchange = endpoint.createExchange();
        prepare(exchange.getMessage());
        producer.process(exchange);
        Exception failure = exchange.getException();
        if (failure != null) {
            throw failure;
        }
        return exchange;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (producer != null) {
            producer.stop();
        }
        if (context != null) {
            context.stop();
        }
    }
}
