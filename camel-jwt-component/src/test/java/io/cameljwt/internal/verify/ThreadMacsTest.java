package io.cameljwt.internal.verify;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.HmacUsingShaAlgorithm;
import org.jose4j.lang.InvalidKeyException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadMacsTest {

    private static final Key KEY_A = new SecretKeySpec("a-secret-of-thirty-two-bytes-aaa".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");
    private static final Key KEY_B = new SecretKeySpec("a-secret-of-thirty-two-bytes-bbb".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");
    private static final byte[] INPUT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private final ThreadMacs macs = new ThreadMacs();

    @Test
    void theMacKeptForAThreadFollowsEachKeyItIsGiven() throws Exception {
        HmacUsingShaAlgorithm hs256 = algorithm("HS256");
        byte[] byA = hmac("HmacSHA256", KEY_A, INPUT);
        assertTrue(macs.verify(hs256, byA, KEY_A, INPUT));
        assertFalse(macs.verify(hs256, byA, KEY_B, INPUT), "checked with the key of before");
        assertTrue(macs.verify(hs256, hmac("HmacSHA256", KEY_B, INPUT), KEY_B, INPUT));
        assertTrue(macs.verify(hs256, byA, KEY_A, INPUT));
        assertFalse(macs.verify(hs256, byA, KEY_A, "another input".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void eachAlgorithmHasAMacOfItsOwn() throws Exception {
        byte[] hs384 = hmac("HmacSHA384", KEY_A, INPUT);
        assertTrue(macs.verify(algorithm("HS384"), hs384, KEY_A, INPUT));
        assertFalse(macs.verify(algorithm("HS256"), hs384, KEY_A, INPUT));
        assertTrue(macs.verify(algorithm("HS384"), hs384, KEY_A, INPUT));
        assertTrue(macs.verify(algorithm("HS512"), hmac("HmacSHA512", KEY_A, INPUT), KEY_A, INPUT));
    }

    @Test
    void onlyTheGivenLengthOfABufferIsChecked() throws Exception {
        HmacUsingShaAlgorithm hs256 = algorithm("HS256");
        byte[] buffer = java.util.Arrays.copyOf(INPUT, INPUT.length + 40);
        java.util.Arrays.fill(buffer, INPUT.length, buffer.length, (byte) 'x'); // what a longer token left there
        byte[] byA = hmac("HmacSHA256", KEY_A, INPUT);
        assertTrue(macs.verify(hs256, byA, KEY_A, buffer, INPUT.length));
        assertFalse(macs.verify(hs256, byA, KEY_A, buffer, INPUT.length - 1));
        assertFalse(macs.verify(hs256, byA, KEY_A, buffer, buffer.length));
    }

    @Test
    void aTruncatedOrEmptySignatureIsRefused() throws Exception {
        byte[] full = hmac("HmacSHA256", KEY_A, INPUT);
        byte[] truncated = new byte[16];
        System.arraycopy(full, 0, truncated, 0, truncated.length);
        assertFalse(macs.verify(algorithm("HS256"), truncated, KEY_A, INPUT));
        assertFalse(macs.verify(algorithm("HS256"), new byte[0], KEY_A, INPUT));
    }

    @Test
    void aKeyThatIsNoSecretIsRefusedAsJose4jRefusesIt() throws Exception {
        Key publicKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        assertThrows(InvalidKeyException.class,
                () -> macs.verify(algorithm("HS256"), new byte[32], publicKey, INPUT));
    }

    /** Each thread gets its own Mac: interleaved checks with two keys on two threads all get the right verdict. */
    @Test
    void twoThreadsCheckingWithTwoKeysAtOnceEachGetTheRightVerdicts() throws Exception {
        HmacUsingShaAlgorithm hs256 = algorithm("HS256");
        byte[] byA = hmac("HmacSHA256", KEY_A, INPUT);
        byte[] byB = hmac("HmacSHA256", KEY_B, INPUT);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Key first = t == 0 ? KEY_A : KEY_B;
                Key second = t == 0 ? KEY_B : KEY_A;
                Callable<Integer> task = () -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        Key key = i % 2 == 0 ? first : second;
                        byte[] good = key == KEY_A ? byA : byB;
                        byte[] bad = key == KEY_A ? byB : byA;
                        wrong += macs.verify(hs256, good, key, INPUT) ? 0 : 1;
                        wrong += macs.verify(hs256, bad, key, INPUT) ? 1 : 0;
                    }
                    return wrong;
                };
                results.add(threads.submit(task));
            }
            for (Future<Integer> result : results) {
                assertEquals(0, result.get(), "wrong verdicts");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static HmacUsingShaAlgorithm algorithm(String alg) throws Exception {
        return (HmacUsingShaAlgorithm) AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg);
    }

    private static byte[] hmac(String algorithm, Key key, byte[] input) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(key);
        return mac.doFinal(input);
    }
}
