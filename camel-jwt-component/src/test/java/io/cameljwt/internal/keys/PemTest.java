package io.cameljwt.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PEM text as tools write it, and DER that lies about its lengths.
 */
class PemTest {

    /** What {@code openssl ecparam -name prime256v1 -genkey} writes before the key: the curve's OID. */
    private static final String P256_PARAMETERS =
            "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

    @Test
    void ecPrivateKeyAfterAnEcParametersBlockIsRead() {
        String sec1 = resource("keys/ec256-sec1.pem");
        assertEquals(Pem.privateKey(sec1, "privateKey"), Pem.privateKey(P256_PARAMETERS + sec1, "privateKey"));
    }

    @Test
    void pemWithOnlyEcParametersIsRefusedNamingItsLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pem.privateKey(P256_PARAMETERS, "privateKey"));
        assertEquals("Option 'privateKey': expected a PEM private key, found 'EC PARAMETERS'", e.getMessage());
    }

    /**
     * A SEC1 key whose outer SEQUENCE, or whose private key OCTET STRING, claims 0x7fffffff bytes: position plus length
     * overflows an int, and must still be refused as invalid rather than allocated.
     */
    @ParameterizedTest
    @ValueSource(strings = { "30847fffffff020101", "300b02010104847fffffff0000" })
    void derLengthThatOverflowsIsRefusedAsInvalid(String der) {
        String pem = "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(der))
                     + "\n-----END EC PRIVATE KEY-----\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pem.privateKey(pem, "privateKey"));
        assertEquals("Option 'privateKey': the EC private key is not valid DER", e.getMessage());
    }

    private static String resource(String name) {
        try (InputStream in = PemTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
