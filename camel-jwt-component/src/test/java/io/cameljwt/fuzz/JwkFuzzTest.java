package io.cameljwt.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cameljwt.JwtConfiguration;
import io.cameljwt.TestSettings;
import io.cameljwt.internal.jwe.JweDecrypter;
import io.cameljwt.internal.keys.KeyEntry;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.VerificationKeys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the reading of JWKs and JWK Sets: the {@code jwks} and {@code decryptionKey} options (a configuration error
 * names the option) and the JWK Set a remote {@code jwksUri} answers (a key that cannot serve is left out, an answer
 * with none is a failed fetch). Any exception but {@link IllegalArgumentException}, or a hang past the timeout, fails.
 */
class JwkFuzzTest {

    /**
     * The text of {@code jwks}: its keys are read, and refused with a message naming the option ({@code jwks}, or
     * {@code algorithm} when no default algorithm fits a key). The same text as {@code decryptionKey} likewise.
     */
    @FuzzTest(maxDuration = "5m")
    void configuredJwksAreReadOrRefusedNamingTheOption(byte[] input) {
        PerInputBound.check(() -> {
            String json = new String(input, StandardCharsets.UTF_8);
            try {
                VerificationKeys.of(KeyLoader.jwkEntries(json, "jwks"), null);
            } catch (IllegalArgumentException e) {
                assertNamesAnOption(e, "'jwks'", "'algorithm'");
            }
            if (!json.trim().startsWith("{")) {
                return; // other text would be read as a resource (file:) or a bean (#name), not as a JWK
            }
            JwtConfiguration config = new JwtConfiguration();
            config.setDecryptionKey(json);
            try {
                JweDecrypter.of(TestSettings.of(config).jwe(), new KeyLoader(null));
            } catch (IllegalArgumentException e) {
                assertNamesAnOption(e, "'decryptionKey'", "'keyManagementAlgorithm'", "'contentEncryptionAlgorithm'");
            }
        });
    }

    /**
     * The answer of a {@code jwksUri}: only the keys that can verify a token are kept, never a secret (anyone who can
     * read the set could sign with it); every key left out is said; an answer that keeps none is refused.
     */
    @FuzzTest(maxDuration = "5m")
    void fetchedJwkSetsKeepOnlyKeysThatVerify(byte[] input) {
        PerInputBound.check(() -> {
            String json = new String(input, StandardCharsets.UTF_8);
            for (List<String> algorithms : List.of(List.<String>of(), List.of("RS256", "ES256", "EdDSA", "HS256"))) {
                List<String> skipped = new ArrayList<>();
                VerificationKeys keys;
                try {
                    keys = VerificationKeys.fetched(KeyLoader.fetchedJwkEntries(json, "jwksUri", skipped), algorithms,
                            skipped);
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal without a reason");
                    continue;
                }
                assertFalse(keys.algorithms().isEmpty(), "a fetched set kept with no algorithm");
                for (String algorithm : keys.algorithms()) {
                    for (KeyEntry key : keys.candidates(algorithm, null)) {
                        assertFalse(key.isSecret(), "a secret was taken from a fetched JWK Set");
                        assertTrue(key.canVerify(), "a key that cannot verify was kept");
                    }
                }
            }
        });
    }

    private static void assertNamesAnOption(IllegalArgumentException e, String... options) {
        String message = String.valueOf(e.getMessage());
        for (String option : options) {
            if (message.contains(option)) {
                return;
            }
        }
        throw new AssertionError("a configuration error that names none of " + List.of(options) + ": " + message, e);
    }
}
