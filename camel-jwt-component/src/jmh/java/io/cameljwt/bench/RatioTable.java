package io.cameljwt.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.cameljwt.bench.Variants.AUTH0;
import static io.cameljwt.bench.Variants.BASE64_JACKSON;
import static io.cameljwt.bench.Variants.CAMEL_JWT;
import static io.cameljwt.bench.Variants.CAMEL_JWT_NO_CACHE;
import static io.cameljwt.bench.Variants.JCA_FLOOR;
import static io.cameljwt.bench.Variants.JOSE4J;

/**
 * The Markdown report of a run: throughput with the ratio of camel-jwt to each other variant, allocation per
 * operation, the scaling from 1 thread to more, and whether each target of issue 8 is met.
 */
final class RatioTable {

    /** The cases in the order of the report; a case not listed here comes after them. */
    static final List<String> CASES = List.of(
            "validateHs256", "validateRs256", "validateEs256", "validateEdDsa", "validateRs256Cached",
            "decode", "generateHs256", "generateRs256", "emptyRoute");

    static final String MET = "met";
    static final String MISSED = "**missed**";
    static final String NOT_MEASURED = "not measured";

    /** A target of issue 8 and its outcome in this run. */
    record Target(String description, String threads, String measured, String verdict) {
    }

    private final List<Measurement> measurements;

    RatioTable(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /** A variant's measurements in one case at one thread count, one per pass that measured it. */
    private List<Measurement> passes(String caseName, String variant, int threads) {
        return measurements.stream()
                .filter(m -> m.caseName().equals(caseName) && m.variant().equals(variant) && m.threads() == threads)
                .sorted(Comparator.comparingInt(Measurement::pass))
                .toList();
    }

    /** A variant's throughput: the median over its passes. */
    Optional<Double> throughput(String caseName, String variant, int threads) {
        return median(passes(caseName, variant, threads).stream().map(Measurement::opsPerSecond).toList());
    }

    /** A variant's allocation per operation: the mean over the passes that measured it. */
    Optional<Double> allocation(String caseName, String variant, int threads) {
        List<Double> bytes = passes(caseName, variant, threads).stream().map(Measurement::bytesPerOp)
                .filter(b -> !Double.isNaN(b)).toList();
        return bytes.isEmpty() ? Optional.empty()
                : Optional.of(bytes.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    /**
     * camel-jwt's throughput divided by the variant's, in each pass that measured both: figures taken at most a few
     * minutes apart (back to back for the peer of the case's closest target) rather than a pass apart.
     */
    List<Double> passRatios(String caseName, String variant, int threads) {
        return dividedInEachPass(passes(caseName, CAMEL_JWT, threads), caseName, variant, threads);
    }

    /** The ratio of camel-jwt to the variant: the median of its ratios in each pass. */
    Optional<Double> ratio(String caseName, String variant, int threads) {
        return ratioMedian(passRatios(caseName, variant, threads));
    }

    /** A variant's throughput at {@code threads} divided by its throughput at 1 thread, in each pass. */
    List<Double> passScalings(String caseName, String variant, int threads) {
        return dividedInEachPass(passes(caseName, variant, threads), caseName, variant, 1);
    }

    /** Each of {@code dividends} divided by the variant's throughput at {@code threads} in the same pass, if any. */
    private List<Double> dividedInEachPass(List<Measurement> dividends, String caseName, String variant, int threads) {
        List<Measurement> divisors = passes(caseName, variant, threads);
        List<Double> quotients = new ArrayList<>();
        for (Measurement dividend : dividends) {
            divisors.stream().filter(m -> m.pass() == dividend.pass()).findFirst()
                    .ifPresent(divisor -> quotients.add(dividend.opsPerSecond() / divisor.opsPerSecond()));
        }
        return quotients;
    }

    /** The scaling of a variant: the median of its scaling in each pass. */
    Optional<Double> scaling(String caseName, String variant, int threads) {
        return ratioMedian(passScalings(caseName, variant, threads));
    }

    /** The median; of an even count, the mean of the two in the middle. */
    static Optional<Double> median(List<Double> values) {
        return middle(values).map(two -> (two[0] + two[1]) / 2);
    }

    /**
     * The median of ratios; of an even count, the geometric mean of the two in the middle, so that a ratio and its
     * inverse get the same figure (the arithmetic mean of 0.90x and 1.00x would lean towards camel-jwt).
     */
    static Optional<Double> ratioMedian(List<Double> ratios) {
        return middle(ratios).map(two -> Math.sqrt(two[0] * two[1]));
    }

    /** The value in the middle twice, or the two in the middle of an even count. */
    private static Optional<double[]> middle(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int half = sorted.size() / 2;
        return Optional.of(new double[] {sorted.get(sorted.size() % 2 == 1 ? half : half - 1), sorted.get(half)});
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        List<String> variants = variants();
        out.append("### Throughput\n\n")
                .append("Operations per second (all threads together), the median over the passes; in brackets, "
                        + "camel-jwt's throughput divided by that variant's within each pass, the median over the "
                        + "passes: above 1.00x camel-jwt is faster.\n\n");
        header(out, "threads", variants);
        for (String caseName : cases()) {
            for (int threads : threadCounts()) {
                if (!hasRow(caseName, threads)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String variant : variants) {
                    cells.add(throughput(caseName, variant, threads).map(median -> {
                        String ops = number(median);
                        return variant.equals(CAMEL_JWT) ? ops
                                : ratio(caseName, variant, threads).map(r -> ops + " (" + times(r) + ")").orElse(ops);
                    }).orElse(""));
                }
                row(out, caseName, String.valueOf(threads), cells);
            }
        }

        out.append(noise());

        out.append("\n### Allocation per operation\n\n")
                .append("Bytes allocated per operation (`gc.alloc.rate.norm`), Camel's exchange included; the mean "
                        + "over the passes.\n\n");
        header(out, "threads", variants);
        for (String caseName : cases()) {
            for (int threads : threadCounts()) {
                if (!hasRow(caseName, threads)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String variant : variants) {
                    cells.add(allocation(caseName, variant, threads).map(RatioTable::number).orElse(""));
                }
                row(out, caseName, String.valueOf(threads), cells);
            }
        }

        if (threadCounts().contains(1) && threadCounts().size() > 1) {
            out.append("\n### Scaling\n\n")
                    .append("Throughput at more threads divided by throughput at 1 thread within each pass, the "
                        + "median over the passes.\n\n");
            header(out, "threads", variants);
            for (String caseName : cases()) {
                for (int threads : threadCounts()) {
                    if (threads == 1 || !hasRow(caseName, threads)) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (String variant : variants) {
                        cells.add(scaling(caseName, variant, threads).map(RatioTable::times).orElse(""));
                    }
                    row(out, caseName, threads + " ÷ 1", cells);
                }
            }
        }

        out.append("\n### Targets (issue 8)\n\n")
                .append("| target | threads | measured | verdict |\n|---|---|---|---|\n");
        for (Target target : targets()) {
            out.append("| ").append(target.description()).append(" | ").append(target.threads()).append(" | ")
                    .append(target.measured()).append(" | ").append(target.verdict()).append(" |\n");
        }
        return out.toString();
    }

    /**
     * How far apart the passes of a variant came out: the median over every case, variant and thread count measured in
     * more than one pass, and the largest. The same code ran in each pass, so the gap is the machine's noise (and the
     * JIT's, which compiles each JVM a little differently).
     */
    String noise() {
        List<Spread> spreads = new ArrayList<>();
        for (String caseName : cases()) {
            for (String variant : variants()) {
                for (int threads : threadCounts()) {
                    List<Double> ops = passes(caseName, variant, threads).stream().map(Measurement::opsPerSecond)
                            .toList();
                    if (ops.size() > 1) {
                        double gap = 1 - Collections.min(ops) / Collections.max(ops);
                        spreads.add(new Spread(caseName + ", " + variant + ", " + threads + " thread"
                                               + (threads == 1 ? "" : "s"), gap));
                    }
                }
            }
        }
        if (spreads.isEmpty()) {
            return "";
        }
        Spread largest = Collections.max(spreads, Comparator.comparingDouble(Spread::gap));
        return "\nBetween its slowest and its fastest pass, a variant's throughput differed by "
               + percent(median(spreads.stream().map(Spread::gap).toList()).orElseThrow())
               + " (the median over every case, variant and thread count) and at most by " + percent(largest.gap())
               + " (" + largest.name() + "). The same code ran in every pass: the gap is the machine's noise, and "
               + "the JIT's.\n";
    }

    private record Spread(String name, double gap) {
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    /** A median with the figure of each pass after it, when there was more than one. */
    private static String measured(double median, List<Double> passes) {
        return passes.size() < 2 ? times(median)
                : times(median) + " (passes: " + String.join(", ", passes.stream().map(RatioTable::times).toList())
                  + ")";
    }

    /** Every target of issue 8, at each thread count measured. */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        ratioTarget(targets, "validate HS256 ≥ 1.0x auth0", "validateHs256", AUTH0, 1.0);
        ratioTarget(targets, "validate HS256 ≥ 2.5x jose4j", "validateHs256", JOSE4J, 2.5);
        for (int threads : threadCounts()) {
            double limit = 10 * 1024;
            targets.add(allocation("validateHs256", CAMEL_JWT, threads)
                    .map(bytes -> new Target("validate HS256 ≤ 10 KB (10240 B) allocated per operation",
                            String.valueOf(threads), number(bytes) + " B", bytes <= limit ? MET : MISSED))
                    .orElse(new Target("validate HS256 ≤ 10 KB (10240 B) allocated per operation",
                            String.valueOf(threads), "", NOT_MEASURED)));
        }
        ratioTarget(targets, "validate RS256 ≥ 0.95x JCA floor", "validateRs256", JCA_FLOOR, 0.95);
        ratioTarget(targets, "validate ES256 ≥ 0.95x JCA floor", "validateEs256", JCA_FLOOR, 0.95);
        ratioTarget(targets, "validate EdDSA ≥ 0.95x JCA floor", "validateEdDsa", JCA_FLOOR, 0.95);
        ratioTarget(targets, "decode ≥ 0.5x Base64 + Jackson", "decode", BASE64_JACKSON, 0.5);
        ratioTarget(targets, "generate HS256 ≥ 1.0x auth0", "generateHs256", AUTH0, 1.0);
        ratioTarget(targets, "repeated RS256 token with the cache ≥ 10x without", "validateRs256Cached",
                CAMEL_JWT_NO_CACHE, 10.0);
        for (String caseName : CASES) {
            if (caseName.startsWith("validate")) {
                String description = caseName + ": 2 threads ≥ 1.8x 1 thread";
                List<Double> passes = passScalings(caseName, CAMEL_JWT, 2);
                targets.add(scaling(caseName, CAMEL_JWT, 2)
                        .map(s -> new Target(description, "2 ÷ 1", measured(s, passes), s >= 1.8 ? MET : MISSED))
                        .orElse(new Target(description, "2 ÷ 1", "", NOT_MEASURED)));
            }
        }
        return targets;
    }

    private void ratioTarget(List<Target> targets, String description, String caseName, String variant,
            double least) {
        Set<Integer> threadCounts = threadCounts().isEmpty() ? Set.of(1) : threadCounts();
        for (int threads : threadCounts) {
            List<Double> passes = passRatios(caseName, variant, threads);
            targets.add(ratio(caseName, variant, threads)
                    .map(r -> new Target(description, String.valueOf(threads), measured(r, passes),
                            r >= least ? MET : MISSED))
                    .orElse(new Target(description, String.valueOf(threads), "", NOT_MEASURED)));
        }
    }

    private boolean hasRow(String caseName, int threads) {
        return measurements.stream().anyMatch(m -> m.caseName().equals(caseName) && m.threads() == threads);
    }

    private Set<String> cases() {
        Set<String> cases = new LinkedHashSet<>(CASES);
        measurements.forEach(m -> cases.add(m.caseName()));
        return cases;
    }

    private Set<Integer> threadCounts() {
        Set<Integer> counts = new TreeSet<>();
        measurements.forEach(m -> counts.add(m.threads()));
        return counts;
    }

    /** The variants measured, in {@link Variants#ORDER}, then any other. */
    private List<String> variants() {
        Set<String> variants = new LinkedHashSet<>();
        for (String variant : Variants.ORDER) {
            if (measurements.stream().anyMatch(m -> m.variant().equals(variant))) {
                variants.add(variant);
            }
        }
        measurements.forEach(m -> variants.add(m.variant()));
        return List.copyOf(variants);
    }

    private static void header(StringBuilder out, String second, List<String> variants) {
        out.append("| case | ").append(second).append(" | ").append(String.join(" | ", variants)).append(" |\n|---|---|");
        variants.forEach(v -> out.append("---:|"));
        out.append('\n');
    }

    private static void row(StringBuilder out, String caseName, String second, List<String> cells) {
        out.append("| ").append(caseName).append(" | ").append(second).append(" | ")
                .append(String.join(" | ", cells)).append(" |\n");
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
