package io.cameljwt.internal.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.settings.OptionValues;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * The static keys that verify tokens, indexed by the algorithms they may be used with. The accepted algorithms are
 * always an explicit list: the {@code algorithm} option, or else the defaults of the keys themselves.
 */
public final class VerificationKeys implements KeySource {

    private final Map<String, List<KeyEntry>> byAlgorithm;
    private final Set<String> kids;

    private VerificationKeys(Map<String, List<KeyEntry>> byAlgorithm) {
        this.byAlgorithm = byAlgorithm;
        Set<String> all = new HashSet<>();
        byAlgorithm.values().forEach(keys -> keys.forEach(key -> {
            if (key.kid() != null) {
                all.add(key.kid());
            }
        }));
        this.kids = Set.copyOf(all);
    }

    /**
     * @param keys      every configured key; private keys take part through their public half
     * @param algorithm the {@code algorithm} option (a comma list), or null for the keys' defaults
     */
    public static VerificationKeys of(List<KeyEntry> keys, String algorithm) {
        List<KeyEntry> verifiers = keys.stream().filter(KeyEntry::canVerify).toList();
        if (verifiers.isEmpty()) {
            throw new IllegalArgumentException(keys.isEmpty()
                    ? "validate needs a verification key: set 'secret', 'publicKey', 'privateKey' (RSA), 'keyStore',"
                      + " 'jwks', 'jwksUri' or 'issuerUri'"
                    : whyNoneVerifies(keys));
        }
        // a weak key is named before any algorithm is fitted, so the message blames the key, not 'algorithm'
        for (KeyEntry key : verifiers) {
            String weakness = weakness(key);
            if (weakness != null) {
                throw new IllegalArgumentException("Option " + key.describe() + ": " + weakness);
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        if (algorithm != null && !algorithm.isBlank()) {
            allowed.addAll(OptionValues.commaList(algorithm));
        } else {
            for (KeyEntry key : verifiers) {
                String byDefault = Algorithms.defaultFor(key);
                if (byDefault == null) {
                    throw new IllegalArgumentException(
                            "Option 'algorithm' is needed: no default fits the key of " + key.describe());
                }
                allowed.add(byDefault);
            }
        }
        allowed.forEach(Algorithms::requireUsable);
        Map<String, List<KeyEntry>> byAlgorithm = KeysByAlgorithm.of(allowed, verifiers, VerificationKeys::misfit,
                "algorithm");
        Set<KeyEntry> used = new LinkedHashSet<>();
        byAlgorithm.values().forEach(used::addAll);
        requireOneKind(used);
        requireDistinctKids(used);
        return new VerificationKeys(Collections.unmodifiableMap(byAlgorithm));
    }

    /**
     * The keys of a JWK Set fetched from a remote endpoint. Unlike configured keys, a key that cannot serve is left out
     * (and said in {@code skipped}) rather than failing: an identity provider publishes encryption keys, keys for other
     * algorithms, and now and then a key this component refuses, next to the ones that sign its tokens. An HMAC secret
     * is never taken from a remote set: anyone who can read the set could sign with it.
     *
     * @param algorithms the {@code algorithm} option as a list, or empty for the keys' own defaults
     * @throws IllegalArgumentException if no key is left
     */
    public static VerificationKeys fetched(List<KeyEntry> keys, List<String> algorithms, List<String> skipped) {
        Map<String, List<KeyEntry>> byAlgorithm = new LinkedHashMap<>();
        for (KeyEntry key : keys) {
            String problem = key.isSecret() ? "a secret key (kty oct) is never taken from a remote JWK Set"
                    : !key.canVerify() ? key.whyNotVerifier() : weakness(key);
            List<String> fitting = new ArrayList<>();
            if (problem == null) {
                String byDefault = Algorithms.defaultFor(key);
                List<String> wanted = !algorithms.isEmpty() ? algorithms
                        : byDefault != null ? List.of(byDefault) : List.of();
                for (String alg : wanted) {
                    if (misfit(alg, key) == null) {
                        fitting.add(alg);
                    }
                }
                if (fitting.isEmpty()) {
                    problem = wanted.isEmpty() ? "no supported algorithm fits it"
                            : "it fits none of the algorithms " + String.join(", ", wanted);
                }
            }
            if (problem != null) {
                skipped.add("kid " + safe(key.kid(), 64) + ": " + problem);
                continue;
            }
            for (String alg : fitting) {
                byAlgorithm.computeIfAbsent(alg, a -> new ArrayList<>()).add(key);
            }
        }
        if (byAlgorithm.isEmpty()) {
            throw new IllegalArgumentException("the JWK Set holds no key that can verify tokens");
        }
        byAlgorithm.replaceAll((alg, list) -> List.copyOf(list));
        return new VerificationKeys(Collections.unmodifiableMap(byAlgorithm));
    }

    /** Why none of the keys can verify, key by key, each named by its option. */
    private static String whyNoneVerifies(List<KeyEntry> keys) {
        if (keys.size() == 1) {
            return "Option " + keys.get(0).describe() + ": " + keys.get(0).whyNotVerifier();
        }
        return "validate needs a verification key, and none of the configured keys can verify ("
               + keys.stream().map(k -> k.describe() + ": " + k.whyNotVerifier()).collect(Collectors.joining("; "))
               + ")";
    }

    /**
     * HMAC secrets and public keys are not accepted side by side: which kind checks a token would then depend on the
     * token's own header (Wycheproof's mixed key set vectors).
     */
    private static void requireOneKind(Set<KeyEntry> used) {
        List<String> secrets = used.stream().filter(KeyEntry::isSecret).map(KeyEntry::describe).distinct().toList();
        List<String> others = used.stream().filter(k -> !k.isSecret()).map(KeyEntry::describe).distinct().toList();
        if (!secrets.isEmpty() && !others.isEmpty()) {
            throw new IllegalArgumentException("The verification keys mix HMAC secrets (" + String.join(", ", secrets)
                                               + ") with public keys (" + String.join(", ", others)
                                               + "): keep one kind, or narrow 'algorithm'");
        }
    }

    /** Two different keys under one {@code kid} make the kid ambiguous (RFC 7517 section 4.5): refused. */
    private static void requireDistinctKids(Set<KeyEntry> used) {
        Map<String, KeyEntry> byKid = new HashMap<>();
        for (KeyEntry key : used) {
            if (key.kid() == null) {
                continue;
            }
            KeyEntry other = byKid.putIfAbsent(key.kid(), key);
            if (other != null && !other.verificationKey().equals(key.verificationKey())) {
                throw new IllegalArgumentException(
                        "Option " + key.describe() + ": two different keys have this kid; give each key its own kid");
            }
        }
    }

    /**
     * Why a key cannot verify tokens of {@code algorithm}, or null: the component's rules ({@link Algorithms#misfit}),
     * then jose4j's own check of a verification key for the algorithm. Both once per key, here, when the keys are
     * loaded or fetched; the verifier then never checks a key per message.
     */
    static String misfit(String algorithm, KeyEntry key) {
        String misfit = Algorithms.misfit(algorithm, key);
        if (misfit != null) {
            return misfit;
        }
        JsonWebSignatureAlgorithm jose4j;
        try {
            jose4j = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(algorithm);
        } catch (JoseException unavailable) {
            return null; // this JVM cannot check the algorithm: the verifier refuses its tokens, as jose4j would
        }
        try {
            jose4j.validateVerificationKey(key.verificationKey());
            return null;
        } catch (JoseException e) {
            return "jose4j refuses it as a " + algorithm + " key (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** RFC 7518 minimum sizes, checked for every key even when another algorithm is the one used. */
    static String weakness(KeyEntry key) {
        String byDefault = Algorithms.defaultFor(key);
        return byDefault == null ? null : Algorithms.misfit(byDefault, key);
    }

    @Override
    public Set<String> algorithms() {
        return byAlgorithm.keySet();
    }

    /** Whether some key has this {@code kid}. */
    public boolean hasKid(String kid) {
        return kids.contains(kid);
    }

    /** Every {@code kid} of these keys. */
    public Set<String> kids() {
        return kids;
    }

    @Override
    public List<KeyEntry> candidates(String algorithm, String kid, Token token) throws TokenRefusal {
        return candidates(algorithm, kid);
    }

    /**
     * The keys to try for a token: those that fit its algorithm and, where the token names a {@code kid}, those with
     * that kid (keys that have no kid, such as a PEM key or a secret, are tried for any kid).
     */
    public List<KeyEntry> candidates(String algorithm, String kid) throws TokenRefusal {
        List<KeyEntry> fitting = byAlgorithm.get(algorithm);
        if (fitting == null) {
            throw new TokenRefusal(JwtFailure.ALGORITHM_NOT_ALLOWED, "algorithm " + safe(algorithm) + " is not accepted");
        }
        if (kid == null) {
            return fitting;
        }
        List<KeyEntry> matching = new ArrayList<>(fitting.size());
        for (KeyEntry key : fitting) {
            if (key.kid() == null || key.kid().equals(kid)) {
                matching.add(key);
            }
        }
        if (matching.isEmpty()) {
            throw new TokenRefusal(JwtFailure.KEY_NOT_FOUND, "no " + algorithm + " key has the token's kid");
        }
        return matching;
    }

    /** A header value from the token, shortened and stripped so it cannot flood or forge a log line. */
    static String safe(String value) {
        return safe(value, 20);
    }

    /** As {@link #safe(String)}, with room for {@code max} characters (a kid from a trusted JWK Set, for a log). */
    public static String safe(String value, int max) {
        if (value == null) {
            return "(none)";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9+_.-]", "?");
        return cleaned.length() > max ? cleaned.substring(0, max) + "..." : cleaned;
    }
}
