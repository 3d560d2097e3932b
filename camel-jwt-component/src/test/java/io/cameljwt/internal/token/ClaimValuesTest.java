package io.cameljwt.internal.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Typed values read out of claims: the edges the route tests do not reach. */
class ClaimValuesTest {

    /**
     * Instant's least second is a double exactly, so the lower bound is exact; its greatest is not (a double near it is
     * a multiple of 4), so the upper bound is the greatest double below it.
     */
    @Test
    void numericDatesAreReadUpToTheRangeOfInstantInclusiveAndNotBeyond() {
        long min = Instant.MIN.getEpochSecond();
        double max = Math.nextDown((double) Instant.MAX.getEpochSecond());
        assertEquals(min, ClaimValues.numericDate(min));
        assertEquals(min, ClaimValues.numericDate((double) min));
        assertNull(ClaimValues.numericDate(Math.nextDown((double) min)));
        assertEquals((long) max, ClaimValues.numericDate(max));
        assertNull(ClaimValues.numericDate(Math.nextUp((double) Instant.MAX.getEpochSecond())));
    }

    @Test
    void aNumberThatIsNotFiniteIsNoNumericDate() {
        assertNull(ClaimValues.numericDate(Double.NaN), "NaN would otherwise be read as 0, the epoch");
        assertNull(ClaimValues.numericDate(Double.POSITIVE_INFINITY));
        assertNull(ClaimValues.numericDate(Double.NEGATIVE_INFINITY));
    }

    @Test
    void aNameStartingWithADotIsAClaimNameNotAPath() {
        Map<String, Object> claims = Map.of(".roles", List.of("user"), "", Map.of("roles", List.of("admin")));
        assertEquals(List.of("user"), ClaimValues.roles(claims, ".roles"));
    }
}
