package io.cameljwt.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchmarkMainTest {

    private static final List<String> VALIDATE = List.of("camel-jwt", "jca-floor", "jose4j", "auth0", "nimbus");

    @Test
    void evenRunsOfACaseGoBackwardsAndOddRunsForwards() {
        assertEquals(List.of("nimbus", "auth0", "jose4j", "jca-floor", "camel-jwt"), BenchmarkMain.order(VALIDATE, 0));
        assertEquals(VALIDATE, BenchmarkMain.order(VALIDATE, 1));
        assertEquals(List.of("nimbus", "auth0", "jose4j", "jca-floor", "camel-jwt"), BenchmarkMain.order(VALIDATE, 2));
        assertEquals(List.of("base64-jackson", "camel-jwt"),
                BenchmarkMain.order(List.of("camel-jwt", "base64-jackson"), 0));
        assertEquals(List.of("empty-route"), BenchmarkMain.order(List.of("empty-route"), 3));
        assertEquals(List.of(), BenchmarkMain.order(List.of(), 0));
    }

    /**
     * What {@link BenchmarkMain#order} relies on: each case, as JMH lists it to main, declares camel-jwt first, the
     * peer of its closest target second and, with more than two variants, last a peer that no target reads (the
     * targets are {@link RatioTable#targets()}'s).
     */
    @Test
    void eachCaseDeclaresCamelJwtThenThePeerOfItsClosestTargetAndLastAPeerNoTargetReads() {
        // the case's closest target's peer first, then any other peer a target reads
        Map<String, List<String>> read = Map.of(
                "validateHs256", List.of("auth0", "jose4j"),
                "validateRs256", List.of("jca-floor"),
                "validateEs256", List.of("jca-floor"),
                "validateEdDsa", List.of("jca-floor"),
                "validateRs256Cached", List.of("camel-jwt-no-cache"),
                "decode", List.of("base64-jackson"),
                "generateHs256", List.of("auth0"),
                // no target: the peer of generate HS256's
                "generateRs256", List.of("auth0"));
        Map<String, List<String>> declared = new LinkedHashMap<>();
        BenchmarkMain.cases(".*", List.of())
                .forEach((name, variants) -> declared.put(BenchmarkMain.caseName(name), variants));
        assertEquals(List.of("empty-route"), declared.remove("emptyRoute"));
        assertEquals(read.keySet(), declared.keySet());
        declared.forEach((caseName, variants) -> {
            assertEquals(List.of("camel-jwt", read.get(caseName).get(0)), variants.subList(0, 2), caseName);
            if (variants.size() > 2) {
                assertFalse(read.get(caseName).contains(variants.get(variants.size() - 1)), caseName);
            }
        });
    }

    @Test
    void warmUpGrowsWithTheThreads() {
        assertEquals(3, BenchmarkMain.warmupIterations(3, 1));
        assertEquals(6, BenchmarkMain.warmupIterations(3, 2));
        assertEquals(8, BenchmarkMain.warmupIterations(2, 4));
    }

    @Test
    void aRunWarmsUpForEachOfItsThreadsAndKeepsTheCommonOptions() {
        Options common = new OptionsBuilder().warmupIterations(99).measurementIterations(2).build();
        BenchmarkMain.Run run = new BenchmarkMain.Run(2, "io.cameljwt.bench.ValidateBenchmark.validateEs256", 2,
                List.of("jca-floor", "camel-jwt"));
        Options options = BenchmarkMain.runOptions(common, run, 3, Path.of("out"));
        assertEquals(6, options.getWarmupIterations().get());
        assertEquals(2, options.getThreads().get());
        assertEquals(2, options.getMeasurementIterations().get());
        assertEquals(List.of("^\\Qio.cameljwt.bench.ValidateBenchmark.validateEs256\\E$"), options.getIncludes());
        assertEquals(List.of("jca-floor", "camel-jwt"), List.copyOf(options.getParameter("variant").get()));
        assertEquals(Path.of("out", "jmh-pass-2-validateEs256-2-threads.json").toString(), options.getResult().get());
    }

    @Test
    void countsAreWholeNumbersOfAtLeastOne() {
        assertEquals(4, BenchmarkMain.positive("bench.warmup", "4"));
        assertEquals("bench.warmup must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.positive("bench.warmup", "0"))
                        .getMessage());
        assertEquals("bench.threads must be a whole number, not 'x'",
                assertThrows(IllegalArgumentException.class, () -> BenchmarkMain.positive("bench.threads", "x"))
                        .getMessage());
    }

    @Test
    void planRunsPassByPassCaseByCaseEachAtEveryThreadCountReversedInEvenPasses() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("io.cameljwt.bench.DecodeBenchmark.decode", List.of("camel-jwt", "base64-jackson"));
        cases.put("io.cameljwt.bench.EmptyRouteBenchmark.emptyRoute", List.of("empty-route"));

        List<BenchmarkMain.Run> plan = BenchmarkMain.plan(cases, List.of(1, 2), 2);

        String decode = "io.cameljwt.bench.DecodeBenchmark.decode";
        String empty = "io.cameljwt.bench.EmptyRouteBenchmark.emptyRoute";
        assertEquals(List.of(
                new BenchmarkMain.Run(1, decode, 1, List.of("base64-jackson", "camel-jwt")),
                new BenchmarkMain.Run(1, decode, 2, List.of("camel-jwt", "base64-jackson")),
                new BenchmarkMain.Run(1, empty, 1, List.of("empty-route")),
                new BenchmarkMain.Run(1, empty, 2, List.of("empty-route")),
                new BenchmarkMain.Run(2, decode, 2, List.of("base64-jackson", "camel-jwt")),
                new BenchmarkMain.Run(2, decode, 1, List.of("camel-jwt", "base64-jackson")),
                new BenchmarkMain.Run(2, empty, 2, List.of("empty-route")),
                new BenchmarkMain.Run(2, empty, 1, List.of("empty-route"))), plan);
        assertEquals("decode", plan.get(0).caseName());
        assertEquals("jmh-pass-2-emptyRoute-1-threads.json", plan.get(7).resultFile());
    }

    @Test
    void withThreeThreadCountsEachCountKeepsItsOrderInEveryPass() {
        List<BenchmarkMain.Run> plan = BenchmarkMain.plan(
                Map.of("io.cameljwt.bench.DecodeBenchmark.decode", List.of("camel-jwt", "base64-jackson")),
                List.of(1, 2, 4), 2);

        assertEquals(List.of(1, 2, 4, 4, 2, 1), plan.stream().map(BenchmarkMain.Run::threads).toList());
        List<String> backwards = List.of("base64-jackson", "camel-jwt");
        List<String> forwards = List.of("camel-jwt", "base64-jackson");
        assertEquals(List.of(backwards, forwards, backwards, backwards, forwards, backwards),
                plan.stream().map(BenchmarkMain.Run::variants).toList());
    }
}
