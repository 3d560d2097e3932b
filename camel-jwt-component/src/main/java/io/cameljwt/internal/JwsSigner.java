package io.cameljwt.internal;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cameljwt.internal.keys.SigningKey;
import org.jose4j.jca.ProviderContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * Signs a payload into a compact JWS with the endpoint's one signing key and fixed header parameters. The header is
 * the same for every token of the endpoint, so it is written and encoded once, at start; each token then costs one
 * Base64url encoding of its payload and one call of jose4j's signature algorithm on the bytes to sign, which is what
 * jose4j's {@code JsonWebSignature} does underneath its text handling.
 */
final class JwsSigner {

    /**
     * Header parameters that other options own, or that would change how the token is read (cty: JWT announces a
     * nested token, RFC 7519 section 5.2). Key pointers (jku, x5u, x5c, jwk) stay allowed: some APIs ask for them
     * (SMART Backend Services' jku), and pointing at its own keys is the issuer's choice.
     */
    private static final Set<String> RESERVED = Set.of("alg", "kid", "typ", "crit", "b64", "zip", "enc", "cty");
    /** jose4j's default: the JCA's preferred providers. Holds no state a signature changes. */
    private static final ProviderContext PROVIDERS = new ProviderContext();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Key key;
    private final JsonWebSignatureAlgorithm algorithm;
    /** The encoded header and the dot after it: the start of every token. */
    private final String encodedHeaderAndDot;

    JwsSigner(SigningKey key, String type, Map<String, Object> extraHeaders) {
        for (String name : extraHeaders.keySet()) {
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Option 'header." + name + "' is not allowed: "
                                                   + (name.equals("kid") ? "use 'keyId'" : name.equals("typ") ? "use 'type'"
                                                           : name.equals("alg") ? "use 'algorithm'" : "it changes how tokens are read"));
            }
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.algorithm());
        if (key.kid() != null) {
            header.put("kid", key.kid());
        }
        if (type != null && !type.isEmpty()) {
            header.put("typ", type);
        }
        header.putAll(extraHeaders);
        this.encodedHeaderAndDot = BASE64URL.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8)) + ".";
        this.key = key.entry().key();
        try {
            this.algorithm = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(key.algorithm());
            algorithm.validateSigningKey(this.key);
        } catch (JoseException e) {
            // SigningKey has matched key and algorithm already; this JVM may still lack the algorithm (no EdDSA provider)
            throw new IllegalArgumentException("Option 'algorithm': " + key.algorithm() + " cannot sign with this key here ("
                                               + e.getClass().getSimpleName() + ")", e);
        }
    }

    String sign(String payloadJson) throws JoseException {
        String signingInput = encodedHeaderAndDot + BASE64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        // a CryptoPrimitive holds an initialised Signature or Mac, which is not thread-safe: one per token
        byte[] signature = algorithm.sign(algorithm.prepareForSign(key, PROVIDERS),
                signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }
}
