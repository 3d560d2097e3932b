package io.cameljwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWKSet;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong configuration stops the route from starting, with a message that names the option and holds no key
 * material (no secret, no PEM or JWK content, no password), wherever Camel puts it in the exception chain.
 */
class ConfigurationErrorTest extends CamelTestSupport {

    private static final String SECRET_31 = "0123456789abcdef0123456789abcde";
    private static final String SECRET_32 = "0123456789abcdef0123456789abcdef";
    private static final String RSA_PUBLIC = "classpath:keys/rsa-public.pem";
    private static final String RSA_PRIVATE = "classpath:keys/rsa-pkcs8.pem";
    private static final String EC256_PRIVATE = "classpath:keys/ec256-pkcs8.pem";
    private static final String P12 = "keyStore=classpath:keys/keys.p12&keyStorePassword=storepass";
    private static final String WRONG_PASSWORD = "wrong-password-4711";
    /** What follows the '#' of a secret or password that is not a bean name. */
    private static final String HASH_SECRET = "Zq8vN3xLq0pT7mWc2rYh5sKd9fGj4bAe";
    /** 48 bytes in base64 (no padding) that begin with "++++" (bytes fb ef be). */
    private static final String PLUS_SECRET = "++++" + Base64.getEncoder().encodeToString(new byte[45]).replace('A', 'Q');

    /**
     * @param uri      the endpoint
     * @param option   the option the message must name
     * @param material what must not show: secrets, passwords, key text, and the keys of the resources the URI names
     */
    record Misconfiguration(String name, String uri, String option, List<String> material) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Misconfiguration> misconfigurations() throws Exception {
        KeyPair rsa1024 = rsa(1024);
        String weakPrivate = pem("PRIVATE KEY", rsa1024.getPrivate().getEncoded());
        String weakPublic = pem("PUBLIC KEY", rsa1024.getPublic().getEncoded());
        String twoSigningKeys = new JWKSet(List.of(
                TestKeys.jwk(TestKeys.keyPair("rsa"), "one"), TestKeys.jwk(TestKeys.otherKeyPair("rsa"), "two")))
                .toString(false);
        String oneSigningKey = TestKeys.jwk(TestKeys.keyPair("rsa"), "one").toJSONString();
        String base64Secret = Base64.getEncoder().encodeToString(TestKeys.HMAC_SECRET);
        String pkcs8 = TestKeys.text("keys/rsa-pkcs8.pem");

        List<Misconfiguration> cases = new ArrayList<>();
        cases.add(wrong("generate without any key", "jwt:generate", "secret"));
        cases.add(wrong("validate without any key", "jwt:validate", "publicKey"));
        cases.add(wrong("HS256 with a 31-byte secret (generate)", "jwt:generate?secret=" + SECRET_31, "secret", SECRET_31));
        cases.add(wrong("HS256 with a 31-byte secret (validate)", "jwt:validate?secret=" + SECRET_31, "secret", SECRET_31));
        cases.add(wrong("HS512 with a 32-byte secret (generate)", "jwt:generate?algorithm=HS512&secret=" + SECRET_32,
                "secret", SECRET_32));
        cases.add(wrong("HS512 with a 32-byte secret (validate)", "jwt:validate?algorithm=HS512&secret=" + SECRET_32,
                "secret", SECRET_32));
        cases.add(wrong("RSA key of 1024 bits (generate)", "jwt:generate?privateKey=RAW(" + weakPrivate + ")",
                "privateKey", weakPrivate));
        cases.add(wrong("RSA key of 1024 bits (validate)", "jwt:validate?publicKey=RAW(" + weakPublic + ")",
                "publicKey", weakPublic));
        cases.add(wrong("HS256 with an RSA publicKey", "jwt:validate?algorithm=HS256&publicKey=" + RSA_PUBLIC,
                "algorithm"));
        cases.add(wrong("ES384 with a P-256 key (generate)", "jwt:generate?algorithm=ES384&privateKey=" + EC256_PRIVATE,
                "algorithm", EC256_PRIVATE));
        cases.add(wrong("ES384 with a P-256 key (validate)",
                "jwt:validate?algorithm=ES384&publicKey=classpath:keys/ec256-public.pem", "algorithm"));
        cases.add(wrong("RS256 with an EC key", "jwt:generate?algorithm=RS256&privateKey=" + EC256_PRIVATE, "algorithm",
                EC256_PRIVATE));
        cases.add(wrong("EdDSA with an RSA key", "jwt:generate?algorithm=EdDSA&privateKey=" + RSA_PRIVATE, "algorithm",
                RSA_PRIVATE));
        for (String none : List.of("none", "None", "NONE")) {
            cases.add(wrong("algorithm=" + none + " (generate)", "jwt:generate?algorithm=" + none + "&secret=" + SECRET_32,
                    "algorithm", SECRET_32));
            cases.add(wrong("algorithm=" + none + " in a list (validate)",
                    "jwt:validate?algorithm=HS256," + none + "&secret=" + SECRET_32, "algorithm", SECRET_32));
        }
        cases.add(wrong("an unknown algorithm (generate)", "jwt:generate?algorithm=HS999&secret=" + SECRET_32,
                "algorithm", SECRET_32));
        cases.add(wrong("an unknown algorithm (validate)", "jwt:validate?algorithm=RS256,XS256&publicKey=" + RSA_PUBLIC,
                "algorithm"));
        cases.add(wrong("a list of algorithms in generate", "jwt:generate?algorithm=HS256,HS384&secret=" + SECRET_32,
                "algorithm", SECRET_32));
        cases.add(wrong("expiresIn=0 without allowNoExpiry", "jwt:generate?expiresIn=0&secret=" + SECRET_32,
                "expiresIn", SECRET_32));
        cases.add(wrong("an unknown secretEncoding", "jwt:validate?secretEncoding=base32&secret=" + SECRET_32,
                "secretEncoding", SECRET_32));
        cases.add(wrong("secretEncoding=utf-8, which is not one of its values (utf8)",
                "jwt:validate?secretEncoding=utf-8&secret=" + SECRET_32, "secretEncoding", SECRET_32));
        cases.add(wrong("a secret that is not the base64 it claims", "jwt:validate?secretEncoding=base64&secret=" + SECRET_32 + "*",
                "secret", SECRET_32));
        cases.add(wrong("a base64 secret whose '+' a URI turned into a space",
                "jwt:validate?secretEncoding=base64&secret=" + base64Secret, "secret", base64Secret,
                base64Secret.replace('+', ' ')));
        // without RAW() the four '+' become spaces; skipping them would leave valid base64 of another, shorter secret
        cases.add(wrong("a base64 secret that would still decode without its '+'",
                "jwt:generate?secretEncoding=base64&secret=" + PLUS_SECRET, "secret", PLUS_SECRET.substring(4)));
        cases.add(wrong("an unknown rolesMatch", "jwt:validate?requiredRoles=admin&rolesMatch=most&secret=" + SECRET_32,
                "rolesMatch", SECRET_32));
        cases.add(wrong("an unknown rolesMatch without requiredRoles", "jwt:validate?rolesMatch=most&secret=" + SECRET_32,
                "rolesMatch", SECRET_32));
        cases.add(wrong("an unknown outputFormat", "jwt:decode?outputFormat=xml", "outputFormat"));
        // decode reads no key, so only the check of the option's values can catch this
        cases.add(wrong("an unknown secretEncoding on decode", "jwt:decode?secretEncoding=base32", "secretEncoding"));
        cases.add(wrong("maxTokenLength=0", "jwt:validate?maxTokenLength=0&secret=" + SECRET_32, "maxTokenLength",
                SECRET_32));
        cases.add(wrong("a missing classpath: resource", "jwt:generate?privateKey=classpath:keys/missing.pem",
                "privateKey"));
        cases.add(wrong("a missing file: resource", "jwt:validate?publicKey=file:target/no-such-dir/key.pem",
                "publicKey"));
        cases.add(wrong("a missing ref: bean", "jwt:validate?jwks=ref:noSuchJwks", "jwks"));
        cases.add(wrong("a missing key store", "jwt:validate?keyStore=classpath:keys/missing.p12&keyStorePassword=storepass",
                "keyStore", "storepass"));
        cases.add(wrong("a wrong key store password",
                "jwt:generate?keyAlias=rsa&keyStore=classpath:keys/keys.p12&keyStorePassword=" + WRONG_PASSWORD,
                "keyStorePassword", WRONG_PASSWORD, "storepass", RSA_PRIVATE));
        cases.add(wrong("a wrong key password",
                "jwt:generate?keyAlias=rsa&keyStore=classpath:keys/keys.jks&keyStorePassword=storepass&keyPassword="
                                                + WRONG_PASSWORD,
                "keyPassword", WRONG_PASSWORD, "storepass", "keypass", RSA_PRIVATE));
        cases.add(wrong("a keyAlias that is not in the key store", "jwt:validate?keyAlias=nope&" + P12, "keyAlias",
                "storepass"));
        cases.add(wrong("several key store entries and no keyAlias", "jwt:generate?" + P12, "keyAlias", "storepass",
                RSA_PRIVATE));
        cases.add(wrong("several JWKs and no keyId", "jwt:generate?jwks=RAW(" + twoSigningKeys + ")", "keyId",
                twoSigningKeys));
        cases.add(wrong("a keyId that no JWK has", "jwt:generate?keyId=three&jwks=RAW(" + twoSigningKeys + ")", "keyId",
                twoSigningKeys));
        // the one key has another kid: signing with it would announce a kid it does not have
        cases.add(wrong("a keyId that the only JWK does not have", "jwt:generate?keyId=three&jwks=RAW(" + oneSigningKey
                                                                   + ")", "keyId", oneSigningKey));
        cases.add(wrong("a secret and a private key and no keyId",
                "jwt:generate?secret=" + SECRET_32 + "&privateKey=" + RSA_PRIVATE, "keyId", SECRET_32, RSA_PRIVATE));
        cases.add(wrong("a public key given as privateKey", "jwt:generate?privateKey=" + RSA_PUBLIC, "privateKey"));
        cases.add(wrong("PEM text whose '+' a URI turned into spaces", "jwt:generate?privateKey=" + pkcs8.replace("\n", ""),
                "privateKey", pkcs8));
        cases.add(wrong("a jwks that is not JSON", "jwt:validate?jwks=RAW(" + pkcs8 + ")", "jwks", pkcs8));
        cases.add(wrong("a bad rolesMatch next to an inline private JWK Set", "jwt:generate?rolesMatch=bogus&jwks=RAW("
                                                                          + twoSigningKeys + ")", "rolesMatch", twoSigningKeys));
        for (String reserved : List.of("alg", "kid", "typ", "crit", "b64", "zip", "enc", "cty")) {
            cases.add(wrong("header." + reserved + " in generate", "jwt:generate?secret=" + SECRET_32 + "&header." + reserved
                                                                  + "=x", "header." + reserved, SECRET_32));
        }
        for (String time : List.of("exp", "nbf", "iat")) {
            cases.add(wrong("claim." + time + " in generate", "jwt:generate?secret=" + SECRET_32 + "&claim." + time + "=5",
                    "claim." + time, SECRET_32));
        }
        cases.add(wrong("expiresIn of 500 milliseconds", "jwt:generate?expiresIn=500&secret=" + SECRET_32, "expiresIn",
                SECRET_32));
        cases.add(wrong("notBefore of 1.5 seconds", "jwt:generate?notBefore=1500&secret=" + SECRET_32, "notBefore",
                SECRET_32));
        cases.add(wrong("clockSkew of 1.5 seconds", "jwt:validate?clockSkew=1500&secret=" + SECRET_32, "clockSkew",
                SECRET_32));
        cases.add(wrong("a negative maxAge", "jwt:validate?maxAge=-1000&secret=" + SECRET_32, "maxAge", SECRET_32));
        cases.add(wrong("a #name the registry does not have", "jwt:generate?secret=#noSuchSecretBean", "secret"));
        // a value that begins with '#' is taken as a bean name: the rest may be the secret itself, so it is never shown
        cases.add(wrong("a secret that begins with # and names no bean",
                "jwt:generate?secret=#" + HASH_SECRET, "secret", HASH_SECRET));
        cases.add(wrong("a key store password that begins with # and names no bean",
                "jwt:validate?keyStore=classpath:keys/keys.p12&keyStorePassword=#" + HASH_SECRET, "keyStorePassword",
                HASH_SECRET));
        cases.add(wrong("a JWK whose key_ops do not include sign",
                "jwt:generate?jwks=RAW(" + signingKeyWithOps("verify") + ")", "jwks"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void routeDoesNotStartAndTheMessageNamesTheOptionWithoutKeyMaterial(Misconfiguration wrong) {
        assertRouteDoesNotStart(context, wrong);
    }

    /** The route through {@code wrong.uri()} does not start; a message names the option and none shows key material. */
    static void assertRouteDoesNotStart(CamelContext context, Misconfiguration wrong) {
        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(wrong.uri());
            }
        }));
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        String all = String.join("\n", messages);
        assertTrue(messages.stream().anyMatch(m -> m.contains("'" + wrong.option() + "'")),
                () -> "no message names '" + wrong.option() + "':\n" + all);
        for (String material : keyMaterial(wrong.material())) {
            assertFalse(all.contains(material), () -> "a message shows key material:\n" + all);
        }
    }

    private static String signingKeyWithOps(String op) throws Exception {
        String jwk = TestKeys.jwk(TestKeys.keyPair("rsa"), "ops").toJSONString();
        return jwk.substring(0, jwk.length() - 1) + ",\"key_ops\":[\"" + op + "\"]}";
    }

    static Misconfiguration wrong(String name, String uri, String option, String... material) {
        return new Misconfiguration(name, uri, option, List.of(material));
    }

    /**
     * What must not appear: each value itself, every Base64 line of PEM text, the members of JWK JSON, and, for a
     * resource the URI names, its PEM lines too. Short values (under 8 characters) would match by chance and are left
     * out, except passwords, which are given whole.
     */
    private static List<String> keyMaterial(List<String> values) {
        List<String> material = new ArrayList<>();
        for (String value : values) {
            int before = material.size();
            String text = value.startsWith("classpath:") ? TestKeys.text(value.substring("classpath:".length())) : value;
            if (text.contains("-----BEGIN")) {
                for (String line : text.split("\n")) {
                    if (!line.startsWith("-----") && line.length() >= 16) {
                        material.add(line.substring(0, 16));
                    }
                }
            } else if (text.startsWith("{")) {
                Matcher member = Pattern.compile("\"(?:d|k|p|q|dp|dq|qi|n)\":\"([^\"]{16})").matcher(text);
                while (member.find()) {
                    material.add(member.group(1));
                }
            } else {
                material.add(text);
            }
            assertTrue(material.size() > before, "nothing to look for in a value of " + values.size());
        }
        return material;
    }

    private static KeyPair rsa(int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + label + "-----\n";
    }
}
