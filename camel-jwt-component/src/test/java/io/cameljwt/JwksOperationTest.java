package io.cameljwt;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jwt:jwks} through real routes: for every key source, the published set holds the public half of each
 * signature key under the kid that {@code jwt:generate} writes with the same options, so nimbus-jose-jwt verifies
 * generate's tokens with it, choosing the key by kid; it never holds a private or secret member.
 */
class JwksOperationTest extends JwtRouteTestSupport {

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final String P12 = "keyStore=classpath:keys/keys.p12&keyStorePassword=storepass";
    private static final String JKS = "keyStore=classpath:keys/keys.jks&keyStorePassword=storepass";
    private static final Set<String> STORE_ALIASES = Set.of("rsa", "ec256", "ec384", "ec521", "ed25519");
    private static final String SECRET = "jwks-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One key source.
     *
     * @param generate the key options of jwt:generate
     * @param jwks     the key options of jwt:jwks
     * @param kids     the kids jwt:jwks must publish, exactly
     * @param kid      the kid of generate's token
     */
    record Source(String name, String generate, String jwks, Set<String> kids, String kid) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Source> sources() {
        JWK rsa = TestKeys.jwk(TestKeys.keyPair("rsa"), "rsa-2025");
        JWK ec = TestKeys.jwk(TestKeys.keyPair("ec384"), "ec-2025");
        JWK ed = TestKeys.jwk(TestKeys.keyPair("ed25519"), null);
        String privateSet = new JWKSet(List.of(rsa, ec)).toString(false);
        String publicSet = new JWKSet(List.of(rsa, ec)).toString(true);
        return Stream.of(
                new Source("PEM PKCS#8 private and public key, keyId", pem("rsa-pkcs8", "rsa-public") + "&keyId=pem-rsa",
                        pem("rsa-pkcs8", "rsa-public") + "&keyId=pem-rsa", Set.of("pem-rsa"), "pem-rsa"),
                new Source("PEM PKCS#1 private key alone, keyId", "privateKey=classpath:keys/rsa-pkcs1.pem&keyId=r1",
                        "privateKey=classpath:keys/rsa-pkcs1.pem&keyId=r1", Set.of("r1"), "r1"),
                new Source("PEM public key alone for jwks, keyId", pem("rsa-pkcs8", null) + "&keyId=r2",
                        "publicKey=classpath:keys/rsa-public.pem&keyId=r2", Set.of("r2"), "r2"),
                new Source("PEM SEC1 EC private key with its public key, keyId", pem("ec256-sec1", "ec256-public")
                                                                          + "&keyId=pem-ec",
                        pem("ec256-sec1", "ec256-public") + "&keyId=pem-ec", Set.of("pem-ec"), "pem-ec"),
                new Source("PEM Ed25519 private key with its certificate, keyId",
                        pem("ed25519-pkcs8", "ed25519-cert") + "&keyId=pem-ed",
                        pem("ed25519-pkcs8", "ed25519-cert") + "&keyId=pem-ed", Set.of("pem-ed"), "pem-ed"),
                new Source("PKCS#12 entry chosen by keyAlias", P12 + "&keyAlias=ec384", P12, STORE_ALIASES, "ec384"),
                new Source("PKCS#12 entry chosen by keyId", P12 + "&keyId=ed25519", P12, STORE_ALIASES, "ed25519"),
                new Source("JKS entry with keyPassword; jwks reads the certificates", JKS
                                                                                   + "&keyAlias=rsa&keyPassword=keypass",
                        JKS, STORE_ALIASES, "rsa"),
                new Source("key store entry chosen by keyAlias, renamed by keyId", P12 + "&keyAlias=ec521&keyId=signer",
                        P12 + "&keyAlias=ec521&keyId=signer", Set.of("signer"), "signer"),
                new Source("JWK Set of private keys, keyId", "jwks=RAW(" + privateSet + ")&keyId=ec-2025",
                        "jwks=RAW(" + privateSet + ")", Set.of("rsa-2025", "ec-2025"), "ec-2025"),
                new Source("JWK Set of private keys for generate, of public keys for jwks",
                        "jwks=RAW(" + privateSet + ")&keyId=rsa-2025", "jwks=RAW(" + publicSet + ")",
                        Set.of("rsa-2025", "ec-2025"), "rsa-2025"),
                new Source("private JWK without kid, keyId", "jwks=RAW(" + ed.toJSONString() + ")&keyId=ed-1",
                        "jwks=RAW(" + ed.toJSONString() + ")&keyId=ed-1", Set.of("ed-1"), "ed-1"));
    }

    private static String pem(String privateFile, String publicFile) {
        return "privateKey=classpath:keys/" + privateFile + ".pem"
               + (publicFile == null ? "" : "&publicKey=classpath:keys/" + publicFile + ".pem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void tokenFromGenerateVerifiesInNimbusWithThePublishedSetByKid(Source source) throws Exception {
        String published = publish("jwt:jwks?" + source.jwks());
        assertEquals(source.kids(), kids(published));

        String token = generate("jwt:generate?" + source.generate());
        assertEquals(source.kid(), SignedJWT.parse(token).getHeader().getKeyID());
        assertVerifiesWithThePublishedSet(token, published);
    }

    @Test
    void rotationWithAJwkSetPublishesBothKeysAndTokensOfEitherKeyStayValid() throws Exception {
        String keys = new JWKSet(List.of(TestKeys.jwk(TestKeys.keyPair("rsa"), "k1"),
                TestKeys.jwk(TestKeys.keyPair("ec256"), "k2"))).toString(false);
        assertRotationKeepsOldTokensValid("jwks=RAW(" + keys + ")", "k1", "k2");
    }

    @Test
    void rotationWithAKeyStorePublishesEveryEntryAndTokensOfEitherEntryStayValid() throws Exception {
        assertRotationKeepsOldTokensValid(P12, "rsa", "ec256");
    }

    /** generate signs with the old key, then with the new one; the set jwks publishes verifies both tokens. */
    private void assertRotationKeepsOldTokensValid(String keys, String oldKid, String newKid) throws Exception {
        String oldToken = generate("jwt:generate?" + keys + "&keyId=" + oldKid);
        String newToken = generate("jwt:generate?" + keys + "&keyId=" + newKid);
        String published = publish("jwt:jwks?" + keys);
        assertTrue(kids(published).containsAll(List.of(oldKid, newKid)), published);

        for (String token : List.of(oldToken, newToken)) {
            assertVerifiesWithThePublishedSet(token, published);
            Message validated = accepted(sendToken("jwt:validate?jwks=RAW(" + published + ")", token));
            assertEquals("alice", validated.getHeader(JwtConstants.JWT_SUBJECT));
        }
        assertEquals(oldKid, SignedJWT.parse(oldToken).getHeader().getKeyID());
        assertEquals(newKid, SignedJWT.parse(newToken).getHeader().getKeyID());
    }

    @Test
    void everyMessageGetsTheSameJsonBodyAndContentType() {
        String uri = "jwt:jwks?" + P12;
        Exchange first = send(uri, "ignored", Map.of());
        Map<String, Object> headers = new HashMap<>();
        headers.put(Exchange.CONTENT_TYPE, "text/plain");
        Exchange second = send(uri, Map.of("sub", "alice"), headers);
        assertEquals("application/json", accepted(first).getHeader(Exchange.CONTENT_TYPE));
        assertEquals("application/json", accepted(second).getHeader(Exchange.CONTENT_TYPE));
        // built once at start: the very same text for every message
        assertSame(first.getMessage().getBody(), second.getMessage().getBody());
        assertPublicOnly(first.getMessage().getBody(String.class));
    }

    @Test
    void privateAndPublicKeyOfOnePairArePublishedOnceUnderTheirThumbprint() throws Exception {
        String published = publish("jwt:jwks?" + pem("rsa-pkcs8", "rsa-public"));
        String thumbprint = rsaJwk().computeThumbprint().toString();
        assertEquals(Set.of(thumbprint), kids(published));
    }

    @Test
    void publicKeyWithoutKeyIdIsPublishedUnderItsThumbprint() throws Exception {
        String published = publish("jwt:jwks?publicKey=classpath:keys/rsa-cert.pem");
        JWK jwk = JWKSet.parse(published).getKeys().get(0);
        assertEquals(rsaJwk().computeThumbprint().toString(), jwk.getKeyID());
        assertEquals(rsaJwk().toPublicJWK().toRSAKey().getModulus(), jwk.toRSAKey().getModulus());
        assertEquals("RS256", jwk.getAlgorithm().getName());
    }

    @Test
    void algorithmOptionSetsTheAlgOfTheKeysItFits() throws Exception {
        String published = publish("jwt:jwks?" + P12 + "&algorithm=PS384");
        for (JWK jwk : JWKSet.parse(published).getKeys()) {
            String expected = switch (jwk.getKeyID()) {
                case "rsa" -> "PS384";
                case "ec256" -> "ES256";
                case "ec384" -> "ES384";
                case "ec521" -> "ES512";
                default -> "EdDSA";
            };
            assertEquals(expected, jwk.getAlgorithm().getName(), jwk.getKeyID());
        }
    }

    @Test
    void secretNextToAPublicKeyIsLeftOut() throws Exception {
        String keys = new JWKSet(List.of(TestKeys.jwk(new javax.crypto.spec.SecretKeySpec(TestKeys.HMAC_SECRET, "HMAC"),
                "hmac"), TestKeys.jwk(TestKeys.keyPair("rsa"), "rsa"))).toString(false);
        assertEquals(Set.of("rsa"), kids(publish("jwt:jwks?jwks=RAW(" + keys + ")")));
        String published = publish("jwt:jwks?secret=" + SECRET + "&publicKey=classpath:keys/rsa-public.pem");
        assertEquals(Set.of(rsaJwk().computeThumbprint().toString()), kids(published));
    }

    @Test
    void onlySecretsFailTheStartNamingTheOption() {
        assertStartFails("jwt:jwks?secret=" + SECRET, "'secret'", SECRET);
        String octSet = new JWKSet(TestKeys.jwk(new javax.crypto.spec.SecretKeySpec(TestKeys.HMAC_SECRET, "HMAC"), "h"))
                .toString(false);
        assertStartFails("jwt:jwks?jwks=RAW(" + octSet + ")", "'jwks'", octSet.substring(octSet.indexOf("\"k\":") + 5,
                octSet.indexOf("\"k\":") + 25));
        assertStartFails("jwt:jwks?keyStore=classpath:keys/hmac.p12&keyStorePassword=storepass", "'keyStore'", "storepass");
    }

    @Test
    void ecPrivateKeyWithoutItsPublicKeyFailsTheStartAskingForPublicKey() {
        String message = assertStartFails("jwt:jwks?privateKey=classpath:keys/ec256-sec1.pem", "'privateKey'", null);
        assertTrue(message.contains("'publicKey'"), message);
        // a public key of another pair is not its public half
        assertStartFails("jwt:jwks?" + pem("ec256-pkcs8", "ec384-public"), "'privateKey'", null);
    }

    @Test
    void keyIdThatNamesNoKeyFailsTheStart() {
        String keys = new JWKSet(List.of(TestKeys.jwk(TestKeys.keyPair("rsa"), "k1"),
                TestKeys.jwk(TestKeys.keyPair("ec256"), "k2"))).toString(false);
        assertStartFails("jwt:jwks?jwks=RAW(" + keys + ")&keyId=k3", "'keyId'", null);
    }

    @Test
    void twoDifferentKeysUnderOneKidFailTheStart() {
        String keys = new JWKSet(List.of(TestKeys.jwk(TestKeys.keyPair("ec256"), "rsa"))).toString(true);
        // the key store's entry 'rsa' and a JWK with kid 'rsa' are different keys
        assertStartFails("jwt:jwks?" + P12 + "&jwks=RAW(" + keys + ")", "kid rsa", null);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** The body of jwt:jwks, checked to hold public keys only, each with kid, use sig and alg. */
    private String publish(String uri) throws Exception {
        Message message = accepted(send(uri, null, Map.of()));
        assertEquals("application/json", message.getHeader(Exchange.CONTENT_TYPE));
        String json = message.getBody(String.class);
        assertPublicOnly(json);
        return json;
    }

    private String generate(String uri) {
        return accepted(send(uri, Map.of("sub", "alice"), Map.of())).getBody(String.class);
    }

    @SuppressWarnings("unchecked")
    private static void assertPublicOnly(String json) {
        Map<String, Object> set;
        try {
            set = JSON.readValue(json, Map.class);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        assertEquals(Set.of("keys"), set.keySet());
        List<Map<String, Object>> keys = (List<Map<String, Object>>) set.get("keys");
        assertFalse(keys.isEmpty());
        for (Map<String, Object> key : keys) {
            for (String member : PRIVATE_MEMBERS) {
                assertFalse(key.containsKey(member), () -> "a published key has the private member " + member);
            }
            assertNotNull(key.get("kid"), "a published key has no kid");
            assertNotNull(key.get("alg"), "a published key has no alg");
            assertEquals("sig", key.get("use"));
        }
    }

    private static Set<String> kids(String published) throws Exception {
        Set<String> kids = new LinkedHashSet<>();
        for (JWK jwk : JWKSet.parse(published).getKeys()) {
            assertTrue(kids.add(jwk.getKeyID()), "kid " + jwk.getKeyID() + " is published twice");
        }
        return kids;
    }

    /** nimbus picks the key by the token's kid in the published set, and verifies the signature with it. */
    private static void assertVerifiesWithThePublishedSet(String token, String published) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWK jwk = JWKSet.parse(published).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(jwk, "the published set has no key with the token's kid");
        assertEquals(jwt.getHeader().getAlgorithm(), jwk.getAlgorithm());
        JWSVerifier verifier;
        if (jwk instanceof RSAKey rsa) {
            verifier = new RSASSAVerifier(rsa);
        } else if (jwk instanceof ECKey ec) {
            verifier = new ECDSAVerifier(ec);
        } else {
            verifier = new Ed25519Verifier((OctetKeyPair) jwk);
        }
        assertTrue(jwt.verify(verifier), "nimbus does not verify the token with the published key");
        assertEquals("alice", jwt.getJWTClaimsSet().getSubject());
    }

    private static RSAKey rsaJwk() {
        KeyPair pair = TestKeys.keyPair("rsa");
        return (RSAKey) TestKeys.jwk(pair, null);
    }

    private int failingRoutes;

    /** The route does not start; a message names {@code expected}; none shows {@code material}. */
    private String assertStartFails(String uri, String expected, String material) {
        String from = "direct:failing" + failingRoutes++;
        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(uri);
            }
        }));
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        String all = String.join("\n", messages);
        assertTrue(all.contains(expected), () -> "no message names " + expected + ":\n" + all);
        if (material != null) {
            assertFalse(all.contains(material), () -> "a message shows key material:\n" + all);
        }
        return all;
    }
}
