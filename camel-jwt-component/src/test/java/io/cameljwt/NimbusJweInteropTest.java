package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.camel.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nested tokens (signed, then encrypted) cross between the component and nimbus-jose-jwt in both directions: nimbus
 * signs and encrypts and jwt:validate decrypts and verifies; jwt:generate signs and encrypts and nimbus decrypts and
 * verifies. For RSA-OAEP-256, ECDH-ES+A256KW, A256KW and dir, each with A256GCM and A128CBC-HS256.
 */
class NimbusJweInteropTest extends JwtRouteTestSupport {

    private static final byte[] SIGNING_SECRET = Tokens.SECRET.getBytes(StandardCharsets.UTF_8);
    private static final String ISSUER = "https://login.example.com";

    static Stream<Arguments> matrix() {
        return Stream.of("RSA-OAEP-256", "ECDH-ES+A256KW", "A256KW", "dir")
                .flatMap(alg -> Stream.of("A256GCM", "A128CBC-HS256").map(enc -> Arguments.of(alg, enc)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void tokenSignedAndEncryptedByNimbusValidates(String alg, String enc) throws Exception {
        Instant now = Instant.now();
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("sig-1").build(),
                new JWTClaimsSet.Builder().subject("alice").issuer(ISSUER).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).claim("roles", List.of("user")).build());
        signed.sign(new MACSigner(SIGNING_SECRET));
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.parse(alg), EncryptionMethod.parse(enc))
                .contentType("JWT").build(), new Payload(signed));
        jwe.encrypt(encrypter(alg));
        String token = jwe.serialize();

        Message message = accepted(sendToken("jwt:validate?secret=" + Tokens.SECRET + "&issuer=" + ISSUER
                                             + "&requireEncryption=true&" + decryptionOptions(alg), token));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(List.of("user"), message.getHeader(JwtConstants.JWT_ROLES));
        Map<?, ?> header = message.getHeader(JwtConstants.JWT_HEADER, Map.class);
        assertEquals("HS256", header.get("alg"));
        assertEquals("sig-1", header.get("kid"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void tokenFromGenerateDecryptsAndVerifiesInNimbus(String alg, String enc) throws Exception {
        String uri = "jwt:generate?secret=" + Tokens.SECRET + "&subject=alice&issuer=" + ISSUER
                     + "&contentEncryptionAlgorithm=" + enc + "&" + encryptionOptions(alg);
        String token = accepted(send(uri, Map.of("roles", List.of("user")), Map.of())).getBody(String.class);

        JWEObject jwe = JWEObject.parse(token);
        assertEquals(JWEAlgorithm.parse(alg), jwe.getHeader().getAlgorithm());
        assertEquals(EncryptionMethod.parse(enc), jwe.getHeader().getEncryptionMethod());
        assertEquals("JWT", jwe.getHeader().getContentType());
        jwe.decrypt(decrypter(alg));
        SignedJWT signed = jwe.getPayload().toSignedJWT();
        assertTrue(signed.verify(new MACVerifier(SIGNING_SECRET)), "nimbus does not verify the signed token inside");
        JWTClaimsSet claims = signed.getJWTClaimsSet();
        assertEquals("alice", claims.getSubject());
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("user"), claims.getStringListClaim("roles"));
    }

    private static JWEEncrypter encrypter(String alg) throws Exception {
        return switch (alg) {
            case "RSA-OAEP-256" -> new RSAEncrypter((RSAPublicKey) TestKeys.keyPair("rsa").getPublic());
            case "ECDH-ES+A256KW" -> new ECDHEncrypter((ECPublicKey) TestKeys.keyPair("ec256").getPublic());
            case "A256KW" -> new AESEncrypter(EncryptionTest.SECRET_32);
            default -> new DirectEncrypter(EncryptionTest.SECRET_32);
        };
    }

    private static JWEDecrypter decrypter(String alg) throws Exception {
        return switch (alg) {
            case "RSA-OAEP-256" -> new RSADecrypter(TestKeys.keyPair("rsa").getPrivate());
            case "ECDH-ES+A256KW" -> {
                KeyPair pair = TestKeys.keyPair("ec256");
                yield new ECDHDecrypter((ECPrivateKey) pair.getPrivate());
            }
            case "A256KW" -> new AESDecrypter(EncryptionTest.SECRET_32);
            default -> new DirectDecrypter(EncryptionTest.SECRET_32);
        };
    }

    private static String encryptionOptions(String alg) {
        return switch (alg) {
            case "RSA-OAEP-256" -> "encryptionKey=classpath:keys/rsa-public.pem";
            case "ECDH-ES+A256KW" -> "encryptionKey=classpath:keys/ec256-public.pem";
            case "A256KW" -> EncryptionTest.secret("encryptionKey", EncryptionTest.SECRET_32);
            default -> EncryptionTest.secret("encryptionKey", EncryptionTest.SECRET_32) + "&keyManagementAlgorithm=dir";
        };
    }

    private static String decryptionOptions(String alg) {
        return switch (alg) {
            case "RSA-OAEP-256" -> "decryptionKey=classpath:keys/rsa-pkcs8.pem";
            case "ECDH-ES+A256KW" -> "decryptionKey=classpath:keys/ec256-pkcs8.pem";
            case "A256KW" -> EncryptionTest.secret("decryptionKey", EncryptionTest.SECRET_32);
            default -> EncryptionTest.secret("decryptionKey", EncryptionTest.SECRET_32) + "&keyManagementAlgorithm=dir";
        };
    }
}
