package io.cameljwt.bench;

/**
 * One variant of one case at one thread count, from a JMH run.
 *
 * @param caseName     the benchmark method, e.g. {@code validateHs256}
 * @param variant      see {@link Variants}
 * @param threads      the threads calling the route at once
 * @param opsPerSecond the throughput of all threads together
 * @param bytesPerOp   what one operation allocates ({@code gc.alloc.rate.norm}); NaN where not measured
 */
record Measurement(String caseName, String variant, int threads, double opsPerSecond, double bytesPerOp) {
}
