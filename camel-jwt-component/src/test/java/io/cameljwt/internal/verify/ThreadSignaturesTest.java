package io.cameljwt.internal.verify;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Signature kept per thread gives jose4j's verdict for every signature, key and order of checks. */
class ThreadSignaturesTest {

    private static final byte[] INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ".getBytes(StandardCharsets.US_ASCII);

    private final ThreadSignatures signatures = new ThreadSignatures();

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "EdDSA"})
    void everySignatureGetsJose4jsVerdictWhateverTheKeyAndOrderOfChecks(String alg) throws Exception {
        JsonWebSignatureAlgorithm algorithm = algorithm(alg);
        assertTrue(ThreadSignatures.handles(algorithm));
        KeyPair a = pair(alg);
        KeyPair b = pair(alg);
        byte[] byA = sign(algorithm, a.getPrivate(), INPUT);
        byte[] byB = sign(algorithm, b.getPrivate(), INPUT);
        List<byte[]> candidates = new ArrayList<>(List.of(byA, byB, new byte[0], new byte[1],
                Arrays.copyOf(byA, byA.length - 1), Arrays.copyOf(byA, byA.length + 1), flipped(byA),
                new byte[byA.length], sign(algorithm, a.getPrivate(), OTHER_INPUT)));
        // each signature checked with each key, so the kept Signature goes from key to key and through refusals
        for (int round = 0; round < 2; round++) {
            for (byte[] signature : candidates) {
                for (Key key : List.of(a.getPublic(), b.getPublic())) {
                    for (byte[] input : List.of(INPUT, OTHER_INPUT)) {
                        assertEquals(algorithm.verifySignature(signature, key, input, new ProviderContext()),
                                signatures.verify(algorithm, signature, key, input));
                    }
                }
            }
        }
        assertTrue(signatures.verify(algorithm, byA, a.getPublic(), INPUT));
        assertFalse(signatures.verify(algorithm, byA, b.getPublic(), INPUT));
    }

    @Test
    void onlyTheGivenLengthOfABufferIsChecked() throws Exception {
        JsonWebSignatureAlgorithm rs256 = algorithm("RS256");
        KeyPair a = pair("RS256");
        byte[] byA = sign(rs256, a.getPrivate(), INPUT);
        byte[] buffer = Arrays.copyOf(INPUT, INPUT.length + 40);
        Arrays.fill(buffer, INPUT.length, buffer.length, (byte) 'x'); // what a longer token left there
        assertTrue(signatures.verify(rs256, byA, a.getPublic(), buffer, INPUT.length));
        assertFalse(signatures.verify(rs256, byA, a.getPublic(), buffer, INPUT.length - 1));
        assertFalse(signatures.verify(rs256, byA, a.getPublic(), buffer, buffer.length));
        assertTrue(signatures.verify(rs256, byA, a.getPublic(), buffer, INPUT.length));
    }

    @Test
    void psAndEsAlgorithmsAreLeftToJose4j() throws Exception {
        for (String alg : List.of("PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256")) {
            assertFalse(ThreadSignatures.handles(algorithm(alg)), alg);
        }
    }

    @Test
    void anEd448KeyAfterAnEd25519KeyIsCheckedAsJose4jChecksIt() throws Exception {
        JsonWebSignatureAlgorithm eddsa = algorithm("EdDSA");
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        assertTrue(signatures.verify(eddsa, sign(eddsa, ed25519.getPrivate(), INPUT), ed25519.getPublic(), INPUT));
        assertTrue(signatures.verify(eddsa, sign(eddsa, ed448.getPrivate(), INPUT), ed448.getPublic(), INPUT));
        assertFalse(signatures.verify(eddsa, sign(eddsa, ed25519.getPrivate(), INPUT), ed448.getPublic(), INPUT));
    }

    /** Each thread gets its own Signature: interleaved checks with two keys on two threads all get the right verdict. */
    @Test
    void twoThreadsCheckingWithTwoKeysAtOnceEachGetTheRightVerdicts() throws Exception {
        JsonWebSignatureAlgorithm rs256 = algorithm("RS256");
        KeyPair a = pair("RS256");
        KeyPair b = pair("RS256");
        byte[] byA = sign(rs256, a.getPrivate(), INPUT);
        byte[] byB = sign(rs256, b.getPrivate(), INPUT);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Callable<Integer> checks = () -> {
                    int wrong = 0;
                    for (int i = 0; i < 300; i++) {
                        boolean useA = i % 3 != 0;
                        Key key = useA ? a.getPublic() : b.getPublic();
                        wrong += signatures.verify(rs256, useA ? byA : byB, key, INPUT) ? 0 : 1;
                        wrong += signatures.verify(rs256, useA ? byB : byA, key, INPUT) ? 1 : 0;
                    }
                    return wrong;
                };
                results.add(threads.submit(checks));
            }
            for (Future<Integer> result : results) {
                assertEquals(0, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static JsonWebSignatureAlgorithm algorithm(String alg) throws Exception {
        return AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg);
    }

    private static KeyPair pair(String alg) throws Exception {
        if (alg.equals("EdDSA")) {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return rsa.generateKeyPair();
    }

    private static byte[] sign(JsonWebSignatureAlgorithm algorithm, PrivateKey key, byte[] input) throws Exception {
        Signature signature = Signature.getInstance(algorithm.getJavaAlgorithm());
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
    }

    private static byte[] flipped(byte[] signature) {
        byte[] copy = signature.clone();
        copy[copy.length / 2] ^= 1;
        return copy;
    }
}
