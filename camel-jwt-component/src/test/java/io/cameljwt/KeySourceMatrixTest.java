package io.cameljwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every algorithm with every key source that fits it, through real routes: generate signs, validate and decode read
 * the token back. nimbus-jose-jwt, holding the key the source stands for, checks both ends: it verifies what generate
 * signed, and signs tokens that validate must accept, or refuse when signed by another key of the same type.
 * <p>
 * One CamelContext serves the whole class and each case adds its own routes: a context per case (CamelTestSupport's
 * default) costs a quarter more time over some 240 cases, and its per-class mode is deprecated since Camel 4.7.
 */
class KeySourceMatrixTest {

    /** 64 ASCII bytes: long enough for HS512, and safe in a URI as it is. */
    private static final String UTF8_SECRET = "matrix-utf8-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG";
    private static final SecretKey UTF8_KEY = hmac(UTF8_SECRET.getBytes(StandardCharsets.UTF_8));
    private static final SecretKey HMAC_KEY = hmac(TestKeys.HMAC_SECRET);
    private static final SecretKey HMAC_DECOY = hmac(sha512("a secret nobody configured"));

    private static final String GENERATE_CLAIMS = "&issuer=matrix&audience=api,web&claim.tenant=acme";
    private static final String VALIDATE_CHECKS = "&issuer=matrix&audience=web&claim.tenant=acme&requiredRoles=admin";
    private static final List<String> FAMILIES = List.of("rsa", "ec256", "ec384", "ec521", "ed25519");

    @TempDir
    static Path dir;

    private static final AtomicInteger ROUTE_IDS = new AtomicInteger();
    private static final Map<String, KeyPair> DECOYS = new LinkedHashMap<>();

    private static CamelContext context;
    private static ProducerTemplate template;

    /**
     * One way to configure the keys of an algorithm.
     *
     * @param generate the key options of the generate endpoint
     * @param validate the key options of the validate endpoint
     * @param keys     the key the options stand for (a KeyPair or a SecretKey), as nimbus should see it
     * @param kid      the kid generate must write, or null
     * @param decoy    another key of the same type, which validate must not accept
     */
    record Source(String algorithm, String name, String generate, String validate, Object keys, String kid, Object decoy) {
        @Override
        public String toString() {
            return algorithm + " with " + name;
        }
    }

    // --- the context: placeholders and beans the sources name ---------------------------------------------------------

    @BeforeAll
    static void startCamel() {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setOverrideProperties(placeholders());
        Registry registry = context.getRegistry();
        for (String family : FAMILIES) {
            registry.bind("pem-" + family + "-private", TestKeys.text("keys/" + family + "-pkcs8.pem"));
            registry.bind("pem-" + family + "-public", TestKeys.text("keys/" + family + "-cert.pem"));
        }
        registry.bind("p12Store", storeParameters("classpath:keys/keys.p12", "PKCS12"));
        registry.bind("jksStore", storeParameters("classpath:keys/keys.jks", "JKS"));
        registry.bind("hmacStore", storeParameters("classpath:keys/hmac.p12", "PKCS12"));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() {
        context.stop();
    }

    private static Properties placeholders() {
        Properties properties = new Properties();
        properties.put("matrix.secret.utf8", UTF8_SECRET);
        properties.put("matrix.secret.base64", Base64.getEncoder().encodeToString(TestKeys.HMAC_SECRET));
        properties.put("matrix.secret.hex", HexFormat.of().formatHex(TestKeys.HMAC_SECRET));
        for (String family : FAMILIES) {
            properties.put("matrix." + family + ".private", TestKeys.text("keys/" + nativePrivatePem(family)));
            properties.put("matrix." + family + ".private.oneline",
                    TestKeys.text("keys/" + nativePrivatePem(family)).replace("\n", ""));
            properties.put("matrix." + family + ".public", TestKeys.text("keys/" + family + "-public.pem"));
        }
        return properties;
    }

    private static KeyStoreParameters storeParameters(String resource, String type) {
        KeyStoreParameters parameters = new KeyStoreParameters();
        parameters.setResource(resource);
        parameters.setType(type);
        parameters.setPassword(TestKeys.STORE_PASSWORD);
        return parameters;
    }

    // --- the matrix ---------------------------------------------------------------------------------------------------

    static Stream<Source> sources() throws Exception {
        Files.copy(TestKeys.class.getClassLoader().getResourceAsStream("keys/keys.jks"), dir.resolve("keys.jks"),
                StandardCopyOption.REPLACE_EXISTING);
        List<Source> sources = new ArrayList<>();
        for (String algorithm : TestKeys.ALGORITHMS) {
            String family = TestKeys.family(algorithm);
            if (family.equals("hmac")) {
                sources.addAll(hmacSources(algorithm));
            } else {
                sources.addAll(pemSources(algorithm, family));
                sources.addAll(keyStoreSources(algorithm, family));
            }
            sources.addAll(jwkSources(algorithm, family));
        }
        return sources.stream();
    }

    private static List<Source> hmacSources(String alg) {
        String a = algorithmOption(alg);
        String base64 = Base64.getEncoder().encodeToString(TestKeys.HMAC_SECRET);
        String base64Url = Base64.getUrlEncoder().withoutPadding().encodeToString(TestKeys.HMAC_SECRET);
        String hex = HexFormat.of().formatHex(TestKeys.HMAC_SECRET);
        String alias = "hs" + alg.substring(2);
        String store = "keyStore=classpath:keys/hmac.p12&keyStorePassword=storepass&keyAlias=" + alias + a;
        return List.of(
                same(alg, "secret, utf8", "secret=" + UTF8_SECRET + a, UTF8_KEY, null, HMAC_DECOY),
                same(alg, "secret, base64 in RAW()", "secret=RAW(" + base64 + ")&secretEncoding=base64" + a,
                        HMAC_KEY, null, HMAC_DECOY),
                same(alg, "secret, base64url", "secret=" + base64Url + "&secretEncoding=base64url" + a,
                        HMAC_KEY, null, HMAC_DECOY),
                same(alg, "secret, hex", "secret=" + hex + "&secretEncoding=hex" + a, HMAC_KEY, null, HMAC_DECOY),
                same(alg, "secret, utf8 as {{placeholder}}", "secret={{matrix.secret.utf8}}" + a,
                        UTF8_KEY, null, HMAC_DECOY),
                same(alg, "secret, base64 as RAW({{placeholder}})",
                        "secret=RAW({{matrix.secret.base64}})&secretEncoding=base64" + a, HMAC_KEY, null, HMAC_DECOY),
                same(alg, "secret, hex as {{placeholder}}", "secret={{matrix.secret.hex}}&secretEncoding=HEX" + a,
                        HMAC_KEY, null, HMAC_DECOY),
                // a key store entry's alias is the token's kid
                same(alg, "PKCS#12 secret key entry, classpath:", store, TestKeys.storedSecret(alias), alias, HMAC_DECOY),
                same(alg, "KeyStoreParameters #bean", "keyStore=#hmacStore&keyAlias=" + alias + a,
                        TestKeys.storedSecret(alias), alias, HMAC_DECOY));
    }

    private static List<Source> pemSources(String alg, String family) throws Exception {
        String a = algorithmOption(alg);
        KeyPair keys = TestKeys.keyPair(family);
        KeyPair decoy = decoy(family);
        String pkcs8 = TestKeys.text("keys/" + family + "-pkcs8.pem");
        String nativePrivate = TestKeys.text("keys/" + nativePrivatePem(family));
        String publicPem = TestKeys.text("keys/" + family + "-public.pem");
        String certificate = TestKeys.text("keys/" + family + "-cert.pem");
        Path privateFile = Files.writeString(dir.resolve(family + "-private.pem"), nativePrivate);
        Path certificateFile = Files.writeString(dir.resolve(family + "-cert.pem"), certificate);
        String cp = "classpath:keys/" + family;

        List<Source> sources = new ArrayList<>();
        sources.add(new Source(alg, "PKCS#8 and public key PEM, classpath:",
                "privateKey=" + cp + "-pkcs8.pem" + a, "publicKey=" + cp + "-public.pem" + a, keys, null, decoy));
        if (family.equals("rsa")) {
            sources.add(new Source(alg, "PKCS#1 private and public PEM, classpath:",
                    "privateKey=" + cp + "-pkcs1.pem" + a, "publicKey=" + cp + "-pkcs1-public.pem" + a, keys, null, decoy));
        }
        if (family.startsWith("ec")) {
            sources.add(new Source(alg, "SEC1 PEM, classpath:",
                    "privateKey=" + cp + "-sec1.pem" + a, "publicKey=" + cp + "-public.pem" + a, keys, null, decoy));
        }
        sources.add(new Source(alg, "X.509 certificate as publicKey, classpath:",
                "privateKey=" + cp + "-pkcs8.pem" + a, "publicKey=" + cp + "-cert.pem" + a, keys, null, decoy));
        sources.add(new Source(alg, "PEM file:",
                "privateKey=file:" + privateFile + a, "publicKey=file:" + certificateFile + a, keys, null, decoy));
        sources.add(new Source(alg, "PEM ref: (String beans)",
                "privateKey=ref:pem-" + family + "-private" + a, "publicKey=ref:pem-" + family + "-public" + a,
                keys, null, decoy));
        sources.add(new Source(alg, "multi-line PEM text in RAW()",
                "privateKey=RAW(" + nativePrivate + ")" + a, "publicKey=RAW(" + publicPem + ")" + a, keys, null, decoy));
        sources.add(new Source(alg, "multi-line PEM text as RAW({{placeholder}})",
                "privateKey=RAW({{matrix." + family + ".private}})" + a,
                "publicKey=RAW({{matrix." + family + ".public}})" + a, keys, null, decoy));
        sources.add(new Source(alg, "one-line PEM, line breaks as spaces, in RAW()",
                "privateKey=RAW(" + pkcs8.replace("\n", " ") + ")" + a,
                "publicKey=RAW(" + certificate.replace("\n", " ") + ")" + a, keys, null, decoy));
        sources.add(new Source(alg, "one-line PEM, line breaks removed, in RAW()",
                "privateKey=RAW(" + nativePrivate.replace("\n", "") + ")" + a,
                "publicKey=RAW(" + publicPem.replace("\n", "") + ")" + a, keys, null, decoy));
        sources.add(new Source(alg, "one-line PEM, line breaks removed, as RAW({{placeholder}})",
                "privateKey=RAW({{matrix." + family + ".private.oneline}})" + a,
                "publicKey=RAW(" + certificate.replace("\n", "") + ")" + a, keys, null, decoy));
        return sources;
    }

    private static List<Source> keyStoreSources(String alg, String family) {
        String a = algorithmOption(alg);
        KeyPair keys = TestKeys.keyPair(family);
        KeyPair decoy = decoy(family);
        String p12 = "keyStore=classpath:keys/keys.p12&keyStorePassword=storepass&keyAlias=" + family + a;
        String jks = "keyStore=file:" + dir.resolve("keys.jks") + "&keyStorePassword=storepass";
        // a key store entry's alias is the token's kid
        return List.of(
                same(alg, "PKCS#12, classpath:", p12, keys, family, decoy),
                // validate needs no keyPassword and no keyAlias: the certificates of every entry verify
                new Source(alg, "JKS with keyPassword, file:", jks + "&keyAlias=" + family + "&keyPassword=keypass" + a,
                        jks + a, keys, family, decoy),
                // without keyAlias, keyId chooses the entry by its alias
                new Source(alg, "PKCS#12, entry chosen by keyId", "keyStore=#p12Store&keyId=" + family + a,
                        "keyStore=#p12Store" + a, keys, family, decoy),
                same(alg, "KeyStoreParameters #bean, PKCS#12", "keyStore=#p12Store&keyAlias=" + family + a,
                        keys, family, decoy),
                new Source(alg, "KeyStoreParameters #bean, JKS with keyPassword",
                        "keyStore=#jksStore&keyAlias=" + family + "&keyPassword=keypass" + a,
                        "keyStore=#jksStore&keyAlias=" + family + a, keys, family, decoy));
    }

    private static List<Source> jwkSources(String alg, String family) throws Exception {
        String a = algorithmOption(alg);
        Object keys = family.equals("hmac") ? HMAC_KEY : TestKeys.keyPair(family);
        Object decoy = family.equals("hmac") ? HMAC_DECOY : decoy(family);
        String kid = family + "-key";
        JWK jwk = TestKeys.jwk(keys, kid);
        JWK noKid = TestKeys.jwk(keys, null);
        // the decoy comes first, so taking the first key of the set would be caught
        List<JWK> set = List.of(TestKeys.jwk(decoy, "decoy"), jwk);
        String privateSet = new JWKSet(set).toString(false);
        String publicSet = new JWKSet(set.stream().map(k -> k.isPrivate() && !family.equals("hmac") ? k.toPublicJWK() : k)
                .toList()).toString(false);
        Path privateSetFile = Files.writeString(dir.resolve(alg + "-private-jwks.json"), privateSet);
        Path publicSetFile = Files.writeString(dir.resolve(alg + "-public-jwks.json"), publicSet);
        return List.of(
                new Source(alg, "JWK text with kid", "jwks=RAW(" + TestKeys.json(jwk, true) + ")" + a,
                        "jwks=RAW(" + TestKeys.json(jwk, false) + ")" + a, keys, kid, decoy),
                new Source(alg, "JWK text without kid", "jwks=RAW(" + TestKeys.json(noKid, true) + ")" + a,
                        "jwks=RAW(" + TestKeys.json(noKid, false) + ")" + a, keys, null, decoy),
                new Source(alg, "JWK Set text, key chosen by keyId",
                        "jwks=RAW(" + privateSet + ")&keyId=" + kid + a, "jwks=RAW(" + publicSet + ")" + a,
                        keys, kid, decoy),
                new Source(alg, "JWK Set file:, key chosen by keyId",
                        "jwks=file:" + privateSetFile + "&keyId=" + kid + a, "jwks=file:" + publicSetFile + a,
                        keys, kid, decoy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void tokenFromGenerateVerifiesInNimbusValidatesAndDecodes(Source source) throws Exception {
        String id = "m" + ROUTE_IDS.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:" + id + "-generate").to("jwt:generate?" + source.generate() + GENERATE_CLAIMS);
                from("direct:" + id + "-validate").to("jwt:validate?" + source.validate() + VALIDATE_CHECKS);
                from("direct:" + id + "-decode").to("jwt:decode");
            }
        });

        String token = template.requestBody("direct:" + id + "-generate",
                Map.of("sub", "alice", "roles", List.of("admin", "user")), String.class);
        assertSignedByTheSourceKey(source, token);

        Message validated = validate(id, token);
        assertEquals(Boolean.TRUE, validated.getHeader(JwtConstants.JWT_VERIFIED));
        assertEquals("alice", validated.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("matrix", validated.getHeader(JwtConstants.JWT_ISSUER));
        assertEquals(List.of("api", "web"), validated.getHeader(JwtConstants.JWT_AUDIENCE));
        assertEquals(List.of("admin", "user"), validated.getHeader(JwtConstants.JWT_ROLES));
        assertEquals("acme", validated.getHeader(JwtConstants.JWT_CLAIMS, Map.class).get("tenant"));
        Map<?, ?> header = validated.getHeader(JwtConstants.JWT_HEADER, Map.class);
        assertEquals(source.algorithm(), header.get("alg"));
        assertEquals(source.kid(), header.get("kid"));
        assertEquals("JWT", header.get("typ"));

        assertEquals("bob", validate(id, nimbusToken(source, source.keys(), "bob")).getHeader(JwtConstants.JWT_SUBJECT));
        assertRefused(JwtFailure.SIGNATURE_INVALID, id, nimbusToken(source, source.decoy(), "mallory"));

        Exchange decoded = template.request("direct:" + id + "-decode", e -> e.getMessage().setBody(token));
        assertNull(decoded.getException());
        assertEquals("alice", decoded.getMessage().getBody(Map.class).get("sub"));
        assertEquals(Boolean.FALSE, decoded.getMessage().getHeader(JwtConstants.JWT_VERIFIED));
        assertEquals(source.algorithm(), decoded.getMessage().getHeader(JwtConstants.JWT_HEADER, Map.class).get("alg"));
    }

    // --- options set on the component -------------------------------------------------------------------------------

    @Test
    void secretSetOnTheComponentServesEveryEndpoint() throws Exception {
        JwtComponent component = newComponent("jwtsecret");
        component.getConfiguration().setSecret(UTF8_SECRET);
        component.getConfiguration().setAlgorithm("HS384");
        Source source = new Source("HS384", "component secret", "", "", UTF8_KEY, null, HMAC_DECOY);
        roundTrip("jwtsecret", source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricAlgorithms")
    void multiLinePemTextSetOnTheComponentServesEveryEndpoint(String alg) throws Exception {
        String family = TestKeys.family(alg);
        String scheme = "jwtpem" + alg.toLowerCase();
        JwtComponent component = newComponent(scheme);
        component.getConfiguration().setPrivateKey(TestKeys.text("keys/" + nativePrivatePem(family)));
        component.getConfiguration().setPublicKey(TestKeys.text("keys/" + family + "-cert.pem"));
        component.getConfiguration().setAlgorithm(alg);
        roundTrip(scheme, new Source(alg, "component PEM", "", "", TestKeys.keyPair(family), null, decoy(family)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asymmetricAlgorithms")
    void keyStoreParametersSetOnTheComponentServesEveryEndpoint(String alg) throws Exception {
        String family = TestKeys.family(alg);
        String scheme = "jwtstore" + alg.toLowerCase();
        JwtComponent component = newComponent(scheme);
        component.getConfiguration().setKeyStore(storeParameters("classpath:keys/keys.jks", "JKS"));
        component.getConfiguration().setKeyAlias(family);
        component.getConfiguration().setKeyPassword(TestKeys.JKS_KEY_PASSWORD);
        component.getConfiguration().setAlgorithm(alg);
        roundTrip(scheme, new Source(alg, "component key store", "", "", TestKeys.keyPair(family), family, decoy(family)));
    }

    @Test
    void componentPropertiesBindLikeCamelMainAndUriOptionsOverrideThem() throws Exception {
        JwtComponent component = newComponent("jwtprops");
        context.getPropertiesComponent().addInitialProperty("jwt.secret",
                Base64.getEncoder().encodeToString(TestKeys.HMAC_SECRET));
        // a base64 secret with '+' and '/' needs no RAW() here: component properties are not URI-decoded
        bindComponentProperties("jwtprops", component, Map.of(
                "secret", "{{jwt.secret}}",
                "secretEncoding", "base64",
                "algorithm", "HS512",
                "issuer", "matrix",
                "claim.tenantId", "acme",
                // Camel's binding turns a dashed name after a dot into camelCase; brackets keep it as written
                "header[x-env]", "test"));
        roundTrip("jwtprops", new Source("HS512", "component properties", "", "", HMAC_KEY, null, HMAC_DECOY));

        String id = addRoutes("jwtprops:generate", "jwtprops:validate?claim.tenantId=other");
        String token = template.requestBody("direct:" + id + "-generate", Map.of("sub", "alice"), String.class);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertEquals("acme", claims.getStringClaim("tenantId"));
        assertEquals("matrix", claims.getIssuer());
        assertEquals("test", SignedJWT.parse(token).getHeader().getCustomParam("x-env"));
        assertRefused(JwtFailure.CLAIM_MISMATCH, id, token);
    }

    static Stream<String> asymmetricAlgorithms() {
        return TestKeys.ALGORITHMS.stream().filter(alg -> !alg.startsWith("HS"));
    }

    /** Binds {@code camel.component.NAME.*} as camel-main does: by the component's configurer, placeholders resolved. */
    private static void bindComponentProperties(String name, JwtComponent component, Map<String, Object> options) {
        Map<String, Object> remaining = new LinkedHashMap<>(options);
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withProperties(remaining)
                .withIgnoreCase(true).withMandatory(true).bind();
        assertTrue(remaining.isEmpty(), "camel.component." + name + " options left unbound: " + remaining.keySet());
    }

    private static JwtComponent newComponent(String scheme) {
        JwtComponent component = new JwtComponent();
        context.addComponent(scheme, component);
        return component;
    }

    /** Generate and validate on endpoints without key options: the component's options must do. */
    private static void roundTrip(String scheme, Source source) throws Exception {
        String id = addRoutes(scheme + ":generate", scheme + ":validate");
        String token = template.requestBody("direct:" + id + "-generate", Map.of("sub", "alice"), String.class);
        assertSignedByTheSourceKey(source, token);
        assertEquals("alice", validate(id, token).getHeader(JwtConstants.JWT_SUBJECT));
        assertRefused(JwtFailure.SIGNATURE_INVALID, id, nimbusToken(source, source.decoy(), "mallory"));
    }

    private static String addRoutes(String generateUri, String validateUri) throws Exception {
        String id = "c" + ROUTE_IDS.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:" + id + "-generate").to(generateUri);
                from("direct:" + id + "-validate").to(validateUri);
            }
        });
        return id;
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private static void assertSignedByTheSourceKey(Source source, String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWSHeader header = jwt.getHeader();
        assertEquals(source.algorithm(), header.getAlgorithm().getName());
        assertEquals(source.kid(), header.getKeyID());
        assertEquals(JOSEObjectType.JWT, header.getType());
        assertTrue(jwt.verify(TestKeys.verifier(header, source.keys())), "nimbus does not verify the token");
        assertEquals("alice", jwt.getJWTClaimsSet().getSubject());
    }

    private static Message validate(String id, String token) {
        Exchange exchange = template.request("direct:" + id + "-validate",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + token));
        assertNull(exchange.getException(), () -> "validate refused: " + exchange.getException());
        return exchange.getMessage();
    }

    private static void assertRefused(JwtFailure reason, String id, String token) {
        Exchange exchange = template.request("direct:" + id + "-validate",
                e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));
        JwtValidationException refusal = assertInstanceOf(JwtValidationException.class, exchange.getException());
        assertEquals(reason, refusal.getReason());
    }

    /** A token nimbus signs with the given key, carrying what the validate endpoints check. */
    private static String nimbusToken(Source source, Object keys, String subject) throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(source.algorithm()))
                .type(JOSEObjectType.JWT).keyID(source.kid()).build();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject).issuer("matrix").audience("web").claim("tenant", "acme")
                .claim("roles", List.of("admin")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(TestKeys.signer(source.algorithm(), keys));
        return jwt.serialize();
    }

    private static Source same(String alg, String name, String options, Object keys, String kid, Object decoy) {
        return new Source(alg, name, options, options, keys, kid, decoy);
    }

    /** The algorithm option, left out where the key's default is this algorithm (so defaults are covered too). */
    private static String algorithmOption(String algorithm) {
        return TestKeys.isDefaultFor(algorithm) ? "" : "&algorithm=" + algorithm;
    }

    /** The private key PEM a family's tooling writes by default: PKCS#1 for RSA, SEC1 for EC, PKCS#8 for Ed25519. */
    private static String nativePrivatePem(String family) {
        return family.equals("rsa") ? "rsa-pkcs1.pem" : family.startsWith("ec") ? family + "-sec1.pem" : family + "-pkcs8.pem";
    }

    private static KeyPair decoy(String family) {
        return DECOYS.computeIfAbsent(family, TestKeys::otherKeyPair);
    }

    private static SecretKey hmac(byte[] bytes) {
        return new SecretKeySpec(bytes, "HMAC");
    }

    private static byte[] sha512(String text) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
