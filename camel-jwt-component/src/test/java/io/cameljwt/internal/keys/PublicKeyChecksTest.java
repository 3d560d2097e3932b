package io.cameljwt.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The flaws of a public key that refuse it whatever the algorithm, each exactly at its limit: the keys are made
 * through the JDK's own key factory, which accepts every one of them.
 */
class PublicKeyChecksTest {

    private static final RSAPublicKey RSA = (RSAPublicKey) Pem.publicKey(resource("keys/rsa-public.pem"), "publicKey");
    private static final ECPublicKey P256 = (ECPublicKey) Pem.publicKey(resource("keys/ec256-public.pem"), "publicKey");
    private static final BigInteger P = ((ECFieldFp) P256.getParams().getCurve().getField()).getP();
    /** The square root of the curve's b: (0, Y0) is a point of P-256, and so, modulo p, is (p, Y0). */
    private static final BigInteger Y0 = new BigInteger(
            "66485c780e2f83d72433bd5d84a06bb6541c2af31dae871728bf856a174f93f4", 16);

    @Test
    void testKeysHaveNoFlaw() {
        assertNull(PublicKeyChecks.flaw(RSA));
        assertNull(PublicKeyChecks.flaw(P256));
    }

    @ParameterizedTest
    @ValueSource(ints = { 3, 5, 65537 })
    void oddRsaExponentOfAtLeastThreeIsAccepted(int exponent) throws Exception {
        assertNull(PublicKeyChecks.flaw(rsa(exponent)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 4, 65536 })
    void evenRsaExponentIsRefused(int exponent) throws Exception {
        assertEquals("the RSA public exponent is not an odd number of at least 3", PublicKeyChecks.flaw(rsa(exponent)));
    }

    @Test
    void ecPointWithCoordinateZeroIsAccepted() throws Exception {
        assertNull(PublicKeyChecks.flaw(ec(BigInteger.ZERO, Y0)));
        assertNull(PublicKeyChecks.flaw(ec(BigInteger.ZERO, P.subtract(Y0))));
    }

    /** The point (0, Y0) with x written as p: on the curve modulo p, but not a canonical coordinate. */
    @Test
    void ecCoordinateEqualToTheFieldPrimeIsRefused() throws Exception {
        assertEquals("the EC public key's coordinates are outside the field", PublicKeyChecks.flaw(ec(P, Y0)));
    }

    @Test
    void ecPointOffTheCurveIsRefused() throws Exception {
        assertEquals("the EC public key is not a point on its curve", PublicKeyChecks.flaw(ec(BigInteger.ONE, Y0)));
    }

    private static RSAPublicKey rsa(int exponent) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(RSA.getModulus(), BigInteger.valueOf(exponent)));
    }

    private static PublicKey ec(BigInteger x, BigInteger y) throws GeneralSecurityException {
        ECParameterSpec params = P256.getParams();
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
        assertEquals(new ECPoint(x, y), key.getW(), "the JDK keeps the coordinates as given");
        return key;
    }

    private static String resource(String name) {
        try (InputStream in = PublicKeyChecksTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
