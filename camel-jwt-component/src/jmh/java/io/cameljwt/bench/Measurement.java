package io.cameljwt.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One variant of one case at one thread count, from a JMH run.
 *
 * @param caseName            the benchmark method, e.g. {@code validateHs256}
 * @param variant             see {@link Variants}
 * @param threads             the threads calling the route at once
 * @param opsPerSecond        the throughput of all threads together in the fastest measured iteration: what the
 *                            variant does when nothing else on the machine slows it (see {@link #combine})
 * @param slowestOpsPerSecond the same in the slowest measured iteration, which shows how much the machine disturbed it
 * @param bytesPerOp          what one operation allocates ({@code gc.alloc.rate.norm}); NaN where not measured
 */
record Measurement(String caseName, String variant, int threads, double opsPerSecond, double slowestOpsPerSecond,
                   double bytesPerOp) {

    /** A measurement whose iterations all ran at the same speed. */
    Measurement(String caseName, String variant, int threads, double opsPerSecond, double bytesPerOp) {
        this(caseName, variant, threads, opsPerSecond, opsPerSecond, bytesPerOp);
    }

    /**
     * One measurement per case, variant and thread count out of those of several passes: the fastest iteration of
     * any pass, the slowest of any pass, and the mean allocation of the passes that measured it. Another process on
     * the machine can only slow an iteration down, never speed it up, so the fastest iteration is the figure least
     * disturbed by it; the same rule holds for every variant, camel-jwt and its peers alike.
     */
    static List<Measurement> combine(List<Measurement> passes) {
        Map<List<Object>, List<Measurement>> byKey = new LinkedHashMap<>();
        for (Measurement m : passes) {
            byKey.computeIfAbsent(List.of(m.caseName, m.variant, m.threads), key -> new ArrayList<>()).add(m);
        }
        List<Measurement> combined = new ArrayList<>();
        for (List<Measurement> same : byKey.values()) {
            Measurement first = same.get(0);
            double fastest = same.stream().mapToDouble(Measurement::opsPerSecond).max().orElseThrow();
            double slowest = same.stream().mapToDouble(Measurement::slowestOpsPerSecond).min().orElseThrow();
            double bytes = same.stream().mapToDouble(Measurement::bytesPerOp).filter(b -> !Double.isNaN(b))
                    .average().orElse(Double.NaN);
            combined.add(new Measurement(first.caseName, first.variant, first.threads, fastest, slowest, bytes));
        }
        return combined;
    }
}
