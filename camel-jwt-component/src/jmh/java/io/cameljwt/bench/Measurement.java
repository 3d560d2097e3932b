package io.cameljwt.bench;

/**
 * One variant of one case at one thread count, from one pass of a JMH run.
 *
 * @param caseName     the benchmark method, e.g. {@code validateHs256}
 * @param variant      see {@link Variants}
 * @param threads      the threads calling the route at once
 * @param pass         the pass of the run it comes from, from 1 (see {@link BenchmarkMain})
 * @param opsPerSecond the throughput of all threads together, JMH's mean of the measured iterations
 * @param bytesPerOp   what one operation allocates ({@code gc.alloc.rate.norm}); NaN where not measured
 */
record Measurement(String caseName, String variant, int threads, int pass, double opsPerSecond, double bytesPerOp) {

    /** A measurement of a run of one pass. */
    Measurement(String caseName, String variant, int threads, double opsPerSecond, double bytesPerOp) {
        this(caseName, variant, threads, 1, opsPerSecond, bytesPerOp);
    }
}
