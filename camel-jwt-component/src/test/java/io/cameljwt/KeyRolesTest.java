package io.cameljwt;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which configured keys sign and which verify: keys meant for encryption are left out rather than refused, and when no
 * key can verify the message says why for each key, naming its option.
 */
class KeyRolesTest extends JwtRouteTestSupport {

    private static final String SIGN_WITH_RSA = "jwt:generate?privateKey=classpath:keys/rsa-pkcs8.pem";

    @ParameterizedTest
    @ValueSource(strings = { "ec256-pkcs8.pem", "ed25519-pkcs8.pem" })
    void ecOrEdDsaPrivateKeyAloneCannotValidateAndTheMessageSaysToSetPublicKey(String file) {
        assertEquals("Option 'privateKey': an EC or EdDSA private key cannot verify on its own; set 'publicKey' (or use"
                     + " a key store / JWK that holds the public key)",
                startFailure("jwt:validate?privateKey=classpath:keys/" + file));
    }

    /** An RSA private key carries its public half, so it verifies on its own (docs/options.md, privateKey). */
    @ParameterizedTest
    @ValueSource(strings = { "rsa-pkcs8.pem", "rsa-pkcs1.pem" })
    void rsaPrivateKeyAloneValidatesThroughItsPublicHalf(String file) {
        String token = template.requestBody(routeTo(SIGN_WITH_RSA), Map.of("sub", "alice"), String.class);
        Object subject = accepted(sendToken("jwt:validate?privateKey=classpath:keys/" + file, token))
                .getHeader(JwtConstants.JWT_SUBJECT);
        assertEquals("alice", subject);
    }

    @Test
    void whenNoKeyOfAJwkSetCanVerifyEachKeyIsNamedWithItsReason() {
        String set = set(rsa("enc-key").keyUse(KeyUse.ENCRYPTION).build().toPublicJWK(),
                rsa("sign-only").keyOperations(Set.of(KeyOperation.SIGN)).build().toPublicJWK());
        assertEquals("validate needs a verification key, and none of the configured keys can verify ('jwks' (kid"
                     + " enc-key): its use is enc, not sig; 'jwks' (kid sign-only): its key_ops do not include verify)",
                startFailure("jwt:validate?jwks=RAW(" + set + ")"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "&algorithm=RS256", "" })
    void encryptionKeyWithoutUseInAJwkSetIsLeftOutOfValidation(String algorithm) {
        // bound to RSA-OAEP-256, which is no JWS algorithm: not a verification key, whatever 'algorithm' says
        String set = set(rsa("sig").build().toPublicJWK(),
                otherRsa("enc").algorithm(JWEAlgorithm.RSA_OAEP_256).build().toPublicJWK());
        String token = template.requestBody(routeTo(SIGN_WITH_RSA), Map.of("sub", "alice"), String.class);
        Object subject = accepted(sendToken("jwt:validate?jwks=RAW(" + set + ")" + algorithm, token))
                .getHeader(JwtConstants.JWT_SUBJECT);
        assertEquals("alice", subject);
    }

    @Test
    void encryptionKeyWithoutUseInAJwkSetIsLeftOutOfSigning() {
        // two private keys, one bound to RSA-OAEP-256: the other is the only signing key, so no keyId is needed
        String set = set(rsa("sig").build(), otherRsa("enc").algorithm(JWEAlgorithm.RSA_OAEP_256).build());
        String token = template.requestBody(routeTo("jwt:generate?algorithm=RS256&jwks=RAW(" + set + ")"),
                Map.of("sub", "bob"), String.class);
        Object subject = accepted(sendToken("jwt:validate?publicKey=classpath:keys/rsa-public.pem", token))
                .getHeader(JwtConstants.JWT_SUBJECT);
        assertEquals("bob", subject);
    }

    /** The RSA key of the test key files, as a JWK with its private part. */
    private static RSAKey.Builder rsa(String kid) {
        return new RSAKey.Builder((RSAKey) TestKeys.jwk(TestKeys.keyPair("rsa"), kid));
    }

    /** A fresh RSA key, as a JWK with its private part. */
    private static RSAKey.Builder otherRsa(String kid) {
        return new RSAKey.Builder((RSAKey) TestKeys.jwk(TestKeys.otherKeyPair("rsa"), kid));
    }

    private static String set(JWK... keys) {
        return new JWKSet(List.of(keys)).toString(false);
    }

    /** The innermost message of the failure to start a route through {@code uri}. */
    private String startFailure(String uri) {
        Exception failure = assertThrows(FailedToStartRouteException.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start-" + context.getRoutes().size()).to(uri);
            }
        }));
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
