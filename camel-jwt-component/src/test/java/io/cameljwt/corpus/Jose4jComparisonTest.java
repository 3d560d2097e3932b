package io.cameljwt.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every token of the verdict corpus also goes through jose4j's {@code JwtConsumer} configured like its endpoint
 * ({@link Jose4jVerdicts}). Accepted or refused must agree, and where jose4j's error codes map to a {@code JwtFailure},
 * the reason too, except where a {@link Jose4jDifference} explains why not. The recorded verdicts are compared, which
 * {@link VerdictCorpusTest} proves are the component's verdicts of today.
 */
class Jose4jComparisonTest {

    private static final VerdictCorpus CORPUS = VerdictCorpus.load();

    @Test
    void jose4jDisagreesOnlyWhereADeliberateDifferenceExplainsIt() {
        Jose4jVerdicts jose4j = new Jose4jVerdicts();
        List<String> unexplained = new ArrayList<>();
        Map<Jose4jDifference, Integer> explained = new EnumMap<>(Jose4jDifference.class);
        int agreed = 0;
        // jose4j's consumers are thread-safe: verify on all cores, then compare in corpus order
        List<Jose4jVerdicts.Verdict> verdicts = CORPUS.entries().parallelStream()
                .map(entry -> jose4j.verdict(CORPUS.endpoints().get(entry.endpoint()), entry.token()))
                .toList();
        for (int i = 0; i < verdicts.size(); i++) {
            CorpusEntry entry = CORPUS.entries().get(i);
            Jose4jVerdicts.Verdict theirs = verdicts.get(i);
            if (theirs.agreesWith(entry.verdict())) {
                agreed++;
                continue;
            }
            Jose4jDifference difference = Jose4jDifference.of(entry, theirs);
            if (difference == null) {
                unexplained.add(entry.describe() + ": component " + entry.verdict() + ", jose4j " + theirs);
            } else {
                explained.merge(difference, 1, Integer::sum);
            }
        }
        assertTrue(unexplained.isEmpty(), () -> unexplained.size() + " tokens where jose4j disagrees and no deliberate"
                                                + " difference explains it:\n" + String.join("\n", unexplained));
        Set<Jose4jDifference> unused = EnumSet.allOf(Jose4jDifference.class);
        unused.removeAll(explained.keySet());
        assertEquals(Set.of(), unused, "deliberate differences that no token shows any more (agreed on " + agreed
                                       + ", explained " + explained + ")");
        assertTrue(agreed > CORPUS.entries().size() / 2, "jose4j agrees on only " + agreed + " tokens");
    }
}
