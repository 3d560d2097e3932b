package io.cameljwt.internal.verify;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.InvalidKeyException;
import org.jose4j.lang.JoseException;

/**
 * Checks RS256, RS384, RS512 and EdDSA signatures with one {@link Signature} per thread and algorithm, kept initialised
 * with the last key it checked, as {@link ThreadMacs} does for HMAC: {@code Signature.getInstance} looks the algorithm
 * up among the JCA providers at each call. Only these algorithms, because jose4j's check of them is exactly a
 * {@code Signature} of their Java name (default providers, no parameters) initialised, updated and verified, with a
 * {@code SignatureException} read as an invalid signature; PS* (PSS parameters) and ES* (R||S read and bounded first)
 * stay with jose4j's own {@code verifySignature}. A {@code Signature} is not thread-safe, so no two threads ever share
 * one.
 */
final class ThreadSignatures {

    /** The algorithms whose jose4j check is the plain JCA sequence above. */
    private static final Set<String> PLAIN = Set.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.EDDSA);

    /** A thread's Signature of one algorithm, and the key it is initialised with (null: initialise before use). */
    private static final class InitialisedSignature {
        private final Signature signature;
        private Key key;

        InitialisedSignature(Signature signature) {
            this.signature = signature;
        }
    }

    private final ThreadLocal<Map<String, InitialisedSignature>> perThread = ThreadLocal.withInitial(HashMap::new);

    /** Whether {@link #verify} checks this algorithm; jose4j checks the others. */
    static boolean handles(JsonWebSignatureAlgorithm algorithm) {
        return PLAIN.contains(algorithm.getAlgorithmIdentifier());
    }

    /** Whether {@code signature} is a valid signature of {@code signingInput} under {@code key}. */
    boolean verify(JsonWebSignatureAlgorithm algorithm, byte[] signature, Key key, byte[] signingInput)
            throws JoseException {
        return verify(algorithm, signature, key, signingInput, signingInput.length);
    }

    /** As {@link #verify(JsonWebSignatureAlgorithm, byte[], Key, byte[])}, for the first {@code length} bytes of input. */
    boolean verify(JsonWebSignatureAlgorithm algorithm, byte[] signature, Key key, byte[] input, int length)
            throws JoseException {
        String name = algorithm.getJavaAlgorithm();
        Map<String, InitialisedSignature> signatures = perThread.get();
        InitialisedSignature initialised = signatures.get(name);
        if (initialised == null) {
            initialised = new InitialisedSignature(newSignature(name));
            signatures.put(name, initialised);
        }
        if (initialised.key != key) {
            initialised.key = null;
            try {
                initialised.signature.initVerify((PublicKey) key);
            } catch (java.security.InvalidKeyException e) {
                // the Signature kept the provider it chose for its first key; a new one chooses for this key, as
                // jose4j's Signature made for each token would
                initialised = new InitialisedSignature(newSignature(name));
                signatures.put(name, initialised);
                init(initialised.signature, key, name);
            }
        }
        initialised.key = null; // until verify returns: after an exception the Signature's state is its provider's
        try {
            initialised.signature.update(input, 0, length);
            boolean valid = initialised.signature.verify(signature);
            initialised.key = key; // verify leaves the Signature initialised with the same key
            return valid;
        } catch (SignatureException e) {
            return false; // as jose4j reads it: a signature the provider cannot even parse
        }
    }

    private static void init(Signature signature, Key key, String name) throws InvalidKeyException {
        try {
            signature.initVerify((PublicKey) key);
        } catch (java.security.InvalidKeyException e) {
            throw new InvalidKeyException("The given key is not valid for " + name, e);
        }
    }

    private static Signature newSignature(String name) throws JoseException {
        try {
            return Signature.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new JoseException("Unable to get an implementation of algorithm name: " + name, e);
        }
    }
}
