package io.cameljwt.internal.keys;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PEM text as tools write it, and DER that lies about its lengths.
 */
class PemTest {

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
}
