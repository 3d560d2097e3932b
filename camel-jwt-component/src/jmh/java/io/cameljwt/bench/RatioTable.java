package io.cameljwt.bench;

import java.util.ArrayList;
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

    Optional<Measurement> find(String caseName, String variant, int threads) {
        return measurements.stream()
                .filter(m -> m.caseName().equals(caseName) && m.variant().equals(variant) && m.threads() == threads)
                .findFirst();
    }

    /** camel-jwt's throughput divided by the variant's, in one case at one thread count. */
    Optional<Double> ratio(String caseName, String variant, int threads) {
        return find(caseName, CAMEL_JWT, threads).flatMap(camel -> find(caseName, variant, threads)
                .map(other -> camel.opsPerSecond() / other.opsPerSecond()));
    }

    /** A variant's throughput at {@code threads} divided by its throughput at 1 thread. */
    Optional<Double> scaling(String caseName, String variant, int threads) {
        return find(caseName, variant, 1).flatMap(one -> find(caseName, variant, threads)
                .map(more -> more.opsPerSecond() / one.opsPerSecond()));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        List<String> variants = variants();
        out.append("### Throughput\n\n")
                .append("Operations per second (all threads together) in the fastest measured iteration of each "
                        + "variant; in brackets, camel-jwt's throughput divided by that variant's: above 1.00x camel-jwt "
                        + "is faster.\n\n");
        header(out, "threads", variants);
        for (String caseName : cases()) {
            for (int threads : threadCounts()) {
                if (!hasRow(caseName, threads)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String variant : variants) {
                    cells.add(find(caseName, variant, threads).map(m -> {
                        String ops = number(m.opsPerSecond());
                        return variant.equals(CAMEL_JWT) ? ops
                                : ratio(caseName, variant, threads).map(r -> ops + " (" + times(r) + ")").orElse(ops);
                    }).orElse(""));
                }
                row(out, caseName, String.valueOf(threads), cells);
            }
        }

        out.append(noise());

        out.append("\n### Allocation per operation\n\n")
                .append("Bytes allocated per operation (`gc.alloc.rate.norm`), Camel's exchange included.\n\n");
        header(out, "threads", variants);
        for (String caseName : cases()) {
            for (int threads : threadCounts()) {
                if (!hasRow(caseName, threads)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String variant : variants) {
                    cells.add(find(caseName, variant, threads)
                            .filter(m -> !Double.isNaN(m.bytesPerOp()))
                            .map(m -> number(m.bytesPerOp())).orElse(""));
                }
                row(out, caseName, String.valueOf(threads), cells);
            }
        }

        if (threadCounts().contains(1) && threadCounts().size() > 1) {
            out.append("\n### Scaling\n\n")
                    .append("Throughput at more threads divided by throughput at 1 thread.\n\n");
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
     * How much slower than its fastest iteration a variant's slowest one ran: the median over all variants and the
     * largest. After the warm-up nothing in a variant's code changes between its iterations, so the gap is mostly what
     * the machine did to it.
     */
    String noise() {
        List<Measurement> sorted = measurements.stream()
                .sorted(Comparator.comparingDouble(RatioTable::slowdown)).toList();
        if (sorted.isEmpty()) {
            return "";
        }
        Measurement median = sorted.get(sorted.size() / 2);
        Measurement largest = sorted.get(sorted.size() - 1);
        return "\nThe slowest measured iteration of a variant ran " + percent(slowdown(median))
               + " slower than its fastest (the median over all variants), at most " + percent(slowdown(largest))
               + " (" + largest.caseName() + ", " + largest.variant() + ", " + largest.threads() + " thread"
               + (largest.threads() == 1 ? "" : "s") + "). After the warm-up nothing in a variant changes between its "
               + "iterations: the gap is mostly what the rest of the machine did to it.\n";
    }

    private static double slowdown(Measurement m) {
        return 1 - m.slowestOpsPerSecond() / m.opsPerSecond();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    /** Every target of issue 8, at each thread count measured. */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        ratioTarget(targets, "validate HS256 ≥ 1.0x auth0", "validateHs256", AUTH0, 1.0);
        ratioTarget(targets, "validate HS256 ≥ 2.5x jose4j", "validateHs256", JOSE4J, 2.5);
        for (int threads : threadCounts()) {
            double limit = 10 * 1024;
            targets.add(find("validateHs256", CAMEL_JWT, threads)
                    .filter(m -> !Double.isNaN(m.bytesPerOp()))
                    .map(m -> new Target("validate HS256 ≤ 10 KB (10240 B) allocated per operation",
                            String.valueOf(threads), number(m.bytesPerOp()) + " B",
                            m.bytesPerOp() <= limit ? MET : MISSED))
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
                targets.add(scaling(caseName, CAMEL_JWT, 2)
                        .map(s -> new Target(description, "2 ÷ 1", times(s), s >= 1.8 ? MET : MISSED))
                        .orElse(new Target(description, "2 ÷ 1", "", NOT_MEASURED)));
            }
        }
        return targets;
    }

    private void ratioTarget(List<Target> targets, String description, String caseName, String variant,
            double least) {
        Set<Integer> threadCounts = threadCounts().isEmpty() ? Set.of(1) : threadCounts();
        for (int threads : threadCounts) {
            targets.add(ratio(caseName, variant, threads)
                    .map(r -> new Target(description, String.valueOf(threads), times(r), r >= least ? MET : MISSED))
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
