package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.Registry;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encrypted tokens (nested JWTs: a JWS inside a JWE) through routes: generate signs then encrypts, validate and decode
 * decrypt then go the usual way; the allowlists, the opt-in algorithms, compression, and hostile encrypted tokens.
 * The inner tokens are signed with the HMAC secret of {@link Tokens}; the encryption keys are those of
 * {@code src/test/resources/keys} and secrets made here.
 */
class EncryptionTest extends JwtRouteTestSupport {

    private static final String SIGN = "secret=" + Tokens.SECRET;
    private static final String RSA_ENCRYPT = "encryptionKey=classpath:keys/rsa-public.pem";
    private static final String RSA_DECRYPT = "decryptionKey=classpath:keys/rsa-pkcs8.pem";
    private static final String GENERATE = "jwt:generate?" + SIGN + "&subject=alice&";
    private static final String VALIDATE = "jwt:validate?" + SIGN + "&";
    private static final String DECODE = "jwt:decode?";

    static final byte[] SECRET_16 = bytes(16, 1);
    static final byte[] SECRET_24 = bytes(24, 2);
    static final byte[] SECRET_32 = bytes(32, 3);
    static final byte[] SECRET_64 = bytes(64, 4);
    /** A PBES2 password: any length. */
    static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void bindToRegistry(Registry registry) {
        KeyPair rsa = TestKeys.keyPair("rsa");
        registry.bind("recipientPublicKey", rsa.getPublic());
        registry.bind("recipientPrivateKey", rsa.getPrivate());
        registry.bind("recipientKeyPair", rsa);
        // a secret whose algorithm is not AES, as a key store or another library might name it
        registry.bind("wrapSecret", new SecretKeySpec(SECRET_32, "HmacSHA256"));
        registry.bind("decryptionJwk", octJwk(SECRET_32, null));
    }

    // --- round trips -----------------------------------------------------------------------------------------------

    /** One way to encrypt: the options of generate and validate, and the algorithms the token must show. */
    record Mode(String name, String encrypt, String decrypt, String alg, String enc) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mode> modes() {
        return Stream.of(
                new Mode("RSA key: RSA-OAEP-256 by default", RSA_ENCRYPT, RSA_DECRYPT, "RSA-OAEP-256", "A256GCM"),
                new Mode("RSA-OAEP", RSA_ENCRYPT + "&keyManagementAlgorithm=RSA-OAEP", RSA_DECRYPT, "RSA-OAEP", "A256GCM"),
                new Mode("RSA1_5 where both name it", RSA_ENCRYPT + "&keyManagementAlgorithm=RSA1_5",
                        RSA_DECRYPT + "&keyManagementAlgorithm=RSA1_5", "RSA1_5", "A256GCM"),
                new Mode("P-256 key: ECDH-ES+A256KW by default", "encryptionKey=classpath:keys/ec256-public.pem",
                        "decryptionKey=classpath:keys/ec256-pkcs8.pem", "ECDH-ES+A256KW", "A256GCM"),
                new Mode("ECDH-ES with a P-384 key", "encryptionKey=classpath:keys/ec384-cert.pem&keyManagementAlgorithm=ECDH-ES",
                        "decryptionKey=classpath:keys/ec384-sec1.pem", "ECDH-ES", "A256GCM"),
                new Mode("ECDH-ES+A128KW with a P-521 key",
                        "encryptionKey=classpath:keys/ec521-public.pem&keyManagementAlgorithm=ECDH-ES+A128KW",
                        "decryptionKey=classpath:keys/ec521-pkcs8.pem", "ECDH-ES+A128KW", "A256GCM"),
                new Mode("ECDH-ES+A192KW", "encryptionKey=classpath:keys/ec256-public.pem&keyManagementAlgorithm=ECDH-ES+A192KW",
                        "decryptionKey=classpath:keys/ec256-pkcs8.pem", "ECDH-ES+A192KW", "A256GCM"),
                new Mode("32-byte secret: A256KW by default", secret("encryptionKey", SECRET_32),
                        secret("decryptionKey", SECRET_32), "A256KW", "A256GCM"),
                new Mode("24-byte secret: A192KW by default", secret("encryptionKey", SECRET_24),
                        secret("decryptionKey", SECRET_24), "A192KW", "A256GCM"),
                new Mode("16-byte secret: A128KW by default", secret("encryptionKey", SECRET_16),
                        secret("decryptionKey", SECRET_16), "A128KW", "A256GCM"),
                new Mode("A256GCMKW", secret("encryptionKey", SECRET_32) + "&keyManagementAlgorithm=A256GCMKW",
                        secret("decryptionKey", SECRET_32), "A256GCMKW", "A256GCM"),
                new Mode("A128GCMKW", secret("encryptionKey", SECRET_16) + "&keyManagementAlgorithm=A128GCMKW",
                        secret("decryptionKey", SECRET_16), "A128GCMKW", "A256GCM"),
                new Mode("dir with a 32-byte secret: A256GCM", secret("encryptionKey", SECRET_32) + "&keyManagementAlgorithm=dir",
                        secret("decryptionKey", SECRET_32) + "&keyManagementAlgorithm=dir", "dir", "A256GCM"),
                new Mode("dir with a 64-byte secret: A256CBC-HS512",
                        secret("encryptionKey", SECRET_64) + "&keyManagementAlgorithm=dir",
                        secret("decryptionKey", SECRET_64) + "&keyManagementAlgorithm=dir", "dir", "A256CBC-HS512"),
                new Mode("PBES2-HS256+A128KW where both name it",
                        secret("encryptionKey", PASSWORD) + "&keyManagementAlgorithm=PBES2-HS256+A128KW",
                        secret("decryptionKey", PASSWORD) + "&keyManagementAlgorithm=PBES2-HS256+A128KW",
                        "PBES2-HS256+A128KW", "A256GCM"),
                new Mode("key store entries (keyStore:ALIAS), signed with another entry",
                        "keyStore=classpath:keys/keys.p12&keyStorePassword=storepass&keyAlias=ec256&encryptionKey=keyStore:rsa",
                        "keyStore=classpath:keys/keys.p12&keyStorePassword=storepass&keyAlias=ec256&decryptionKey=keyStore:rsa",
                        "RSA-OAEP-256", "A256GCM"),
                new Mode("#bean keys: PublicKey and PrivateKey", "encryptionKey=#recipientPublicKey",
                        "decryptionKey=#recipientPrivateKey", "RSA-OAEP-256", "A256GCM"),
                new Mode("#bean keys: KeyPair", "encryptionKey=#recipientKeyPair", "decryptionKey=#recipientKeyPair",
                        "RSA-OAEP-256", "A256GCM"),
                new Mode("#bean keys: a SecretKey and a JWK as text", "encryptionKey=#wrapSecret",
                        "decryptionKey=#bean:decryptionJwk", "A256KW", "A256GCM"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void encryptedTokenFromGenerateValidatesAndDecodes(Mode mode) {
        // with a key store, the signing key is the ec256 entry (keyAlias), not the secret
        boolean keyStore = mode.encrypt().contains("keyStore=");
        String generate = (keyStore ? "jwt:generate?subject=alice&" : GENERATE) + mode.encrypt();
        String validate = (keyStore ? "jwt:validate?" : VALIDATE) + mode.decrypt();
        String token = generate(generate);

        assertEquals(5, Tokens.parts(token).length, "not a compact JWE");
        Map<String, Object> outer = header(token);
        assertEquals(mode.alg(), outer.get("alg"));
        assertEquals(mode.enc(), outer.get("enc"));
        assertEquals("JWT", outer.get("cty"));

        Message validated = accepted(sendToken(validate, token));
        assertEquals("alice", validated.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(Boolean.TRUE, validated.getHeader(JwtConstants.JWT_VALID));
        // CamelJwtHeader is the header of the signed token inside
        Map<?, ?> inner = validated.getHeader(JwtConstants.JWT_HEADER, Map.class);
        assertEquals(keyStore ? "ES256" : "HS256", inner.get("alg"));
        assertEquals("JWT", inner.get("typ"));
        assertNull(inner.get("enc"));

        Message decoded = accepted(sendToken(DECODE + mode.decrypt(), token));
        assertEquals("alice", decoded.getBody(Map.class).get("sub"));
        assertEquals(Boolean.FALSE, decoded.getHeader(JwtConstants.JWT_VERIFIED));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512" })
    void everyContentEncryptionAlgorithmRoundTrips(String enc) {
        String token = generate(GENERATE + RSA_ENCRYPT + "&contentEncryptionAlgorithm=" + enc);
        assertEquals(enc, header(token).get("enc"));
        assertEquals("alice", accepted(sendToken(VALIDATE + RSA_DECRYPT, token)).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void theKidOfAJwkGoesIntoTheEncryptedTokenAndPicksTheDecryptionKey() {
        String current = octJwk(SECRET_32, "2025-02");
        String previous = octJwk(bytes(32, 9), "2025-01");
        String token = generate(GENERATE + "encryptionKey=RAW(" + current + ")");
        assertEquals("2025-02", header(token).get("kid"));

        // after a rotation the endpoint holds both keys; the token's kid says which
        String both = "{\"keys\":[" + previous + "," + current + "]}";
        accepted(sendToken(VALIDATE + "decryptionKey=RAW(" + both + ")", token));
        refused(sendToken(VALIDATE + "decryptionKey=RAW(" + previous + ")", token), JwtFailure.KEY_NOT_FOUND, token);

        // without kids, every key that fits the token's alg is tried
        String withoutKid = generate(GENERATE + secret("encryptionKey", SECRET_32));
        String noKids = "{\"keys\":[" + octJwk(bytes(32, 9), null) + "," + octJwk(SECRET_32, null) + "]}";
        accepted(sendToken(VALIDATE + "decryptionKey=RAW(" + noKids + ")", withoutKid));
    }

    @Test
    void tokenGoesIntoAuthorizationWithBearerWhenAskedTo() {
        Exchange exchange = send(GENERATE + RSA_ENCRYPT + "&outputHeader=Authorization", Map.of(), Map.of());
        String authorization = accepted(exchange).getHeader("Authorization", String.class);
        assertTrue(authorization.startsWith("Bearer "));
        Map<String, Object> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        accepted(send(VALIDATE + RSA_DECRYPT, null, headers));
    }

    @Test
    void encryptedTokenSignedByAnIdentityProviderValidatesWithItsRemoteKeys() {
        try (JwksServer server = JwksServer.http()) {
            server.serveKeys(RemoteKeysTest.jwkSet(Tokens.rsa()));
            String signed = RemoteKeysTest.token(Tokens.rsa(), "iss", "https://idp.example");
            String token = encrypt(signed, "RSA-OAEP-256", "A256GCM", TestKeys.keyPair("rsa").getPublic(),
                    jwe -> jwe.setContentTypeHeaderValue("JWT"));
            Message message = accepted(sendToken("jwt:validate?jwksUri=" + server.url() + "&issuer=https://idp.example&"
                                                 + RSA_DECRYPT + "&requireEncryption=true", token));
            assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
            assertEquals("victim", message.getHeader(JwtConstants.JWT_HEADER, Map.class).get("kid"));
        }
    }

    // --- plain and encrypted tokens side by side -------------------------------------------------------------------

    @Test
    void withoutDecryptionKeyAnEncryptedTokenIsMalformed() {
        String token = generate(GENERATE + RSA_ENCRYPT);
        refused(sendToken(VALIDATE.substring(0, VALIDATE.length() - 1), token), JwtFailure.MALFORMED, token);
        refused(sendToken("jwt:decode", token), JwtFailure.MALFORMED, token);
    }

    @Test
    void plainSignedTokensStillValidateWithADecryptionKeyUnlessEncryptionIsRequired() {
        String plain = Tokens.hs256(Tokens.validClaims());
        accepted(sendToken(VALIDATE + RSA_DECRYPT, plain));
        accepted(sendToken(DECODE + RSA_DECRYPT, plain));
        JwtValidationException e = refused(sendToken(VALIDATE + RSA_DECRYPT + "&requireEncryption=true", plain),
                JwtFailure.MALFORMED, plain);
        assertTrue(e.getMessage().contains("requireEncryption"), e.getMessage());
        refused(sendToken(DECODE + RSA_DECRYPT + "&requireEncryption=true", plain), JwtFailure.MALFORMED, plain);

        String encrypted = generate(GENERATE + RSA_ENCRYPT);
        accepted(sendToken(VALIDATE + RSA_DECRYPT + "&requireEncryption=true", encrypted));
    }

    @Test
    void withFailOnInvalidFalseADecryptionFailureIsReportedInHeaders() {
        String token = encrypt(Tokens.hs256(Tokens.validClaims()), "RSA-OAEP-256", "A256GCM",
                Tokens.attackerRsa().getPublicKey(), jwe -> {
                });
        Message message = accepted(sendToken(VALIDATE + RSA_DECRYPT + "&failOnInvalid=false", token));
        assertEquals(Boolean.FALSE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals("DECRYPTION_FAILED", message.getHeader(JwtConstants.JWT_ERROR));
        assertNull(message.getHeader(JwtConstants.JWT_SUBJECT));
    }

    // --- what is refused -------------------------------------------------------------------------------------------

    @Test
    void tokenEncryptedToAnotherKeyFailsToDecrypt() {
        String token = encrypt(Tokens.hs256(Tokens.validClaims()), "RSA-OAEP-256", "A256GCM",
                Tokens.attackerRsa().getPublicKey(), jwe -> {
                });
        JwtValidationException e = refused(sendToken(VALIDATE + RSA_DECRYPT, token), JwtFailure.DECRYPTION_FAILED, token);
        assertEquals(401, e.httpStatus());
        refused(sendToken(DECODE + RSA_DECRYPT, token), JwtFailure.DECRYPTION_FAILED, token);
    }

    @ParameterizedTest(name = "part {0} changed")
    @ValueSource(ints = { 1, 2, 3, 4 })
    void changedEncryptedKeyIvCiphertextOrTagFailsToDecrypt(int part) {
        String token = generate(GENERATE + secret("encryptionKey", SECRET_32));
        String[] parts = Tokens.parts(token);
        parts[part] = flipFirstCharacter(parts[part]);
        String changed = String.join(".", parts);
        refused(sendToken(VALIDATE + secret("decryptionKey", SECRET_32), changed), JwtFailure.DECRYPTION_FAILED, changed);
    }

    @Test
    void changedProtectedHeaderFailsToDecrypt() {
        // the header is the additional authenticated data: a harmless-looking extra member breaks the tag
        String token = generate(GENERATE + secret("encryptionKey", SECRET_32));
        String[] parts = Tokens.parts(token);
        Map<String, Object> header = header(token);
        header.put("x", "y");
        parts[0] = Tokens.b64(Tokens.json(header));
        String changed = String.join(".", parts);
        refused(sendToken(VALIDATE + secret("decryptionKey", SECRET_32), changed), JwtFailure.DECRYPTION_FAILED, changed);
    }

    @Test
    void algorithmsOffTheAllowlistsAreRefusedBeforeAnyKeyIsUsed() {
        String oaep = generate(GENERATE + RSA_ENCRYPT + "&keyManagementAlgorithm=RSA-OAEP");
        refused(sendToken(VALIDATE + RSA_DECRYPT + "&keyManagementAlgorithm=RSA-OAEP-256", oaep),
                JwtFailure.ALGORITHM_NOT_ALLOWED, oaep);
        String cbc = generate(GENERATE + RSA_ENCRYPT + "&contentEncryptionAlgorithm=A128CBC-HS256");
        refused(sendToken(VALIDATE + RSA_DECRYPT + "&contentEncryptionAlgorithm=A256GCM,A128GCM", cbc),
                JwtFailure.ALGORITHM_NOT_ALLOWED, cbc);
        // a secret's defaults are its AES key wraps: dir must be named
        String dir = generate(GENERATE + secret("encryptionKey", SECRET_32) + "&keyManagementAlgorithm=dir");
        refused(sendToken(VALIDATE + secret("decryptionKey", SECRET_32), dir), JwtFailure.ALGORITHM_NOT_ALLOWED, dir);
    }

    @Test
    void rsa15IsRefusedUnlessNamed() {
        String token = encrypt(Tokens.hs256(Tokens.validClaims()), "RSA1_5", "A128GCM",
                TestKeys.keyPair("rsa").getPublic(), jwe -> {
                });
        refused(sendToken(VALIDATE + RSA_DECRYPT, token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        refused(sendToken(DECODE + RSA_DECRYPT, token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        accepted(sendToken(VALIDATE + RSA_DECRYPT + "&keyManagementAlgorithm=RSA1_5,RSA-OAEP-256", token));
    }

    @Test
    void pbes2IsRefusedUnlessNamedAndItsIterationCountIsBounded() {
        // a 32-byte secret whose defaults are A256KW and A256GCMKW, used as the password
        String decrypt = VALIDATE + secret("decryptionKey", SECRET_32);
        String pbes2 = "&keyManagementAlgorithm=PBES2-HS256+A128KW";
        String token = encrypt(Tokens.hs256(Tokens.validClaims()), "PBES2-HS256+A128KW", "A128GCM", new AesKey(SECRET_32),
                jwe -> jwe.getHeaders().setObjectHeaderValue("p2c", 2000L));
        refused(sendToken(decrypt, token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        accepted(sendToken(decrypt + pbes2, token));

        // the count is checked before PBKDF2 runs, so a hostile count costs nothing
        JwtValidationException e = refused(sendToken(decrypt + pbes2 + "&maxPbes2Count=1999", token),
                JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        assertTrue(e.getMessage().contains("maxPbes2Count"), e.getMessage());
        String hostile = withHeader(token, "p2c", 2_000_000_000L);
        refused(sendToken(decrypt + pbes2, hostile), JwtFailure.ALGORITHM_NOT_ALLOWED, hostile);
        String noCount = withHeader(token, "p2c", null);
        refused(sendToken(decrypt + pbes2, noCount), JwtFailure.MALFORMED, noCount);
    }

    @Test
    void compressedTokensAreRefusedUnlessAllowedAndTheirInflatedSizeIsBounded() {
        String signed = Tokens.hs256(Tokens.validClaims());
        String zipped = encrypt(signed, "A256KW", "A256GCM", new AesKey(SECRET_32),
                JsonWebEncryption::enableDefaultCompression);
        String decrypt = VALIDATE + secret("decryptionKey", SECRET_32);
        refused(sendToken(decrypt, zipped), JwtFailure.ALGORITHM_NOT_ALLOWED, zipped);
        accepted(sendToken(decrypt + "&allowCompression=true", zipped));

        // a short token that inflates to a long one: the inflated token is bounded by maxTokenLength as any other
        String large = Tokens.hs256(Tokens.validClaims("pad", "a".repeat(100_000)));
        String inflating = encrypt(large, "A256KW", "A256GCM", new AesKey(SECRET_32),
                JsonWebEncryption::enableDefaultCompression);
        assertTrue(inflating.length() < 16384, "the compressed token is " + inflating.length() + " characters");
        refused(sendToken(decrypt + "&allowCompression=true", inflating), JwtFailure.TOO_LARGE, inflating);

        // beyond jose4j's own bound (200 KiB) inflating stops there, and the token cannot be decrypted
        String huge = Tokens.hs256(Tokens.validClaims("pad", "a".repeat(1_000_000)));
        String bomb = encrypt(huge, "A256KW", "A256GCM", new AesKey(SECRET_32), JsonWebEncryption::enableDefaultCompression);
        assertTrue(bomb.length() < 16384, "the compressed token is " + bomb.length() + " characters");
        refused(sendToken(decrypt + "&allowCompression=true", bomb), JwtFailure.DECRYPTION_FAILED, bomb);
    }

    @Test
    void theEncryptedTokenItselfIsBoundedByMaxTokenLength() {
        String token = generate(GENERATE + RSA_ENCRYPT);
        refused(sendToken(VALIDATE + RSA_DECRYPT + "&maxTokenLength=" + (token.length() - 1), token), JwtFailure.TOO_LARGE,
                token);
    }

    @Test
    void theSignedTokenInsideIsCheckedAsAnyOther() {
        String encrypt = GENERATE.replace(SIGN, "secret=" + "x".repeat(32)) + RSA_ENCRYPT;
        String forged = generate(encrypt);
        refused(sendToken(VALIDATE + RSA_DECRYPT, forged), JwtFailure.SIGNATURE_INVALID, forged);

        String expired = encrypt(Tokens.hs256(Tokens.claims("sub", "alice", "exp", Tokens.now() - 3600)), "RSA-OAEP-256",
                "A256GCM", TestKeys.keyPair("rsa").getPublic(), jwe -> jwe.setContentTypeHeaderValue("JWT"));
        refused(sendToken(VALIDATE + RSA_DECRYPT, expired), JwtFailure.EXPIRED, expired);

        String unsigned = encrypt(Tokens.unsigned(Tokens.json(Tokens.header("none")), Tokens.json(Tokens.validClaims()), ""),
                "RSA-OAEP-256", "A256GCM", TestKeys.keyPair("rsa").getPublic(), jwe -> jwe.setContentTypeHeaderValue("JWT"));
        refused(sendToken(VALIDATE + RSA_DECRYPT, unsigned), JwtFailure.ALGORITHM_NOT_ALLOWED, unsigned);

        String wrongAudience = generate(GENERATE + RSA_ENCRYPT + "&audience=other");
        refused(sendToken(VALIDATE + RSA_DECRYPT + "&audience=api", wrongAudience), JwtFailure.AUDIENCE_MISMATCH,
                wrongAudience);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSignedInside")
    void anEncryptedTokenMustHoldASignedToken(String name, String plaintext, String cty) {
        String token = encrypt(plaintext, "RSA-OAEP-256", "A256GCM", TestKeys.keyPair("rsa").getPublic(),
                jwe -> jwe.setContentTypeHeaderValue(cty));
        refused(sendToken(VALIDATE + RSA_DECRYPT, token), JwtFailure.MALFORMED, token);
        refused(sendToken(DECODE + RSA_DECRYPT, token), JwtFailure.MALFORMED, token);
    }

    static Stream<Object[]> notSignedInside() {
        String claims = Tokens.json(Tokens.validClaims());
        String signed = Tokens.hs256(Tokens.validClaims());
        String nested = encrypt(signed, "RSA-OAEP-256", "A256GCM", TestKeys.keyPair("rsa").getPublic(), jwe -> {
        });
        return Stream.of(
                new Object[] { "claims encrypted without a signature", claims, null },
                new Object[] { "claims encrypted without a signature, cty JWT", claims, "JWT" },
                new Object[] { "an encrypted token inside an encrypted token", nested, "JWT" },
                new Object[] { "a signed token with cty text/plain", signed, "text/plain" },
                new Object[] { "text that is no token", "not a token", null },
                new Object[] { "bytes that are not text", "caf\u00e9.x.y", null });
    }

    @Test
    void keysInTheEncryptedTokensHeaderAreNeverUsed() throws Exception {
        // the attacker encrypts to their own EC key and offers it (jwk) and a URL (jku): the endpoint's key is used
        EllipticCurveJsonWebKey attacker = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        String token = encrypt(Tokens.hs256(Tokens.validClaims()), "ECDH-ES+A256KW", "A256GCM", attacker.getPublicKey(),
                jwe -> {
                    jwe.getHeaders().setJwkHeaderValue("jwk", attacker);
                    jwe.getHeaders().setObjectHeaderValue("jku", "https://attacker.example/jwks.json");
                });
        refused(sendToken(VALIDATE + "decryptionKey=classpath:keys/ec256-pkcs8.pem", token), JwtFailure.DECRYPTION_FAILED,
                token);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEphemeralKeyOffTheCurveIsRefused() throws Exception {
        String token = generate(GENERATE + "encryptionKey=classpath:keys/ec256-public.pem");
        Map<String, Object> header = header(token);
        Map<String, Object> epk = new LinkedHashMap<>((Map<String, Object>) header.get("epk"));
        epk.put("y", epk.get("x")); // (x, x) is not on P-256
        header.put("epk", epk);
        String[] parts = Tokens.parts(token);
        parts[0] = Tokens.b64(Tokens.json(header));
        String invalid = String.join(".", parts);
        refused(sendToken(VALIDATE + "decryptionKey=classpath:keys/ec256-pkcs8.pem", invalid), JwtFailure.DECRYPTION_FAILED,
                invalid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void headerOfAnEncryptedTokenIsCheckedBeforeDecrypting(String name, String member, Object value, JwtFailure reason) {
        String token = withHeader(generate(GENERATE + RSA_ENCRYPT), member, value);
        refused(sendToken(VALIDATE + RSA_DECRYPT, token), reason, token);
    }

    static Stream<Object[]> badHeaders() {
        return Stream.of(
                new Object[] { "alg none", "alg", "none", JwtFailure.ALGORITHM_NOT_ALLOWED },
                new Object[] { "alg missing", "alg", null, JwtFailure.MALFORMED },
                new Object[] { "alg not a string", "alg", 7L, JwtFailure.MALFORMED },
                new Object[] { "enc none", "enc", "none", JwtFailure.ALGORITHM_NOT_ALLOWED },
                new Object[] { "enc missing", "enc", null, JwtFailure.MALFORMED },
                new Object[] { "crit", "crit", List.of("exp"), JwtFailure.MALFORMED },
                new Object[] { "zip other than DEF", "zip", "GZIP", JwtFailure.ALGORITHM_NOT_ALLOWED },
                new Object[] { "cty not JWT", "cty", "application/json", JwtFailure.MALFORMED },
                new Object[] { "kid not a string", "kid", List.of("a"), JwtFailure.MALFORMED });
    }

    @Test
    void malformedEncryptedTokensAreRefusedAsMalformed() {
        String token = generate(GENERATE + RSA_ENCRYPT);
        String[] parts = Tokens.parts(token);
        for (String bad : List.of(
                token + "=", // padding
                parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + ".", // no tag
                parts[0] + "." + parts[1] + "." + parts[2] + ".." + parts[4], // no ciphertext
                Tokens.b64("[1,2]") + token.substring(parts[0].length()), // header not an object
                Tokens.b64("{\"alg\":" + "[".repeat(100) + "]".repeat(100) + "}") + token.substring(parts[0].length()))) {
            refused(sendToken(VALIDATE + RSA_DECRYPT, bad), JwtFailure.MALFORMED, bad);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String generate(String uri) {
        Exchange exchange = send(uri, Map.of("roles", List.of("user")), Map.of());
        return accepted(exchange).getBody(String.class);
    }

    /** Encrypts {@code plaintext} with jose4j as a sender would, whatever the algorithms (none is blocked). */
    static String encrypt(String plaintext, String alg, String enc, Key key, Consumer<JsonWebEncryption> headers) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jwe.setAlgorithmHeaderValue(alg);
            jwe.setEncryptionMethodHeaderParameter(enc);
            headers.accept(jwe);
            jwe.setKey(key);
            jwe.setPlaintext(plaintext.getBytes(StandardCharsets.UTF_8));
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with one member of its (protected) header set, or removed for null; the rest is left as it was. */
    static String withHeader(String token, String member, Object value) {
        Map<String, Object> header = header(token);
        if (value == null) {
            header.remove(member);
        } else {
            header.put(member, value);
        }
        String[] parts = Tokens.parts(token);
        parts[0] = Tokens.b64(Tokens.json(header));
        return String.join(".", parts);
    }

    static Map<String, Object> header(String token) {
        try {
            // a copy: jose4j's map refuses to replace a member
            return new LinkedHashMap<>(JsonUtil.parseJson(Tokens.decodePart(Tokens.parts(token)[0])));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key option holding a secret as an oct JWK, given with RAW(...). */
    static String secret(String option, byte[] secret) {
        return option + "=RAW(" + octJwk(secret, null) + ")";
    }

    static String octJwk(byte[] secret, String kid) {
        return "{\"kty\":\"oct\"," + (kid == null ? "" : "\"kid\":\"" + kid + "\",") + "\"k\":\"" + Tokens.b64(secret)
               + "\"}";
    }

    static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }

    /** Changes the first character of a Base64url part to another that keeps it canonical. */
    private static String flipFirstCharacter(String part) {
        return (part.charAt(0) == 'A' ? 'B' : 'A') + part.substring(1);
    }
}
