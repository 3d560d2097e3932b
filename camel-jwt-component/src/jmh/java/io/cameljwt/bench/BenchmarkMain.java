package io.cameljwt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs each benchmark case at each thread count, each variant in a JVM of its own with a fixed, pre-touched heap and
 * the GC profiler, and all of that {@code bench.passes} times over ({@link #plan}): within a pass the variants of a
 * case run one right after the other, camel-jwt next to the peer of the case's closest target ({@link #order}), and
 * the passes lie many minutes apart, so a busy spell of the machine rarely weighs on more than one of them. Then
 * prints the report of {@link RatioTable} (ratios within each pass, the median over the passes) and writes it, with
 * JMH's JSON results of each pass, case and thread count, to {@code bench.output}. Started by the Maven profile
 * {@code benchmark} (docs/performance.md), which passes the {@code bench.*} system properties.
 */
public final class BenchmarkMain {

    /**
     * The heap of each benchmark JVM: fixed and touched at start, since on the shared VMs the first touch of new heap
     * pages made allocation-heavy cases swing tenfold between iterations.
     */
    static final String[] JVM_ARGS = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"};

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = System.getProperty("bench.include", ".*");
        List<Integer> threadCounts = Arrays.stream(System.getProperty("bench.threads", "1,2").split(","))
                .map(count -> positive("bench.threads", count.trim())).toList();
        int passes = positiveProperty("bench.passes", 3);
        int warmupPerThread = positiveProperty("bench.warmup", 3);
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark"));
        Files.createDirectories(output);

        ChainedOptionsBuilder options = new OptionsBuilder()
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .forks(1)
                .jvmArgs(JVM_ARGS)
                .warmupTime(TimeValue.seconds(positiveProperty("bench.warmupTime", 2)))
                .measurementIterations(positiveProperty("bench.iterations", 2))
                .measurementTime(TimeValue.seconds(positiveProperty("bench.time", 3)))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON);
        List<String> excludes = new ArrayList<>();
        if (!TokenCacheOption.supported()) {
            System.out.println("camel-jwt has no " + TokenCacheOption.NAME + " option in this build: "
                               + "validateRs256Cached is left out");
            excludes.add("validateRs256Cached");
        }
        Options common = options.build();
        Map<String, List<String>> cases = cases(include, excludes);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("bench.include '" + include + "' matches no benchmark");
        }

        List<Measurement> measurements = new ArrayList<>();
        for (Run planned : plan(cases, threadCounts, passes)) {
            for (RunResult result : new Runner(runOptions(common, planned, warmupPerThread, output)).run()) {
                measurements.add(measurement(result, planned.pass()));
            }
        }

        String report = "## camel-jwt benchmark\n\n" + machine() + "- passes: " + passes
                        + "; measured iterations per pass: " + common.getMeasurementIterations().orElse(0) + ", of "
                        + common.getMeasurementTime().orElse(null) + "; warm-up iterations: " + warmupPerThread
                        + " per thread, of " + common.getWarmupTime().orElse(null) + "\n\n"
                        + new RatioTable(measurements).markdown();
        Path file = output.resolve("results.md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + file + ")");
    }

    /**
     * The benchmarks JMH lists for {@code include} less {@code excludes}: each full name with its variants as declared.
     */
    static Map<String, List<String>> cases(String include, List<String> excludes) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        for (BenchmarkListEntry benchmark : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.NORMAL), List.of(include), excludes)) {
            String[] variants = benchmark.getParams().orElse(Map.of()).get("variant");
            cases.put(benchmark.getUsername(), variants == null ? List.of() : List.of(variants));
        }
        return cases;
    }

    /** The options of one run of the plan: the common ones, and the run's benchmark, threads, warm-up and variants. */
    static Options runOptions(Options common, Run planned, int warmupPerThread, Path output) {
        // only the benchmark's own include: JMH adds a child's includes to its parent's
        ChainedOptionsBuilder run = new OptionsBuilder().parent(common)
                .include("^" + Pattern.quote(planned.benchmark()) + "$")
                .threads(planned.threads())
                .warmupIterations(warmupIterations(warmupPerThread, planned.threads()))
                .result(output.resolve(planned.resultFile()).toString());
        if (!planned.variants().isEmpty()) {
            run.param("variant", planned.variants().toArray(String[]::new));
        }
        return run.build();
    }

    /** A {@code bench.*} property that counts something: a whole number of at least 1, {@code fallback} if unset. */
    static int positiveProperty(String name, int fallback) {
        return positive(name, System.getProperty(name, String.valueOf(fallback)));
    }

    /** {@code value} as a whole number of at least 1, or an exception that names the property {@code name}. */
    static int positive(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + number);
        }
        return number;
    }

    /**
     * One JMH run of the plan: a benchmark at a thread count in a pass, its variants in that order.
     *
     * @param benchmark the benchmark's full name
     */
    record Run(int pass, String benchmark, int threads, List<String> variants) {

        String caseName() {
            return BenchmarkMain.caseName(benchmark);
        }

        /** Where JMH writes the run's JSON results. */
        String resultFile() {
            return "jmh-pass-" + pass + "-" + caseName() + "-" + threads + "-threads.json";
        }
    }

    /**
     * Pass by pass, case by case, each case at every thread count before the next case, so that a scaling compares
     * forks of the same few minutes: the thread counts as given in odd passes, reversed in even ones; the variants of
     * a case in the {@link #order} of its run.
     *
     * @param cases each benchmark's full name with its variants as declared
     */
    static List<Run> plan(Map<String, List<String>> cases, List<Integer> threadCounts, int passes) {
        List<Integer> reversedCounts = new ArrayList<>(threadCounts);
        Collections.reverse(reversedCounts);
        List<Run> runs = new ArrayList<>();
        for (int pass = 1; pass <= passes; pass++) {
            List<Integer> counts = pass % 2 == 1 ? threadCounts : reversedCounts;
            for (Map.Entry<String, List<String>> benchmark : cases.entrySet()) {
                for (int run = 0; run < counts.size(); run++) {
                    runs.add(new Run(pass, benchmark.getKey(), counts.get(run), order(benchmark.getValue(), run)));
                }
            }
        }
        return runs;
    }

    /**
     * The variants of a case's run in a pass, {@code run} counted from 0: reversed in even runs, as declared in odd
     * ones. A case declares camel-jwt first and, second, the peer of its closest target (the floor, auth0, Base64 +
     * Jackson, camel-jwt without the cache), and last a peer that no target reads, when it has more than two variants.
     * The machine's speed was seen to shift for tens of seconds at a time, evenly over every frame of a profile, so
     * forks a few minutes apart can catch different speeds. With two thread counts (the default), the forks of the
     * closest target's ratio run one right after the other at each count, and so do camel-jwt's forks at the two
     * counts, which the scaling compares (the last fork of the first run and the first of the second). The peer runs
     * before camel-jwt at a count in one pass and after it in the next, since the even passes reverse the counts. The
     * first fork of a case, found disturbed more often than the later ones in the run at d4c5ed9, is the last declared
     * peer. With an odd number of counts, each count keeps one order in every pass, and camel-jwt's forks at two
     * counts run next to each other only from the first run to the second.
     */
    static List<String> order(List<String> variants, int run) {
        List<String> ordered = new ArrayList<>(variants);
        if (run % 2 == 0) {
            Collections.reverse(ordered);
        }
        return ordered;
    }

    /**
     * The warm-up iterations of a fork at {@code threads} threads: {@code perThread} for each thread. On 2 cores, 2
     * benchmark threads leave the JIT's compiler threads no core of their own (the likely reason), and ES256 at 2
     * threads was seen to speed up for about 12 seconds, past the 6 s of 3 warm-up iterations of 2 s and into the
     * measured ones; at 1 thread it was steady after about 4.
     */
    static int warmupIterations(int perThread, int threads) {
        return perThread * threads;
    }

    /** The case of a benchmark: its method's name, without the class. */
    static String caseName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** One fork's figures: JMH's mean throughput of its measured iterations and its allocation per operation. */
    static Measurement measurement(RunResult result, int pass) {
        BenchmarkParams params = result.getParams();
        String benchmark = params.getBenchmark();
        String variant = params.getParam("variant");
        Map<String, Result> secondary = result.getSecondaryResults();
        // the GC profiler's key; JMH before 1.36 put a "·" in front of it
        Result allocation = secondary.getOrDefault("gc.alloc.rate.norm", secondary.get("·gc.alloc.rate.norm"));
        return new Measurement(caseName(benchmark),
                variant == null ? Variants.CAMEL_JWT : variant, params.getThreads(), pass,
                result.getPrimaryResult().getScore(), allocation == null ? Double.NaN : allocation.getScore());
    }

    /** The machine, as docs/performance.md shows it: processors, CPU model, memory, JDK. */
    static String machine() {
        return "- processors: " + Runtime.getRuntime().availableProcessors() + "\n"
               + "- CPU: " + firstValue("/proc/cpuinfo", "model name") + "\n"
               + "- memory: " + firstValue("/proc/meminfo", "MemTotal") + "\n"
               + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
               + "\n";
    }

    /** The value of the first {@code name: value} line of a Linux /proc file, or "unknown". */
    private static String firstValue(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
