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
    void passesCombineToTheFastestAndSlowestIterationAndTheMeanAllocation() {
        List<Measurement> combined = Measurement.combine(List.of(
                new Measurement("validateRs256", "camel-jwt", 1, 29_000, 27_000, 12_000),
                new Measurement("validateRs256", "jca-floor", 1, 30_000, 20_000, 10_000),
                new Measurement("validateRs256", "camel-jwt", 2, 55_000, 50_000, 12_000),
                new Measurement("validateRs256", "camel-jwt", 1, 28_000, 26_000, 13_000),
                new Measurement("validateRs256", "jca-floor", 1, 31_000, 29_000, Double.NaN)));

        assertEquals(List.of(
                new Measurement("validateRs256", "camel-jwt", 1, 29_000, 26_000, 12_500),
                new Measurement("validateRs256", "jca-floor", 1, 31_000, 20_000, 10_000),
                new Measurement("validateRs256", "camel-jwt", 2, 55_000, 50_000, 12_000)), combined);
        assertTrue(Double.isNaN(Measurement.combine(List.of(
                new Measurement("decode", "camel-jwt", 1, 1, Double.NaN))).get(0).bytesPerOp()));
    }

    @Test
    void reportSaysHowMuchTheSlowestIterationLostAgainstTheFastest() {
        RatioTable table = new RatioTable(List.of(
                new Measurement("decode", "camel-jwt", 1, 400_000, 380_000, 3000),
                new Measurement("decode", "base64-jackson", 1, 800_000, 720_000, 2000),
                new Measurement("decode", "base64-jackson", 2, 1_000_000, 500_000, 2000)));

        assertTrue(table.markdown().contains("The slowest measured iteration of a variant ran 10 % slower than its"
                                             + " fastest (the median over all variants), at most 50 % (decode,"
                                             + " base64-jackson, 2 threads)."), table.markdown());
        assertEquals("", new RatioTable(List.of()).noise());
    }
}
