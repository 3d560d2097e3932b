package io.cameljwt.internal.keys;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * Flaws of a public key that no choice of algorithm makes up for. Checked when keys are loaded, never per message.
 */
public final class PublicKeyChecks {

    /** The primes the ROCA fingerprint looks at (all odd primes up to 167). */
    private static final int[] ROCA_PRIMES = {
            3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107,
            109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167 };

    private PublicKeyChecks() {
    }

    /** Why this key must not be used, or null. Keys other than RSA and EC public keys have nothing checked here. */
    public static String flaw(Key key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsaFlaw(rsa);
        }
        if (key instanceof ECPublicKey ec) {
            return ecFlaw(ec);
        }
        return null;
    }

    private static String rsaFlaw(RSAPublicKey rsa) {
        BigInteger e = rsa.getPublicExponent();
        // RFC 8017 section 3.1: e is odd and at least 3; with e = 1 every padded message is its own signature
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0)) {
            return "the RSA public exponent is not an odd number of at least 3";
        }
        return hasRocaFingerprint(rsa.getModulus())
                ? "the RSA key was made by a generator with the ROCA weakness (CVE-2017-15361); replace it" : null;
    }

    /**
     * The Infineon RSALib made moduli that are a power of 65537 modulo each small prime (Nemec et al., "The Return of
     * Coppersmith's Attack", CCS 2017). A random modulus passes this test for all 38 primes with a chance of about
     * 4 in a billion.
     */
    static boolean hasRocaFingerprint(BigInteger modulus) {
        for (int prime : ROCA_PRIMES) {
            if (!isPowerOf65537(modulus.mod(BigInteger.valueOf(prime)).intValue(), prime)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPowerOf65537(int residue, int prime) {
        int generator = 65537 % prime;
        int power = 1;
        do {
            if (power == residue) {
                return true;
            }
            power = power * generator % prime;
        } while (power != 1);
        return false;
    }

    /** SEC 1 section 3.2.2.1: the point has coordinates in the field and satisfies the curve equation. */
    private static String ecFlaw(ECPublicKey ec) {
        EllipticCurve curve = ec.getParams().getCurve();
        ECPoint point = ec.getW();
        if (!(curve.getField() instanceof ECFieldFp field) || ECPoint.POINT_INFINITY.equals(point)) {
            return "the EC public key is not a point of a prime curve";
        }
        BigInteger p = field.getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return "the EC public key's coordinates are outside the field";
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.pow(2).mod(p).equals(right) ? null : "the EC public key is not a point on its curve";
    }
}
