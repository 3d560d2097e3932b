package io.cameljwt.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cameljwt.JwtConfiguration;
import io.cameljwt.JwtConstants;
import io.cameljwt.JwtOperation;
import io.cameljwt.JwtValidationException;
import io.cameljwt.TestSettings;
import io.cameljwt.internal.JwtMetrics;
import io.cameljwt.internal.Operations;
import io.cameljwt.internal.keys.Pem;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ResourceHelper;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The validate endpoints the fuzz tests feed, each built as a {@code jwt:validate} endpoint builds its operation when
 * it starts ({@link Operations#create}), and the keys of the test resources ({@code keys/}, see its README) that sign
 * and encrypt the seed tokens. A token goes through the whole operation: token locator, decryption, signature, claims
 * policy, result headers.
 */
final class FuzzEndpoints {

    static final String ISSUER = "https://issuer.fuzz.example";
    static final String AUDIENCE = "fuzz-api";
    /** The HS256 secret of the HMAC endpoint: 32 bytes of UTF-8. */
    static final String SECRET = "fuzz-secret-0123456789abcdefghij";
    /** The PBES2 password of JweFuzzTest's password endpoint, and the iteration count bound it sets (the least allowed). */
    static final String PBES2_PASSWORD = "fuzz-password-of-pbes2";
    static final int MAX_PBES2_COUNT = 1000;
    /** The algorithms of the public key endpoint, one per key of {@link #PUBLIC_JWKS} (RSA serves two). */
    static final String PUBLIC_ALGORITHMS = "RS256,PS256,ES256,EdDSA";
    /** The kid of each key family's JWK in {@link #PUBLIC_JWKS}. */
    static final List<String> FAMILIES = List.of("rsa", "ec256", "ed25519");

    private static final CamelContext CONTEXT = startedContext();
    /** The public keys of {@link #FAMILIES} as a JWK Set, each under its family's name as kid. */
    static final String PUBLIC_JWKS = publicJwks();

    private FuzzEndpoints() {
    }

    /** A validate configuration that checks issuer and audience (what every production endpoint should). */
    static JwtConfiguration validateConfig() {
        JwtConfiguration config = new JwtConfiguration();
        config.setIssuer(ISSUER);
        config.setAudience(AUDIENCE);
        return config;
    }

    /** The endpoint that verifies HS256 tokens with {@link #SECRET}. */
    static JwtConfiguration hmacConfig() {
        JwtConfiguration config = validateConfig();
        config.setSecret(SECRET);
        return config;
    }

    /** The endpoint that verifies RS256, PS256, ES256 and EdDSA tokens with the public keys of {@link #PUBLIC_JWKS}. */
    static JwtConfiguration publicKeyConfig() {
        JwtConfiguration config = validateConfig();
        config.setJwks(PUBLIC_JWKS);
        config.setAlgorithm(PUBLIC_ALGORITHMS);
        return config;
    }

    /**
     * The operation of a validate endpoint with this configuration, as the endpoint builds it at start (whose check of
     * each option's value alone, {@code checkValues}, the configurations here pass).
     */
    static Processor validate(JwtConfiguration config) {
        return Operations.create(JwtOperation.validate, TestSettings.of(config), Set.of(), CONTEXT, "fuzz", new JwtMetrics());
    }

    /**
     * Whether the endpoint accepts the token (in the body): true if it passes, false if it is refused with a
     * {@link JwtValidationException}. Anything else the operation throws is passed on, to fail the fuzz test.
     */
    static boolean accepts(Processor endpoint, String token) throws Exception {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setBody(token);
        try {
            endpoint.process(exchange);
        } catch (JwtValidationException refused) {
            return false;
        }
        if (!Boolean.TRUE.equals(exchange.getMessage().getHeader(JwtConstants.JWT_VALID))) {
            throw new AssertionError("validate neither refused nor accepted the token (no " + JwtConstants.JWT_VALID
                                     + " header)");
        }
        return true;
    }

    /** The AES secret of JweFuzzTest's key wraps: 32 bytes. */
    static byte[] aesSecret() {
        return "fuzz-aes-key-0123456789abcdefghi".getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a test resource. */
    static String resource(String path) {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(CONTEXT, "classpath:" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64url without padding, as in a compact JWS or JWE. */
    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A compact HS256 JWS of these exact header and payload bytes, signed with {@link #SECRET}. */
    static String hs256(byte[] header, byte[] payload) {
        String signingInput = b64(header) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicJwks() {
        try {
            JsonWebKeySet set = new JsonWebKeySet();
            for (String family : FAMILIES) {
                PublicKey key = Pem.publicKey(resource("keys/" + family + "-public.pem"), "publicKey");
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
                jwk.setKeyId(family);
                set.addJsonWebKey(jwk);
            }
            return set.toJson();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CamelContext startedContext() {
        CamelContext context = new DefaultCamelContext();
        context.start();
        return context;
    }
}
