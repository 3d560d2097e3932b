package io.cameljwt.internal.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Groups keys under the algorithms of an allowlist, for verifying (JWS) and decrypting (JWE) alike: each algorithm
 * gets the keys that fit it, and an algorithm that fits none is a configuration error naming the option.
 */
public final class KeysByAlgorithm {

    private KeysByAlgorithm() {
    }

    /**
     * @param misfit why an algorithm cannot be used with a key, or null if it can
     * @param option the option the allowlist comes from, for the message
     */
    public static Map<String, List<KeyEntry>> of(Collection<String> algorithms, List<KeyEntry> keys,
                                                 BiFunction<String, KeyEntry, String> misfit, String option) {
        Map<String, List<KeyEntry>> byAlgorithm = new LinkedHashMap<>();
        for (String alg : algorithms) {
            List<KeyEntry> fitting = new ArrayList<>();
            List<String> misfits = new ArrayList<>();
            for (KeyEntry key : keys) {
                String why = misfit.apply(alg, key);
                if (why == null) {
                    fitting.add(key);
                } else {
                    misfits.add(key.describe() + ": " + why);
                }
            }
            if (fitting.isEmpty()) {
                throw new IllegalArgumentException("Option '" + option + "': " + alg + " fits none of the keys ("
                                                   + String.join("; ", misfits) + ")");
            }
            byAlgorithm.put(alg, List.copyOf(fitting));
        }
        return byAlgorithm;
    }
}
