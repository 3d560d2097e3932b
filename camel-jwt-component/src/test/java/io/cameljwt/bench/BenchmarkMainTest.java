package io.cameljwt.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkMainTest {

    private static final List<String> VALIDATE = List.of("camel-jwt", "jose4j", "auth0", "nimbus", "jca-floor");

    @Test
    void camelJwtRunsFirstInTheFirstPassAndTheFloorInTheSecond() {
        assertEquals(VALIDATE, BenchmarkMain.order(VALIDATE, 1));
        assertEquals(List.of("jca-floor", "nimbus", "auth0", "jose4j", "camel-jwt"), BenchmarkMain.order(VALIDATE, 2));
        assertEquals(List.of("jose4j", "auth0", "nimbus", "jca-floor", "camel-jwt"), BenchmarkMain.order(VALIDATE, 3));
        assertEquals(List.of("nimbus", "auth0", "jose4j", "camel-jwt", "jca-floor"), BenchmarkMain.order(VALIDATE, 4));
        assertEquals(List.of("base64-jackson", "camel-jwt"),
                BenchmarkMain.order(List.of("camel-jwt", "base64-jackson"), 2));
        assertEquals(List.of("empty-route"), BenchmarkMain.order(List.of("empty-route"), 3));
        assertEquals(List.of(), BenchmarkMain.order(List.of(), 2));
    }

    @Test
    void warmUpGrowsWithTheThreads() {
        assertEquals(3, BenchmarkMain.warmupIterations(3, 1));
        assertEquals(6, BenchmarkMain.warmupIterations(3, 2));
        assertEquals(8, BenchmarkMain.warmupIterations(2, 4));
    }

    @Test
    void rotationBeginsLaterAndWrapsAround() {
        assertEquals(VALIDATE, BenchmarkMain.rotated(VALIDATE, 0));
        assertEquals(List.of("jca-floor", "camel-jwt", "jose4j", "auth0", "nimbus"),
                BenchmarkMain.rotated(VALIDATE, 4));
        assertEquals(VALIDATE, BenchmarkMain.rotated(VALIDATE, 5));
        assertEquals(List.of(), BenchmarkMain.rotated(List.of(), 2));
    }

    @Test
    void planRunsPassByPassCaseByCaseEachAtEveryThreadCount() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("io.cameljwt.bench.DecodeBenchmark.decode", List.of("camel-jwt", "base64-jackson"));
        cases.put("io.cameljwt.bench.EmptyRouteBenchmark.emptyRoute", List.of("empty-route"));

        List<BenchmarkMain.Run> plan = BenchmarkMain.plan(cases, List.of(1, 2), 2);

        String decode = "io.cameljwt.bench.DecodeBenchmark.decode";
        String empty = "io.cameljwt.bench.EmptyRouteBenchmark.emptyRoute";
        assertEquals(List.of(
                new BenchmarkMain.Run(1, decode, 1, List.of("camel-jwt", "base64-jackson")),
                new BenchmarkMain.Run(1, decode, 2, List.of("camel-jwt", "base64-jackson")),
                new BenchmarkMain.Run(1, empty, 1, List.of("empty-route")),
                new BenchmarkMain.Run(1, empty, 2, List.of("empty-route")),
                new BenchmarkMain.Run(2, decode, 1, List.of("base64-jackson", "camel-jwt")),
                new BenchmarkMain.Run(2, decode, 2, List.of("base64-jackson", "camel-jwt")),
                new BenchmarkMain.Run(2, empty, 1, List.of("empty-route")),
                new BenchmarkMain.Run(2, empty, 2, List.of("empty-route"))), plan);
        assertEquals("decode", plan.get(0).caseName());
        assertEquals("jmh-pass-2-emptyRoute-1-threads.json", plan.get(6).resultFile());
    }
}
