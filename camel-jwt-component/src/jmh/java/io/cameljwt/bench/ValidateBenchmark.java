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
import static io.cameljwt.bench.Variants.CAMEL_JWT_NO_CACHE;
import static io.cameljwt.bench.Variants.JCA_FLOOR;
import static io.cameljwt.bench.Variants.JOSE4J;
import static io.cameljwt.bench.Variants.NIMBUS;

/**
 * validate: a signed token in {@code Authorization: Bearer}, its signature, {@code iss}, {@code aud} and {@code exp}
 * checked and its claims written to headers. camel-jwt runs with its token cache off, except in
 * {@link #validateRs256Cached}, which sends one RS256 token again and again with and without the cache.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidateBenchmark {

    /** Entries of the cache in the cached case: far more than the one token it sees. */
    static final int CACHE_SIZE = 1000;

    /** A validate case: one token of {@link #alg()}, checked by the variant. */
    public abstract static class ValidateState extends RouteState {

        private String token;

        abstract Alg alg();

        abstract String variant();

        /** The entries of camel-jwt's token cache; none, except in the cached case. */
        int cacheSize() {
            return 0;
        }

        @Override
        protected Object step() throws Exception {
            token = Claims.token(alg());
            return switch (variant()) {
                case CAMEL_JWT -> camelJwt(cacheSize());
                case CAMEL_JWT_NO_CACHE -> camelJwt(0);
                case JOSE4J -> Jose4jSteps.validate(alg());
                case AUTH0 -> Auth0Steps.validate(alg());
                case NIMBUS -> NimbusSteps.validate(alg());
                case JCA_FLOOR -> FloorSteps.jcaVerify(alg());
                default -> throw new IllegalArgumentException("no validate variant " + variant());
            };
        }

        private String camelJwt(int cacheSize) {
            return "jwt:validate?" + alg().camelKeyOptions(false) + "&algorithm=" + alg().jwa
                   + "&issuer=" + Claims.ISSUER + "&audience=" + Claims.AUDIENCE
                   + TokenCacheOption.uriParameter(cacheSize);
        }

        @Override
        protected void prepare(Message message) {
            Claims.carry(message, token);
        }
    }

    public static class Hs256 extends ValidateState {
        @Param({CAMEL_JWT, AUTH0, JOSE4J, NIMBUS, JCA_FLOOR})
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

    public static class Rs256 extends ValidateState {
        @Param({CAMEL_JWT, JCA_FLOOR, JOSE4J, AUTH0, NIMBUS})
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

    public static class Es256 extends ValidateState {
        @Param({CAMEL_JWT, JCA_FLOOR, JOSE4J, AUTH0, NIMBUS})
        public String variant;

        @Override
        Alg alg() {
            return Alg.ES256;
        }

        @Override
        String variant() {
            return variant;
        }
    }

    /** auth0 java-jwt has no EdDSA. */
    public static class EdDsa extends ValidateState {
        @Param({CAMEL_JWT, JCA_FLOOR, JOSE4J, NIMBUS})
        public String variant;

        @Override
        Alg alg() {
            return Alg.EDDSA;
        }

        @Override
        String variant() {
            return variant;
        }
    }

    public static class Rs256Cached extends ValidateState {
        @Param({CAMEL_JWT, CAMEL_JWT_NO_CACHE})
        public String variant;

        @Override
        Alg alg() {
            return Alg.RS256;
        }

        @Override
        String variant() {
            return variant;
        }

        @Override
        int cacheSize() {
            return CACHE_SIZE;
        }
    }

    @Benchmark
    public Exchange validateHs256(Hs256 state) throws Exception {
        return state.call();
    }

    @Benchmark
    public Exchange validateRs256(Rs256 state) throws Exception {
        return state.call();
    }

    @Benchmark
    public Exchange validateEs256(Es256 state) throws Exception {
        return state.call();
    }

    @Benchmark
    public Exchange validateEdDsa(EdDsa state) throws Exception {
        return state.call();
    }

    @Benchmark
    public Exchange validateRs256Cached(Rs256Cached state) throws Exception {
        return state.call();
    }
}
