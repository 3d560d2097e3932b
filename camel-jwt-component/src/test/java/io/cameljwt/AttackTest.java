package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.b64;
import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.json;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.parts;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of RFC 8725 (JWT Best Current Practices) and hostile input, each against a real route. Every one must
 * end in a {@link JwtValidationException} with the right reason; hostile sizes must be refused quickly and never
 * overflow the stack.
 */
class AttackTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;
    private static final String RSA = "jwt:validate?publicKey=RAW(" + Tokens.pemOneLine(Tokens.rsa().getPublicKey()) + ")";
    private static final String EC = "jwt:validate?publicKey=RAW(" + Tokens.pemOneLine(Tokens.ec().getPublicKey()) + ")";
    /** Generous for a shared two-core machine: refusing hostile input takes milliseconds. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final int NESTING = 100_000;

    private static String endpoint(String name) {
        return switch (name) {
            case "HS" -> HS;
            case "RSA" -> RSA;
            case "EC" -> EC;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A valid token for each endpoint, so a refusal is the attack's doing. */
    private static String validToken(String endpointName, Map<String, Object> claims) {
        return switch (endpointName) {
            case "HS" -> hs256(claims);
            case "RSA" -> Tokens.rs256(claims);
            case "EC" -> Tokens.sign(json(Tokens.header("ES256")), json(claims), "ES256", Tokens.ec().getPrivateKey());
            default -> throw new IllegalArgumentException(endpointName);
        };
    }

    @Test
    void validTokensOfEachEndpointAreAccepted() {
        for (String name : List.of("HS", "RSA", "EC")) {
            accepted(sendToken(endpoint(name), validToken(name, validClaims())));
        }
    }

    // --- alg: none -------------------------------------------------------------------------------------------------

    static Stream<Arguments> noneSpellings() {
        List<Arguments> cases = new ArrayList<>();
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            for (String endpoint : List.of("HS", "RSA", "EC")) {
                cases.add(Arguments.of(alg, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("noneSpellings")
    void algNoneWithAnEmptyOrAnySignaturePartIsRefusedAsAlgorithmNotAllowed(String alg, String endpoint) {
        String header = json(claims("alg", alg, "typ", "JWT"));
        String payload = json(validClaims());
        String signingInput = b64(header) + "." + b64(payload);
        List<String> signatures = List.of("", b64("garbage"),
                b64(Tokens.signature(signingInput, "HS256", Tokens.HMAC_KEY)));
        for (String signature : signatures) {
            String token = signingInput + "." + signature;
            refused(sendToken(endpoint(endpoint), token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        }
    }

    @ParameterizedTest
    @MethodSource("noneSpellings")
    void algNoneWithoutASignaturePartIsRefusedAsMalformed(String alg, String endpoint) {
        String token = Tokens.unsigned(json(claims("alg", alg)), json(validClaims()), null);
        refused(sendToken(endpoint(endpoint), token), JwtFailure.MALFORMED, token);
    }

    @Test
    void noneCannotBeConfiguredEither() {
        Exception e = assertThrows(Exception.class, () -> routeTo(HS + "&algorithm=HS256,none"));
        assertTrue(causeMessages(e).contains("none"), causeMessages(e));
    }

    // --- key confusion: HMAC keyed with the public key -------------------------------------------------------------

    static Stream<Arguments> publicKeyBytesAsHmacSecret() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, PublicKey> keys = Map.of("RSA", Tokens.rsa().getPublicKey(), "EC", Tokens.ec().getPublicKey());
        keys.forEach((endpoint, key) -> {
            Map<String, byte[]> forms = Map.of(
                    "PEM text", Tokens.pem(key).getBytes(StandardCharsets.US_ASCII),
                    "PEM as configured", Tokens.pemOneLine(key).getBytes(StandardCharsets.US_ASCII),
                    "DER", key.getEncoded());
            forms.forEach((form, secret) -> {
                for (String alg : List.of("HS256", "HS384", "HS512")) {
                    cases.add(Arguments.of(endpoint, form, alg, secret));
                }
            });
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} endpoint, {2} keyed with the {1}")
    @MethodSource("publicKeyBytesAsHmacSecret")
    void hmacKeyedWithThePublicKeyIsRefusedAsAlgorithmNotAllowed(String endpoint, String form, String alg, byte[] secret) {
        String token = Tokens.sign(json(Tokens.header(alg)), json(validClaims()), alg, new HmacKey(secret));
        refused(sendToken(endpoint(endpoint), token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        refused(sendToken(endpoint(endpoint) + "&algorithm=" + (endpoint.equals("RSA") ? "RS256,PS256" : "ES256"), token),
                JwtFailure.ALGORITHM_NOT_ALLOWED, token);
    }

    @Test
    void hmacAlgorithmCannotBeAllowedForAPublicKey() {
        Exception e = assertThrows(Exception.class, () -> routeTo(RSA + "&algorithm=RS256,HS256"));
        assertTrue(causeMessages(e).contains("HS256"), causeMessages(e));
    }

    // --- keys carried by the token ---------------------------------------------------------------------------------

    @Test
    void embeddedJwkOfTheAttackerIsNotUsed() {
        Map<String, Object> jwk = Tokens.attackerRsa().toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        String token = Tokens.sign(json(claims("alg", "RS256", "kid", "attacker", "jwk", jwk)), json(validClaims()),
                "RS256", Tokens.attackerRsa().getPrivateKey());
        refused(sendToken(RSA, token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @Test
    void embeddedSymmetricJwkOfTheAttackerIsNotUsed() {
        OctetSequenceJsonWebKey jwk = new OctetSequenceJsonWebKey(Tokens.OTHER_HMAC_KEY);
        String token = Tokens.sign(json(claims("alg", "HS256", "jwk", jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC))),
                json(validClaims()), "HS256", Tokens.OTHER_HMAC_KEY);
        refused(sendToken(HS, token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @Test
    void jkuAndX5uAreNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        String attackerJwks = new JsonWebKeySet(Tokens.attackerRsa()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = attackerJwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            for (String parameter : List.of("jku", "x5u")) {
                String token = Tokens.sign(json(claims("alg", "RS256", "kid", "attacker", parameter, base + "/keys")),
                        json(validClaims()), "RS256", Tokens.attackerRsa().getPrivateKey());
                refused(sendToken(RSA, token), JwtFailure.SIGNATURE_INVALID, token);
                refused(sendToken(HS, token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
            }
            assertEquals(0, requests.get(), "the component fetched a key URL named by the token");

            // the server does count: one request of our own
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/keys").toURL().openConnection();
            assertEquals(200, connection.getResponseCode());
            connection.disconnect();
            assertEquals(1, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void x5cCertificateOfTheAttackerIsNotUsed(@TempDir Path dir) throws Exception {
        // keytool makes a self-signed EC certificate; the JDK has no public API for one
        Path store = dir.resolve("attacker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "attacker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=attacker",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, keytool.exitValue());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        PrivateKey attackerKey = (PrivateKey) keyStore.getKey("attacker", "changeit".toCharArray());
        Certificate certificate = keyStore.getCertificate("attacker");

        String x5c = Base64.getEncoder().encodeToString(certificate.getEncoded());
        String token = Tokens.sign(json(claims("alg", "ES256", "x5c", List.of(x5c))), json(validClaims()), "ES256",
                attackerKey);
        refused(sendToken(EC, token), JwtFailure.SIGNATURE_INVALID, token);
        // the same certificate inside an embedded jwk
        String viaJwk = Tokens.sign(json(claims("alg", "ES256", "jwk", Map.of("kty", "EC", "crv", "P-256",
                "x5c", List.of(x5c)))), json(validClaims()), "ES256", attackerKey);
        refused(sendToken(EC, viaJwk), JwtFailure.SIGNATURE_INVALID, viaJwk);
    }

    // --- crit ------------------------------------------------------------------------------------------------------

    static Stream<Object> critValues() {
        return Stream.of(List.of("x-must-understand"), List.of("exp"), List.of(), List.of(1), "x-must-understand",
                List.of("b64"));
    }

    @ParameterizedTest
    @MethodSource("critValues")
    void unknownOrInvalidCritIsRefusedAsMalformed(Object crit) {
        Map<String, Object> header = claims("alg", "HS256", "crit", crit, "x-must-understand", true);
        String token = hs256(header, validClaims());
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    // --- tampering and structure -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "HS", "RSA", "EC" })
    void tamperedHeaderIsRefusedAsSignatureInvalid(String endpoint) {
        String[] p = parts(validToken(endpoint, validClaims()));
        Map<String, Object> header = claims("alg", parseJson(Tokens.decodePart(p[0])).get("alg"), "typ", "at+jwt");
        String token = b64(json(header)) + "." + p[1] + "." + p[2];
        refused(sendToken(endpoint(endpoint), token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HS", "RSA", "EC" })
    void tamperedPayloadIsRefusedAsSignatureInvalid(String endpoint) {
        String[] p = parts(validToken(endpoint, validClaims()));
        String payload = Tokens.decodePart(p[1]).replace("\"alice\"", "\"admin\"");
        String token = p[0] + "." + b64(payload) + "." + p[2];
        refused(sendToken(endpoint(endpoint), token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HS", "RSA", "EC" })
    void strippedSignatureIsRefusedAsSignatureInvalid(String endpoint) {
        String[] p = parts(validToken(endpoint, validClaims()));
        String token = p[0] + "." + p[1] + ".";
        refused(sendToken(endpoint(endpoint), token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HS", "RSA", "EC" })
    void signatureOfAnotherTokenIsRefusedAsSignatureInvalid(String endpoint) {
        String[] mine = parts(validToken(endpoint, validClaims("sub", "admin")));
        String[] other = parts(validToken(endpoint, validClaims("sub", "guest")));
        String token = mine[0] + "." + mine[1] + "." + other[2];
        refused(sendToken(endpoint(endpoint), token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HS", "RSA", "EC" })
    void flippedSignatureBitIsRefusedAsSignatureInvalid(String endpoint) {
        String[] p = parts(validToken(endpoint, validClaims()));
        byte[] signature = Base64.getUrlDecoder().decode(p[2]);
        signature[signature.length / 2] ^= 0x01;
        String token = p[0] + "." + p[1] + "." + b64(signature);
        refused(sendToken(endpoint(endpoint), token), JwtFailure.SIGNATURE_INVALID, token);
    }

    static Stream<Arguments> wrongSignatureLengths() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of("HS", "RSA", "EC")) {
            for (int length : List.of(1, 31, 33, 63, 65, 255, 257, 4096)) {
                cases.add(Arguments.of(endpoint, length));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} endpoint, {1} bytes")
    @MethodSource("wrongSignatureLengths")
    void signatureOfAnyOtherLengthIsRefusedAsSignatureInvalid(String endpoint, int length) {
        String[] p = parts(validToken(endpoint, validClaims()));
        byte[] signature = new byte[length];
        Arrays.fill(signature, (byte) 0x5a);
        String token = p[0] + "." + p[1] + "." + b64(signature);
        refused(sendToken(endpoint(endpoint), token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @Test
    void swappedPartsAreRefusedAsMalformed() {
        String[] p = parts(hs256(validClaims()));
        String token = p[1] + "." + p[0] + "." + p[2];
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    @Test
    void swappedPayloadAndSignatureAreRefused() {
        String[] p = parts(hs256(validClaims()));
        String token = p[0] + "." + p[2] + "." + p[1];
        refused(sendToken(HS, token), JwtFailure.SIGNATURE_INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "%s.", "%s.AAAA", "%s..", "%s.%<s", "%s....", ".%s", "%s.e30.e30.e30" })
    void extraPartsAreRefusedAsMalformed(String format) {
        String token = String.format(format, hs256(validClaims()));
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    // --- non-canonical Base64url -----------------------------------------------------------------------------------

    /** A valid token whose three parts each have unused bits in their last character (lengths not a multiple of 4). */
    private static String tokenWithPartialLastCharacters() {
        Map<String, Object> header = claims("alg", "HS256", "typ", "JWT", "p", "");
        while (json(header).length() % 3 == 0) {
            header.put("p", header.get("p") + "x");
        }
        Map<String, Object> payload = validClaims("p", "");
        while (json(payload).length() % 3 == 0) {
            payload.put("p", payload.get("p") + "x");
        }
        String token = hs256(header, payload);
        for (String part : parts(token)) {
            assertNotEquals(0, part.length() % 4);
        }
        return token;
    }

    /**
     * The same bytes, written with a non-zero unused bit in the last character: the lowest, or the highest of the
     * unused bits (4 of them after one byte, 2 after two).
     */
    private static String withTrailingBits(String part, boolean highest) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(part.charAt(part.length() - 1));
        int bit = highest ? (part.length() % 4 == 2 ? 0x08 : 0x02) : 0x01;
        String changed = part.substring(0, part.length() - 1) + alphabet.charAt(last | bit);
        // lenient decoders read the same bytes: that is what makes it an attack on token identity
        assertTrue(Arrays.equals(Base64.getUrlDecoder().decode(part), Base64.getUrlDecoder().decode(changed)));
        assertNotEquals(part, changed);
        return changed;
    }

    @ParameterizedTest
    @CsvSource({ "0, false", "1, false", "2, false", "0, true", "1, true", "2, true" })
    void extraTrailingBitsInAnyPartAreRefusedAsMalformed(int index, boolean highest) {
        String valid = tokenWithPartialLastCharacters();
        accepted(sendToken(HS, valid));
        String[] p = parts(valid);
        p[index] = withTrailingBits(p[index], highest);
        String token = String.join(".", p);
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    /**
     * An HS384 signature is 48 bytes, 64 characters: one more character holds 6 bits, less than a byte, which a lenient
     * decoder drops, so the signature would still verify.
     */
    @Test
    void oneCharacterAfterAWholeSignatureIsRefusedAsMalformed() {
        byte[] secret = "0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String uri = "jwt:validate?algorithm=HS384&secret=" + new String(secret, StandardCharsets.UTF_8);
        String valid = Tokens.sign(json(Tokens.header("HS384")), json(validClaims()), "HS384", new HmacKey(secret));
        assertEquals(64, Tokens.signaturePart(valid).length());
        accepted(sendToken(uri, valid));
        for (String extra : List.of("A", "Q", "_")) {
            String token = valid + extra;
            refused(sendToken(uri, token), JwtFailure.MALFORMED, token);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2 })
    void paddingInAnyPartIsRefusedAsMalformed(int index) {
        String[] p = parts(tokenWithPartialLastCharacters());
        p[index] = p[index] + "=".repeat(4 - p[index].length() % 4);
        String token = String.join(".", p);
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    @ParameterizedTest
    @ValueSource(strings = { " ", "\n", "\t", "\r\n", "\u00a0" })
    void whitespaceInsideTheTokenIsRefusedAsMalformed(String whitespace) {
        String valid = hs256(validClaims());
        for (int index = 0; index < 3; index++) {
            String[] p = parts(valid);
            p[index] = p[index].substring(0, 8) + whitespace + p[index].substring(8);
            String token = String.join(".", p);
            refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
        }
    }

    @Test
    void standardBase64AlphabetIsRefusedAsMalformed() {
        String[] p = parts(hs256(validClaims()));
        String signature = Base64.getEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(p[2]));
        String token = p[0] + "." + p[1] + "." + signature.replace('A', '+') + "/";
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    // --- header parameters of the wrong type -----------------------------------------------------------------------

    static Stream<Map<String, Object>> oddHeaders() {
        return Stream.of(claims("typ", "JWT"), claims("alg", 256), claims("alg", null), claims("alg", List.of("HS256")),
                claims("alg", "HS256", "kid", 7), claims("alg", "HS256", "b64", false));
    }

    @ParameterizedTest
    @MethodSource("oddHeaders")
    void headerWithoutAStringAlgOrWithOddParametersIsRefusedAsMalformed(Map<String, Object> header) {
        String token = hs256(header, validClaims());
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
    }

    @Test
    void algorithmNameIsNotEchoedRawIntoTheMessage() {
        String alg = "HS256\r\n2025-01-01 INFO forged log line " + "x".repeat(5_000);
        String token = Tokens.unsigned(json(claims("alg", alg)), json(validClaims()), b64("sig"));
        JwtValidationException e = refused(sendToken(HS, token), JwtFailure.ALGORITHM_NOT_ALLOWED, token);
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().length() < 500, "message of " + e.getMessage().length() + " characters");
    }

    // --- hostile sizes ---------------------------------------------------------------------------------------------

    private JwtValidationException refusedQuickly(String uri, Object body, Map<String, Object> headers, JwtFailure reason) {
        Exchange result = assertTimeoutPreemptively(BOUND, (ThrowingSupplier<Exchange>) () -> send(uri, body, headers));
        return refused(result, reason, null);
    }

    private JwtValidationException refusedQuickly(String uri, String token, JwtFailure reason) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(JwtConstants.JWT_TOKEN, token);
        return refusedQuickly(uri, null, headers, reason);
    }

    @Test
    void twentyMegabyteBodyIsRefusedAsTooLarge() {
        String huge = "eyJ" + "A".repeat(20 * 1024 * 1024);
        refusedQuickly(HS, huge, Map.of(), JwtFailure.TOO_LARGE);
        refusedQuickly(HS, huge.getBytes(StandardCharsets.US_ASCII), Map.of(), JwtFailure.TOO_LARGE);
        refusedQuickly(HS, new ByteArrayInputStream(huge.getBytes(StandardCharsets.US_ASCII)), Map.of(),
                JwtFailure.TOO_LARGE);
    }

    @Test
    void twentyMegabyteHeadersAreRefusedAsTooLarge() {
        String huge = "A".repeat(20 * 1024 * 1024);
        refusedQuickly(HS, null, Map.of("Authorization", "Bearer " + huge), JwtFailure.TOO_LARGE);
        refusedQuickly(HS, huge, JwtFailure.TOO_LARGE);
        refusedQuickly("jwt:decode", huge, JwtFailure.TOO_LARGE);
    }

    private static String deepArrays() {
        return "[".repeat(NESTING) + "]".repeat(NESTING);
    }

    private static String deepObjects(String prefix) {
        return "{" + prefix + "\"a\":" + "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING) + "}";
    }

    private static String unclosedObjects() {
        return "{\"alg\":\"HS256\",\"a\":" + "{\"a\":".repeat(NESTING);
    }

    static Stream<Arguments> deepHeaders() {
        return Stream.of(Arguments.of("arrays", deepArrays()),
                Arguments.of("objects", deepObjects("\"alg\":\"HS256\",")),
                Arguments.of("unclosed", unclosedObjects()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepHeaders")
    void deeplyNestedHeaderWithinDefaultMaxTokenLengthIsRefusedAsTooLarge(String shape, String header) {
        String token = Tokens.sign(header, json(validClaims()), "HS256", Tokens.HMAC_KEY);
        refusedQuickly(HS, token, JwtFailure.TOO_LARGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepHeaders")
    void deeplyNestedHeaderBeyondTheParsersReachIsRefusedAsMalformed(String shape, String header) {
        // correctly signed, and maxTokenLength raised, so only the nesting can refuse it
        String token = Tokens.sign(header, json(validClaims()), "HS256", Tokens.HMAC_KEY);
        refusedQuickly(HS + "&maxTokenLength=4000000", token, JwtFailure.MALFORMED);
        refusedQuickly("jwt:decode?maxTokenLength=4000000", token, JwtFailure.MALFORMED);
    }

    static Stream<Arguments> deepPayloads() {
        return Stream.of(Arguments.of("arrays", deepArrays()),
                Arguments.of("objects", deepObjects("\"sub\":\"alice\",\"exp\":" + (now() + 300) + ",")),
                Arguments.of("unclosed", "{\"sub\":\"alice\",\"a\":" + "{\"a\":".repeat(NESTING)),
                Arguments.of("array in claim", "{\"sub\":\"alice\",\"exp\":" + (now() + 300) + ",\"roles\":"
                                               + deepArrays() + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepPayloads")
    void deeplyNestedPayloadIsRefusedAsMalformed(String shape, String payload) {
        String token = Tokens.sign(json(Tokens.header("HS256")), payload, "HS256", Tokens.HMAC_KEY);
        refusedQuickly(HS, token, JwtFailure.TOO_LARGE);
        refusedQuickly(HS + "&maxTokenLength=4000000", token, JwtFailure.MALFORMED);
        refusedQuickly("jwt:decode?maxTokenLength=4000000", token, JwtFailure.MALFORMED);
    }

    @Test
    void moderatelyNestedClaimsAreStillAccepted() {
        // what identity providers really send: a few levels
        Map<String, Object> claims = validClaims("resource_access",
                Map.of("account", Map.of("roles", List.of("manage-account", Map.of("a", List.of(List.of(1)))))));
        accepted(sendToken(HS, hs256(claims)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 10_000, 1_000_000 })
    void hugeNumberInTheHeaderIsRefusedQuickly(int digits) {
        // parsing a million-digit integer takes the JSON parser tens of seconds
        String header = "{\"alg\":\"HS256\",\"n\":" + "9".repeat(digits) + "}";
        String token = Tokens.sign(header, json(validClaims()), "HS256", Tokens.HMAC_KEY);
        refusedQuickly(HS + "&maxTokenLength=4000000", token, JwtFailure.MALFORMED);
        refusedQuickly("jwt:decode?maxTokenLength=4000000", token, JwtFailure.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = { 10_000, 1_000_000 })
    void hugeNumberInThePayloadIsRefusedQuickly(int digits) {
        String payload = json(validClaims()).replace("}", ",\"n\":" + "9".repeat(digits) + "}");
        String token = Tokens.sign(json(Tokens.header("HS256")), payload, "HS256", Tokens.HMAC_KEY);
        refusedQuickly(HS + "&maxTokenLength=4000000", token, JwtFailure.MALFORMED);
    }

    static Stream<Arguments> oddTimeClaims() {
        return Stream.of(
                Arguments.of("exp", "\"" + (now() + 300) + "\""),
                Arguments.of("exp", "1e400"),
                Arguments.of("exp", "1e300"),
                Arguments.of("exp", "-1e300"),
                Arguments.of("exp", "9223372036854775807"),
                Arguments.of("exp", "31556889864403200"),
                Arguments.of("exp", "-31557014167219300"),
                Arguments.of("exp", "99999999999999999999"),
                Arguments.of("exp", "true"),
                Arguments.of("exp", "{}"),
                Arguments.of("exp", "[" + (now() + 300) + "]"),
                Arguments.of("nbf", "\"0\""),
                Arguments.of("nbf", "1e300"),
                Arguments.of("nbf", "-1e300"),
                Arguments.of("iat", "\"" + now() + "\""),
                Arguments.of("iat", "-1e300"),
                Arguments.of("iat", "-9223372036854775808"),
                Arguments.of("iat", "1e300"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oddTimeClaims")
    void timeClaimThatIsNotASensibleNumericDateIsRefusedAsMalformed(String claim, String value) {
        Map<String, Object> claims = validClaims();
        claims.remove(claim);
        String payload = json(claims).replace("}", ",\"" + claim + "\":" + value + "}");
        String token = Tokens.sign(json(Tokens.header("HS256")), payload, "HS256", Tokens.HMAC_KEY);
        refused(sendToken(HS + "&maxAge=1h", token), JwtFailure.MALFORMED, token);
        Message lenient = accepted(sendToken(HS + "&maxAge=1h&failOnInvalid=false", token));
        assertEquals("MALFORMED", lenient.getHeader(JwtConstants.JWT_ERROR));
        assertNull(lenient.getHeader(JwtConstants.JWT_EXPIRES_AT));
    }

    @Test
    void hugeExpInADecodedTokenDoesNotBreakDecode() {
        String payload = "{\"sub\":\"alice\",\"exp\":1e300}";
        String token = Tokens.sign(json(Tokens.header("HS256")), payload, "HS256", Tokens.HMAC_KEY);
        Message message = accepted(send("jwt:decode", token, Map.of()));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(message.getHeader(JwtConstants.JWT_EXPIRES_AT));
    }

    static Stream<Arguments> duplicateNames() {
        String payload = json(validClaims());
        return Stream.of(
                Arguments.of("{\"alg\":\"HS256\",\"alg\":\"none\"}", payload),
                Arguments.of("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"typ\":\"at+jwt\"}", payload),
                Arguments.of(json(Tokens.header("HS256")), payload.replace("}", ",\"sub\":\"admin\"}")),
                Arguments.of(json(Tokens.header("HS256")), "{\"sub\":\"a\",\"sub\":\"b\",\"exp\":" + (now() + 300) + "}"),
                Arguments.of(json(Tokens.header("HS256")), payload.replace("}", ",\"x\":{\"r\":1,\"r\":2}}")));
    }

    @ParameterizedTest
    @MethodSource("duplicateNames")
    void duplicateNamesInHeaderOrClaimsAreRefusedAsMalformed(String header, String payload) {
        String token = Tokens.sign(header, payload, "HS256", Tokens.HMAC_KEY);
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
        refused(send("jwt:decode", token, Map.of()), JwtFailure.MALFORMED, token);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> parseJson(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String causeMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
