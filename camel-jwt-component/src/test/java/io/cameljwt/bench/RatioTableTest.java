package io.cameljwt.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark report: ratios, scaling and the verdict on each target, from made-up measurements. */
class RatioTableTest {

    private static RatioTable.Target target(RatioTable table, String description, String threads) {
        return table.targets().stream()
                .filter(t -> t.description().equals(description) && t.threads().equals(threads))
                .findFirst().orElseThrow(() -> new AssertionError("no target " + description + " at " + threads));
    }

    @Test
    void ratioIsCamelJwtThroughputOverThePeers() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateHs256", "camel-jwt", 1, 300_000, 4000),
                new Measurement("validateHs256", "auth0", 1, 200_000, 9000)));

        assertEquals(1.5, table.ratio("validateHs256", "auth0", 1).orElseThrow(), 1e-9);
        assertTrue(table.ratio("validateHs256", "jose4j", 1).isEmpty());
    }

    @Test
    void targetsAreMetMissedOrNotMeasured() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateHs256", "camel-jwt", 1, 300_000, 11_000),
                new Measurement("validateHs256", "auth0", 1, 200_000, 9000),
                new Measurement("validateHs256", "jose4j", 1, 150_000, 20_000)));

        assertEquals(RatioTable.MET, target(table, "validate HS256 ≥ 1.0x auth0", "1").verdict());
        assertEquals("1.50x", target(table, "validate HS256 ≥ 1.0x auth0", "1").measured());
        assertEquals(RatioTable.MISSED, target(table, "validate HS256 ≥ 2.5x jose4j", "1").verdict());
        assertEquals(RatioTable.MISSED,
                target(table, "validate HS256 ≤ 10 KB (10240 B) allocated per operation", "1").verdict());
        assertEquals(RatioTable.NOT_MEASURED, target(table, "validate RS256 ≥ 0.95x JCA floor", "1").verdict());
    }

    @Test
    void scalingComparesTwoThreadsWithOne() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateRs256", "camel-jwt", 1, 1000, 5000),
                new Measurement("validateRs256", "camel-jwt", 2, 1900, 5000),
                new Measurement("validateEs256", "camel-jwt", 1, 1000, 5000),
                new Measurement("validateEs256", "camel-jwt", 2, 1500, 5000)));

        assertEquals(RatioTable.MET, target(table, "validateRs256: 2 threads ≥ 1.8x 1 thread", "2 ÷ 1").verdict());
        assertEquals(RatioTable.MISSED, target(table, "validateEs256: 2 threads ≥ 1.8x 1 thread", "2 ÷ 1").verdict());
        assertEquals(RatioTable.NOT_MEASURED,
                target(table, "validateEdDsa: 2 threads ≥ 1.8x 1 thread", "2 ÷ 1").verdict());
    }

    @Test
    void reportHasOneRowPerCaseAndThreadCountWithEveryVariantAsAColumn() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("decode", "camel-jwt", 1, 400_000, 3000),
                new Measurement("decode", "base64-jackson", 1, 800_000, 2000),
                new Measurement("emptyRoute", "empty-route", 1, 2_000_000, 1100)));

        String report = table.markdown();

        assertTrue(report.contains("| case | threads | camel-jwt | base64-jackson | empty-route |"), report);
        assertTrue(report.contains("| decode | 1 | 400,000 | 800,000 (0.50x) |  |"), report);
        assertTrue(report.contains("| emptyRoute | 1 |  |  | 2,000,000 |"), report);
        assertTrue(report.contains("| decode ≥ 0.5x Base64 + Jackson | 1 | 0.50x | met |"), report);
    }

    @Test
    void ratioIsTheMedianOfTheRatiosWithinEachPass() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateRs256", "jca-floor", 1, 3, 100, 9000),
                new Measurement("validateRs256", "camel-jwt", 1, 2, 50, 12_000),
                new Measurement("validateEs256", "camel-jwt", 1, 1, 10, 40_000),
                new Measurement("validateRs256", "camel-jwt", 1, 1, 100, 11_000),
                new Measurement("validateRs256", "jca-floor", 1, 2, 50, Double.NaN),
                new Measurement("validateEs256", "jca-floor", 1, 1, 20, 30_000),
                new Measurement("validateRs256", "camel-jwt", 1, 3, 90, 13_000),
                new Measurement("validateRs256", "jca-floor", 1, 1, 100, 11_000)));

        // 1.00x, 1.00x and 0.90x within the passes; the medians of the throughputs alone would give 90 / 100
        assertEquals(1.0, table.ratio("validateRs256", "jca-floor", 1).orElseThrow(), 1e-9);
        assertEquals(List.of(1.0, 1.0, 0.9), table.passRatios("validateRs256", "jca-floor", 1));
        assertEquals(0.5, table.ratio("validateEs256", "jca-floor", 1).orElseThrow(), 1e-9);
        assertEquals(90, table.throughput("validateRs256", "camel-jwt", 1).orElseThrow(), 1e-9);
        assertEquals(12_000, table.allocation("validateRs256", "camel-jwt", 1).orElseThrow(), 1e-9);
        assertEquals(10_000, table.allocation("validateRs256", "jca-floor", 1).orElseThrow(), 1e-9);
        assertEquals("1.00x (passes: 1.00x, 1.00x, 0.90x)",
                target(table, "validate RS256 ≥ 0.95x JCA floor", "1").measured());
        assertTrue(table.markdown().contains("| validateRs256 | 1 | 90 | 100 (1.00x) |"), table.markdown());
        assertTrue(table.markdown().contains("| validateRs256 | 1 | 12,000 | 10,000 |"), table.markdown());
    }

    @Test
    void passesMeasuringOnlyOneSideAreLeftOutAndTwoPassesGiveTheirGeometricMean() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateRs256", "camel-jwt", 1, 1, 90, 1),
                new Measurement("validateRs256", "jca-floor", 1, 1, 100, 1),
                new Measurement("validateRs256", "camel-jwt", 1, 2, 100, 1),
                new Measurement("validateRs256", "jca-floor", 1, 2, 100, 1),
                new Measurement("validateRs256", "camel-jwt", 1, 3, 10, 1)));

        assertEquals(List.of(0.9, 1.0), table.passRatios("validateRs256", "jca-floor", 1));
        // the arithmetic mean, 0.95, would meet the target; the floor's ratio to camel-jwt, 1.00 and 1.11, would not
        assertEquals(Math.sqrt(0.9), table.ratio("validateRs256", "jca-floor", 1).orElseThrow(), 1e-9);
        assertEquals(RatioTable.MISSED, target(table, "validate RS256 ≥ 0.95x JCA floor", "1").verdict());
    }

    @Test
    void medianOfAnyCountInAnyOrder() {
        assertTrue(RatioTable.median(List.of()).isEmpty());
        assertEquals(3.0, RatioTable.median(List.of(3.0)).orElseThrow(), 1e-9);
        assertEquals(3.0, RatioTable.median(List.of(5.0, 1.0, 3.0)).orElseThrow(), 1e-9);
        assertEquals(3.125, RatioTable.median(List.of(9.0, 4.0, 1.0, 2.25)).orElseThrow(), 1e-9);
        assertEquals(4.0, RatioTable.median(List.of(9.0, 1.0, 4.0, 8.0, 2.0)).orElseThrow(), 1e-9);
        assertEquals(0.5, RatioTable.median(List.of(0.0, 1.0)).orElseThrow(), 1e-9);
    }

    @Test
    void medianOfRatiosTakesTheGeometricMeanOfAnEvenCount() {
        assertTrue(RatioTable.ratioMedian(List.of()).isEmpty());
        assertEquals(3.0, RatioTable.ratioMedian(List.of(5.0, 1.0, 3.0)).orElseThrow(), 1e-9);
        assertEquals(3.0, RatioTable.ratioMedian(List.of(9.0, 4.0, 1.0, 2.25)).orElseThrow(), 1e-9);
        assertEquals(4.0, RatioTable.ratioMedian(List.of(9.0, 1.0, 4.0, 8.0, 2.0)).orElseThrow(), 1e-9);
    }

    @Test
    void passesAreListedInTheirOrderAndAllocationIsTheirMean() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateHs256", "camel-jwt", 2, 3, 300, 4000),
                new Measurement("validateHs256", "auth0", 2, 1, 100, 9000),
                new Measurement("validateHs256", "camel-jwt", 2, 1, 100, 1000),
                new Measurement("validateHs256", "auth0", 2, 3, 100, 9000),
                new Measurement("validateHs256", "camel-jwt", 2, 2, 200, 1000),
                new Measurement("validateHs256", "auth0", 2, 2, 100, 9000),
                new Measurement("validateHs256", "camel-jwt", 1, 1, 1, 1)));

        assertEquals("2.00x (passes: 1.00x, 2.00x, 3.00x)",
                target(table, "validate HS256 ≥ 1.0x auth0", "2").measured());
        assertEquals(2000, table.allocation("validateHs256", "camel-jwt", 2).orElseThrow(), 1e-9);
        assertEquals("2,000 B",
                target(table, "validate HS256 ≤ 10 KB (10240 B) allocated per operation", "2").measured());
        // 2 threads in passes 2 and 3 have no 1-thread figure to be divided by
        assertEquals(List.of(100.0), table.passScalings("validateHs256", "camel-jwt", 2));
    }

    @Test
    void scalingIsTheMedianOfTheScalingWithinEachPass() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("validateRs256", "camel-jwt", 2, 2, 300, 1),
                new Measurement("validateRs256", "camel-jwt", 1, 1, 100, 1),
                new Measurement("validateRs256", "camel-jwt", 1, 2, 200, 1),
                new Measurement("validateRs256", "camel-jwt", 2, 1, 190, 1)));

        // 1.90x and 1.50x, whose median is their geometric mean; the throughputs' medians alone would give 1.63x
        RatioTable.Target scaling = target(table, "validateRs256: 2 threads ≥ 1.8x 1 thread", "2 ÷ 1");
        assertEquals("1.69x (passes: 1.90x, 1.50x)", scaling.measured());
        assertEquals(RatioTable.MISSED, scaling.verdict());
    }

    @Test
    void reportSaysHowFarApartThePassesOfAVariantCameOut() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("decode", "base64-jackson", 2, 1, 500, 1),
                new Measurement("decode", "camel-jwt", 1, 1, 380, 1),
                new Measurement("decode", "base64-jackson", 1, 2, 720, 1),
                new Measurement("decode", "camel-jwt", 1, 2, 400, 1),
                new Measurement("decode", "base64-jackson", 2, 2, 1000, 1),
                new Measurement("decode", "base64-jackson", 1, 1, 800, 1),
                new Measurement("emptyRoute", "empty-route", 1, 1, 2000, 1)));

        String report = table.markdown();
        assertTrue(report.contains("Between its slowest and its fastest pass, a variant's throughput differed by 10 %"
                                   + " (the median over every case, variant and thread count) and at most by 50 %"
                                   + " (decode, base64-jackson, 2 threads)."), report);
        assertTrue(report.indexOf("Between its slowest") > report.indexOf("| decode | 2 |")
                   && report.indexOf("Between its slowest") < report.indexOf("### Allocation"), report);
        assertEquals("", new RatioTable(List.of(new Measurement("decode", "camel-jwt", 1, 1, 1))).noise());
        String oneThread = new RatioTable(List.of(new Measurement("decode", "camel-jwt", 1, 1, 9, 1),
                new Measurement("decode", "camel-jwt", 1, 2, 10, 1))).noise();
        assertTrue(oneThread.contains("(decode, camel-jwt, 1 thread)"), oneThread);
    }
}
