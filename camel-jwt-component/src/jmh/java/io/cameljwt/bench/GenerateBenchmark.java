package io.cameljwt.bench;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

import static io.cameljwt.bench.Variants.AUTH0;
import static io.cameljwt.bench.Variants.CAMEL_JWT;
import static io.cameljwt.bench.Variants.JOSE4J;
import static io.cameljwt.bench.Variants.NIMBUS;

/**
 * generate: the body's claims ({@code sub}, {@code scope}) with issuer, audience, {@code iat}, {@code exp} (15
 * minutes) and a random {@code jti}, signed into a compact token that becomes the body.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GenerateBenchmark {

    /** A generate case: the claims signed with {@link #alg()}'s key by the variant. */
    public abstract static class GenerateState extends RouteState {

        abstract Alg alg();

        abstract String variant();

        @Override
        protected Object step() throws Exception {
            return switch (variant()) {
                case CAMEL_JWT -> "jwt:generate?" + alg().camelKeyOptions(true) + "&algorithm=" + alg().jwa
                                  + "&issuer=" + Claims.ISSUER + "&audience=" + Claims.AUDIENCE;
                case JOSE4J -> Jose4jSteps.generate(alg());
                case AUTH0 -> Auth0Steps.generate(alg());
                case NIMBUS -> NimbusSteps.generate(alg());
                default -> throw new IllegalArgumentException("no generate variant " + variant());
            };
        }

        @Override
        protected void prepare(Message message) {
            message.setBody(Claims.generateBody());
        }
    }

    public static class Hs256 extends GenerateState {
        @Param({CAMEL_JWT, AUTH0, JOSE4J, NIMBUS})
        public String variant;

        @Override
        Alg alg() {
            return Alg.HS256;
        }

        @Override
        String variant() {
            return variant;
        }
    }

    public static class Rs256 extends GenerateState {
        @Param({CAMEL_JWT, AUTH0, JOSE4J, NIMBUS})
        public String variant;

        @Override
        Alg alg() {
            return Alg.RS256;
        }

        @Override
        String variant() {
            return variant;
        }
    }

    @Benchmark
    public Exchange generateHs256(Hs256 state) throws Exception {
        return state.call();
    }

    @Benchmark
    public Exchange generateRs256(Rs256 state) throws Exception {
        return state.call();
    }
}
