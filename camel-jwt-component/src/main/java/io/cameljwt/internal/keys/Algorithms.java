package io.cameljwt.internal.keys;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.crypto.SecretKey;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;

/**
 * The JWS algorithms the component supports, and which of them fit which key.
 */
public final class Algorithms {

    public static final List<String> SUPPORTED = List.of(
            AlgorithmIdentifiers.HMAC_SHA256, AlgorithmIdentifiers.HMAC_SHA384, AlgorithmIdentifiers.HMAC_SHA512,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512,
            AlgorithmIdentifiers.EDDSA);

    private static final Set<String> SUPPORTED_SET = Set.copyOf(SUPPORTED);

    /** RFC 7518 §3.3 and RFC 8725: smaller RSA keys are refused. */
    public static final int MIN_RSA_BITS = 2048;

    private Algorithms() {
    }

    public static boolean isSupported(String algorithm) {
        return SUPPORTED_SET.contains(algorithm);
    }

    /**
     * Refuses, as a value of the {@code algorithm} option, {@code none} in any spelling and anything else the component
     * does not support; for signing and verifying alike.
     */
    public static void requireUsable(String algorithm) {
        if ("none".equals(algorithm.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Option 'algorithm': 'none' is never accepted (RFC 8725)");
        }
        if (!isSupported(algorithm)) {
            throw new IllegalArgumentException("Option 'algorithm': '" + algorithm + "' is not supported; use one of "
                                               + String.join(", ", SUPPORTED));
        }
    }

    /** The algorithm to use with a key when none is configured: the key's own {@code alg}, else by key type. */
    public static String defaultFor(KeyEntry entry) {
        if (entry.algorithm() != null) {
            return entry.algorithm();
        }
        Key key = entry.inspectedKey();
        if (key instanceof SecretKey) {
            return AlgorithmIdentifiers.HMAC_SHA256;
        }
        if (key instanceof RSAKey) {
            return AlgorithmIdentifiers.RSA_USING_SHA256;
        }
        if (key instanceof ECKey ec) {
            String curve = String.valueOf(EllipticCurves.getName(ec.getParams().getCurve()));
            return switch (curve) {
                case EllipticCurves.P_256 -> AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
                case EllipticCurves.P_384 -> AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384;
                case EllipticCurves.P_521 -> AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512;
                default -> null;
            };
        }
        if (key instanceof EdECKey) {
            return AlgorithmIdentifiers.EDDSA;
        }
        return null;
    }

    /**
     * Why {@code algorithm} cannot be used with this key, or null if it can. Checks the key type, the EC curve, the
     * key's own {@code alg}, the minimum sizes of RFC 7518 (HMAC secret at least as long as the hash, RSA 2048 bits),
     * and flaws of the public key itself (RSA exponent, ROCA fingerprint, EC point off its curve).
     */
    public static String misfit(String algorithm, KeyEntry entry) {
        if (entry.algorithm() != null && !entry.algorithm().equals(algorithm)) {
            return "the key is bound to " + entry.algorithm();
        }
        Key key = entry.inspectedKey();
        switch (algorithm) {
            case "HS256", "HS384", "HS512" -> {
                if (!(key instanceof SecretKey secret)) {
                    return algorithm + " needs an HMAC secret";
                }
                int needed = Integer.parseInt(algorithm.substring(2)) / 8;
                byte[] encoded = secret.getEncoded();
                int length = encoded == null ? 0 : encoded.length;
                if (length < needed) {
                    return "an HMAC secret of " + length + " bytes is shorter than " + algorithm + " requires ("
                           + needed + " bytes, RFC 7518 section 3.2)";
                }
                return null;
            }
            case "RS256", "RS384", "RS512", "PS256", "PS384", "PS512" -> {
                if (!(key instanceof RSAKey rsa)) {
                    return algorithm + " needs an RSA key";
                }
                int bits = rsa.getModulus().bitLength();
                return bits < MIN_RSA_BITS ? "an RSA key of " + bits + " bits is under " + MIN_RSA_BITS + " bits"
                        : PublicKeyChecks.flaw(key);
            }
            case "ES256", "ES384", "ES512" -> {
                if (!(key instanceof ECKey ec)) {
                    return algorithm + " needs an EC key";
                }
                String expected = switch (algorithm) {
                    case "ES256" -> EllipticCurves.P_256;
                    case "ES384" -> EllipticCurves.P_384;
                    default -> EllipticCurves.P_521;
                };
                String curve = EllipticCurves.getName(ec.getParams().getCurve());
                return expected.equals(curve) ? PublicKeyChecks.flaw(key)
                        : algorithm + " needs a " + expected + " key, not " + curve;
            }
            case "EdDSA" -> {
                return key instanceof EdECKey ? null : "EdDSA needs an Ed25519 or Ed448 key";
            }
            default -> {
                return "unsupported algorithm " + algorithm;
            }
        }
    }
}
