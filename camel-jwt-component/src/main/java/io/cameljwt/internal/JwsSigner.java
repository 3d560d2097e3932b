package io.cameljwt.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cameljwt.internal.keys.SigningKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs a payload into a compact JWS with the endpoint's one signing key and fixed header parameters.
 */
final class JwsSigner {

    /**
     * Header parameters that other options own, or that would change how the token is read (cty: JWT announces a
     * nested token, RFC 7519 section 5.2). Key pointers (jku, x5u, x5c, jwk) stay allowed: some APIs ask for them
     * (SMART Backend Services' jku), and pointing at its own keys is the issuer's choice.
     */
    private static final Set<String> RESERVED = Set.of("alg", "kid", "typ", "crit", "b64", "zip", "enc", "cty");

    private final SigningKey key;
    private final String type;
    private final Map<String, Object> extraHeaders;

    JwsSigner(SigningKey key, String type, Map<String, Object> extraHeaders) {
        for (String name : extraHeaders.keySet()) {
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Option 'header." + name + "' is not allowed: "
                                                   + (name.equals("kid") ? "use 'keyId'" : name.equals("typ") ? "use 'type'"
                                                           : name.equals("alg") ? "use 'algorithm'" : "it changes how tokens are read"));
            }
        }
        this.key = key;
        this.type = type;
        this.extraHeaders = new LinkedHashMap<>(extraHeaders);
    }

    String sign(String payloadJson) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(key.algorithm());
        if (key.kid() != null) {
            jws.setKeyIdHeaderValue(key.kid());
        }
        if (type != null && !type.isEmpty()) {
            jws.setHeader("typ", type);
        }
        extraHeaders.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
        jws.setPayload(payloadJson);
        jws.setKey(key.entry().key());
        return jws.getCompactSerialization();
    }
}
