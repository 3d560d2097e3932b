package io.cameljwt.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cameljwt.internal.keys.Pem;

/**
 * Fuzzes the reading of PEM keys and certificates ({@code Pem}) and of the DER inside them, including the PKCS#1 and
 * SEC1 framing read by hand ({@code Der}). A key is read, or refused with an {@link IllegalArgumentException} that
 * names the option; anything else thrown, or a hang past the timeout, fails the test.
 */
class PemFuzzTest {

    /** Every label the readers handle (and ENCRYPTED PRIVATE KEY, which they refuse by name). */
    private static final List<String> LABELS = List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE");

    /** Any text as {@code privateKey} and as {@code publicKey}: markers, labels, Base64 and DER all fuzzed. */
    @FuzzTest(maxDuration = "5m")
    void pemTextIsReadOrRefusedNamingTheOption(byte[] input) {
        PerInputBound.check(() -> {
            read(new String(input, StandardCharsets.UTF_8));
        });
    }

    /** Any DER under every label, in well-formed PEM: the fuzzer reaches the ASN.1 readers directly. */
    @FuzzTest(maxDuration = "5m")
    void derUnderEveryLabelIsReadOrRefusedNamingTheOption(byte[] der) {
        PerInputBound.check(() -> {
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
            for (String label : LABELS) {
                read("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
            }
        });
    }

    private static void read(String text) {
        try {
            Pem.privateKey(text, "privateKey");
        } catch (IllegalArgumentException e) {
            assertNamesTheOption(e, "privateKey");
        }
        try {
            Pem.publicKey(text, "publicKey");
        } catch (IllegalArgumentException e) {
            assertNamesTheOption(e, "publicKey");
        }
    }

    private static void assertNamesTheOption(IllegalArgumentException e, String option) {
        if (e.getMessage() == null || !e.getMessage().startsWith("Option '" + option + "'")) {
            throw new AssertionError("a configuration error that does not start with Option '" + option + "': "
                                     + e.getMessage(), e);
        }
    }
}
