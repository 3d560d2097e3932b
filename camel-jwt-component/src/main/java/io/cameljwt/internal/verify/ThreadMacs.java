package io.cameljwt.internal.verify;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.jose4j.jws.HmacUsingShaAlgorithm;
import org.jose4j.lang.ByteUtil;
import org.jose4j.lang.InvalidKeyException;
import org.jose4j.lang.JoseException;

/**
 * Checks HMAC signatures with one {@link Mac} per thread and algorithm, kept initialised with the last key it checked:
 * {@code Mac.getInstance} looks the algorithm up among the JCA providers at each call, which costs about as much as the
 * HMAC of a token. A {@code Mac} is not thread-safe, so no two threads ever share one; the instances live as long as
 * the verifier that holds this. The check itself is jose4j's {@code HmacUsingShaAlgorithm.verifySignature}, with the
 * same failures.
 */
final class ThreadMacs {

    /** A thread's Mac of one algorithm, and the key it is initialised with. */
    private static final class InitialisedMac {
        private final Mac mac;
        private Key key;

        InitialisedMac(Mac mac) {
            this.mac = mac;
        }
    }

    private final ThreadLocal<Map<String, InitialisedMac>> perThread = ThreadLocal.withInitial(HashMap::new);

    /** Whether {@code signature} is the HMAC of {@code signingInput} under {@code key}, compared in constant time. */
    boolean verify(HmacUsingShaAlgorithm algorithm, byte[] signature, Key key, byte[] signingInput)
            throws JoseException {
        return verify(algorithm, signature, key, signingInput, signingInput.length);
    }

    /** As {@link #verify(HmacUsingShaAlgorithm, byte[], Key, byte[])}, for the first {@code length} bytes of input. */
    boolean verify(HmacUsingShaAlgorithm algorithm, byte[] signature, Key key, byte[] input, int length)
            throws JoseException {
        if (!(key instanceof SecretKey)) {
            throw new InvalidKeyException(key.getClass() + " cannot be used for HMAC verification.");
        }
        String name = algorithm.getJavaAlgorithm();
        Map<String, InitialisedMac> macs = perThread.get();
        InitialisedMac initialised = macs.get(name);
        try {
            if (initialised == null) {
                initialised = new InitialisedMac(Mac.getInstance(name));
                macs.put(name, initialised);
            }
            if (initialised.key != key) {
                initialised.key = null; // until init succeeds: a failed init leaves the Mac unusable
                initialised.mac.init(key);
                initialised.key = key;
            }
        } catch (java.security.InvalidKeyException e) {
            throw new InvalidKeyException("The key is not valid for " + name, e);
        } catch (GeneralSecurityException e) {
            throw new JoseException("Unable to get a Mac implementation of algorithm name: " + name, e);
        }
        // doFinal leaves the Mac initialised with the same key, ready for the next token
        initialised.mac.update(input, 0, length);
        return ByteUtil.secureEquals(signature, initialised.mac.doFinal());
    }
}
