package io.cameljwt.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Base64;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs exactly the given header and payload bytes with jose4j's signature algorithms, whatever they hold. ECDSA and
 * RSA-PSS draw random numbers; here they come from a SHA1PRNG seeded with a fixed seed and a counter, so the same
 * run of the generator makes the same tokens, byte for byte.
 */
final class CorpusSigner {

    private final long seed;
    private long signatures;

    CorpusSigner(long seed) {
        this.seed = seed;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] unb64(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    /** The compact token of these JSON texts (UTF-8), signed with {@code alg} and {@code key}. */
    String sign(String headerJson, String payloadJson, String alg, Key key) {
        return signBytes(headerJson.getBytes(StandardCharsets.UTF_8), payloadJson.getBytes(StandardCharsets.UTF_8), alg,
                key);
    }

    /** As {@link #sign}, for header and payload bytes that need not be UTF-8. */
    String signBytes(byte[] header, byte[] payload, String alg, Key key) {
        String signingInput = b64(header) + "." + b64(payload);
        return signingInput + "." + b64(signature(signingInput, alg, key));
    }

    byte[] signature(String signingInput, String alg, Key key) {
        try {
            JsonWebSignatureAlgorithm algorithm = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                    .getAlgorithm(alg);
            ProviderContext context = new ProviderContext();
            context.setSecureRandom(nextRandom());
            return algorithm.sign(algorithm.prepareForSign(key, context),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign with " + alg, e);
        }
    }

    static Key hmac(byte[] secret) {
        return new HmacKey(secret);
    }

    private SecureRandom nextRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(16).putLong(seed).putLong(signatures++).array());
            return random;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
