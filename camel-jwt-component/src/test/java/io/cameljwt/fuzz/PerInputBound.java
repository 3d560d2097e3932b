package io.cameljwt.fuzz;

import java.time.Duration;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The time bound of one fuzz input: past it the input is a hang, and a finding. Not JUnit's {@code @Timeout}: in
 * fuzzing mode that would bound the whole run, which is one invocation of the test method. Generous, for a shared
 * machine; the slowest seeds take well under a second.
 */
final class PerInputBound {

    static final Duration BOUND = Duration.ofSeconds(10);

    private PerInputBound() {
    }

    /** Runs the check of one input on its own thread, which is abandoned (and the test failed) past the bound. */
    static void check(Executable check) {
        assertTimeoutPreemptively(BOUND, check, "one input took longer than " + BOUND.toSeconds() + " s: a hang");
    }
}
