package io.cameljwt.bench;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

import static io.cameljwt.bench.Variants.BASE64_JACKSON;
import static io.cameljwt.bench.Variants.CAMEL_JWT;

/** decode: the claims of a token in {@code Authorization: Bearer} into the body as a map, nothing checked. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    public static class DecodeState extends RouteState {
        @Param({CAMEL_JWT, BASE64_JACKSON})
        public String variant;

        private String token;

        @Override
        protected Object step() {
            token = Claims.token(Alg.HS256);
            return switch (variant) {
                case CAMEL_JWT -> "jwt:decode";
                case BASE64_JACKSON -> FloorSteps.base64JacksonDecode();
                default -> throw new IllegalArgumentException("no decode variant " + variant);
            };
        }

        @Override
        protected void prepare(Message message) {
            Claims.carry(message, token);
        }
    }

    @Benchmark
    public Exchange decode(DecodeState state) throws Exception {
        return state.call();
    }
}
