package io.cameljwt.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The DER framing that turns PKCS#1 and SEC1 keys into the forms the JDK reads: lengths written in their shortest
 * form at each size limit, and SEC1 that lies about its lengths refused as invalid, never read past its end.
 */
class DerTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The P-256 test key in SEC1: SEQUENCE (0x77 bytes) { version, private key, [0] curve, [1] public key }. */
    private static final byte[] SEC1 = der(resource("keys/ec256-sec1.pem"));

    /** The content lengths where DER moves to one more length byte, and how each is written after the tag. */
    @ParameterizedTest(name = "{0} bytes: {1}")
    @CsvSource({ "1, 01", "127, 7f", "128, 8180", "255, 81ff", "256, 820100", "65535, 82ffff", "65536, 83010000" })
    void lengthIsWrittenInItsShortestForm(int length, String encoded) {
        // the BIT STRING that holds a PKCS#1 key: a zero byte (no unused bits), then the key
        byte[] spki = Der.pkcs1RsaPublicToSpki(new byte[length - 1]);
        byte[] header = HEX.parseHex("03" + encoded);
        int start = spki.length - length - header.length;
        assertArrayEquals(header, Arrays.copyOfRange(spki, start, start + header.length));
    }

    @Test
    void sec1KeyIsReadWhateverItsFieldsAfterTheCurve() {
        ECPrivateKey expected = (ECPrivateKey) Pem.privateKey(pem(SEC1), "privateKey");
        // without its public key, and with an empty [1] public key field in its place: the last TLV has no content
        byte[] fields = Arrays.copyOfRange(SEC1, 2, 2 + 49);
        byte[] emptyLast = concat(HEX.parseHex("3033"), fields, HEX.parseHex("a100"));
        ECPrivateKey read = (ECPrivateKey) Pem.privateKey(pem(emptyLast), "privateKey");
        assertEquals(expected.getS(), read.getS());
        assertEquals(expected.getParams().getCurve(), read.getParams().getCurve());
    }

    static Stream<Arguments> invalidSec1() {
        byte[] content = Arrays.copyOfRange(SEC1, 2, SEC1.length);
        return Stream.of(
                Arguments.of("a tag without a length", HEX.parseHex("30")),
                Arguments.of("a long-form length without its bytes", HEX.parseHex("3081")),
                Arguments.of("an indefinite length", concat(HEX.parseHex("3080"), content, HEX.parseHex("0000"))),
                Arguments.of("a length of five bytes", concat(HEX.parseHex("30850000000077"), content)),
                Arguments.of("a length beyond the end", HEX.parseHex("3005020101")),
                Arguments.of("a field beyond the end", HEX.parseHex("3005020101040a")),
                // 0x0177 bytes announced, 0x77 there: read as 0x77 it would make a key of a broken file
                Arguments.of("a two-byte length beyond the end", concat(HEX.parseHex("30820177"), content)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSec1")
    void sec1ThatLiesAboutItsLengthsIsRefusedAsInvalidDer(String name, byte[] der) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Der.sec1ToPkcs8(der, "privateKey"));
        assertEquals("Option 'privateKey': the EC private key is not valid DER", e.getMessage());
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] part : parts) {
            byte[] longer = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, longer, all.length, part.length);
            all = longer;
        }
        return all;
    }

    private static String pem(byte[] sec1) {
        return "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(sec1)
               + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String resource(String name) {
        try (InputStream in = DerTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
