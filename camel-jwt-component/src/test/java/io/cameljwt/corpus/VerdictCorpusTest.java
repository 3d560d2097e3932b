package io.cameljwt.corpus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.cameljwt.JwtFailure;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's proof that nothing got less safe: every token of the committed verdict corpus (see docs/verdict-corpus.md
 * and {@link CorpusGenerator}) goes through a real {@code jwt:validate} route with its endpoint's configuration and
 * must get the verdict recorded for it. A change of verdict is either a bug or a deliberate change, in which case the
 * corpus is regenerated and its diff reviewed.
 */
class VerdictCorpusTest extends CamelTestSupport {

    private static final VerdictCorpus CORPUS = VerdictCorpus.load();

    @Test
    void everyTokenGetsTheVerdictRecordedForIt() {
        VerdictRunner runner = new VerdictRunner(context, template);
        runner.start(CORPUS.endpoints().values());
        // endpoints are thread-safe: the tokens go through them from all cores at once
        List<String> changed = CORPUS.entries().parallelStream()
                .map(entry -> {
                    String verdict = runner.verdict(CORPUS.endpoints().get(entry.endpoint()), entry.token());
                    return entry.verdict().equals(verdict) ? null
                            : entry.describe() + ": recorded " + entry.verdict() + ", now " + verdict;
                })
                .filter(Objects::nonNull)
                .toList();
        assertTrue(changed.isEmpty(), () -> changed.size() + " of " + CORPUS.entries().size()
                                            + " tokens got another verdict than the one recorded:\n"
                                            + String.join("\n", changed));
    }

    @Test
    void theCorpusHoldsWhatIssue8AsksFor() {
        List<CorpusEntry> entries = CORPUS.entries();
        List<CorpusEntry> generated = entries.stream().filter(e -> !e.kind().startsWith("wycheproof/")).toList();
        assertTrue(generated.size() >= 10_000, "only " + generated.size() + " generated tokens");
        for (String alg : CorpusKeys.ALGORITHMS) {
            Map<Boolean, Long> accepted = generated.stream().filter(e -> e.kind().startsWith(alg + "/"))
                    .collect(Collectors.partitioningBy(e -> e.verdict().equals(VerdictRunner.ACCEPTED),
                            Collectors.counting()));
            assertTrue(accepted.get(true) > 0 && accepted.get(false) > 0, alg + " needs accepted and refused tokens");
        }
        for (String family : List.of("/valid/", "/bits/header/", "/bits/payload/", "/bits/signature/", "/alg-swap/",
                "/alg-none/", "/member-removed/", "/duplicate/", "/claim-type/exp/", "/claim-type/aud/", "/depth/",
                "/size/", "/utf8/payload/", "/utf8/header/", "/token/header/padded", "/key/confusion-")) {
            assertTrue(entries.stream().anyMatch(e -> e.kind().contains(family)), "no token of kind " + family);
        }
        // every JWS and JWE vector of the four Wycheproof files: 401 + 83 + 26 + 139
        assertEquals(649, entries.stream().filter(e -> e.kind().startsWith("wycheproof/")).count());
        for (String verdict : entries.stream().map(CorpusEntry::verdict).collect(Collectors.toSet())) {
            assertTrue(verdict.equals(VerdictRunner.ACCEPTED) || verdict.equals(VerdictRunner.CONFIGURATION_REFUSED)
                       || List.of(JwtFailure.values()).stream().anyMatch(f -> f.name().equals(verdict)),
                    "a recorded verdict is neither a JwtFailure nor ACCEPTED: " + verdict);
        }
    }
}
