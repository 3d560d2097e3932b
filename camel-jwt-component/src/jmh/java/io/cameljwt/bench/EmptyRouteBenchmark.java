package io.cameljwt.bench;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

import static io.cameljwt.bench.Variants.EMPTY_ROUTE;

/** Camel's own cost in every variant: the same route and message as validate, with a step that does nothing. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmptyRouteBenchmark {

    public static class EmptyState extends RouteState {
        /** One value: named like the other cases' variants, for the table. */
        @Param({EMPTY_ROUTE})
        public String variant;

        private String token;

        @Override
        protected Object step() {
            token = Claims.token(Alg.HS256);
            Processor nothing = exchange -> {
            };
            return nothing;
        }

        @Override
        protected void prepare(Message message) {
            Claims.carry(message, token);
        }
    }

    @Benchmark
    public Exchange emptyRoute(EmptyState state) throws Exception {
        return state.call();
    }
}
