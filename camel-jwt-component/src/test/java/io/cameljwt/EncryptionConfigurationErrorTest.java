package io.cameljwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import io.cameljwt.ConfigurationErrorTest.Misconfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.cameljwt.ConfigurationErrorTest.assertRouteDoesNotStart;
import static io.cameljwt.ConfigurationErrorTest.wrong;

/**
 * Every wrong configuration of encryption stops the route from starting, with a message that names the option and
 * holds no key material (as {@link ConfigurationErrorTest} does for the signing keys).
 */
class EncryptionConfigurationErrorTest extends CamelTestSupport {

    private static final String SIGN = "secret=" + Tokens.SECRET;
    private static final String RSA_PUBLIC = "classpath:keys/rsa-public.pem";
    private static final String RSA_PRIVATE = "classpath:keys/rsa-pkcs8.pem";
    private static final String EC_PUBLIC = "classpath:keys/ec256-public.pem";
    private static final String EC_PRIVATE = "classpath:keys/ec256-pkcs8.pem";
    private static final String P12 = "keyStore=classpath:keys/keys.p12&keyStorePassword=storepass&keyAlias=ec256";

    static Stream<Misconfiguration> misconfigurations() throws Exception {
        String secret16 = EncryptionTest.octJwk(EncryptionTest.SECRET_16, null);
        String secret32 = EncryptionTest.octJwk(EncryptionTest.SECRET_32, null);
        String secret20 = EncryptionTest.octJwk(EncryptionTest.bytes(20, 5), null);
        String rsaPrivateJwk = TestKeys.jwk(TestKeys.keyPair("rsa"), "enc").toJSONString();
        String rsaPublicJwk = TestKeys.json(TestKeys.jwk(TestKeys.keyPair("rsa"), "enc"), false);
        String signingJwk = withMember(rsaPrivateJwk, "\"use\":\"sig\"");
        String rs256Jwk = withMember(rsaPrivateJwk, "\"alg\":\"RS256\"");
        String rsa15Jwk = withMember(rsaPrivateJwk, "\"alg\":\"RSA1_5\"");
        String twoEncryptionKeys = "{\"keys\":[" + EncryptionTest.octJwk(EncryptionTest.SECRET_32, "a") + ","
                                   + EncryptionTest.octJwk(EncryptionTest.bytes(32, 8), "b") + "]}";
        KeyPair rsa1024 = rsa1024();
        String weakPublic = pem("PUBLIC KEY", rsa1024.getPublic().getEncoded());
        String weakPrivate = pem("PRIVATE KEY", rsa1024.getPrivate().getEncoded());

        List<Misconfiguration> cases = new ArrayList<>();
        // generate
        cases.add(wrong("keyManagementAlgorithm without encryptionKey",
                "jwt:generate?" + SIGN + "&keyManagementAlgorithm=RSA-OAEP-256", "keyManagementAlgorithm"));
        cases.add(wrong("contentEncryptionAlgorithm without encryptionKey",
                "jwt:generate?" + SIGN + "&contentEncryptionAlgorithm=A128GCM", "contentEncryptionAlgorithm"));
        cases.add(wrong("an unknown key management algorithm (generate)",
                "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PUBLIC + "&keyManagementAlgorithm=RSA-OAEP-512",
                "keyManagementAlgorithm"));
        cases.add(wrong("keyManagementAlgorithm=none (generate)",
                "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PUBLIC + "&keyManagementAlgorithm=none",
                "keyManagementAlgorithm"));
        cases.add(wrong("a JWS algorithm as key management algorithm",
                "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PUBLIC + "&keyManagementAlgorithm=RS256",
                "keyManagementAlgorithm"));
        cases.add(wrong("an unknown content encryption algorithm (generate)",
                "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PUBLIC + "&contentEncryptionAlgorithm=A512GCM",
                "contentEncryptionAlgorithm"));
        cases.add(wrong("a list of key management algorithms in generate",
                "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PUBLIC + "&keyManagementAlgorithm=RSA-OAEP-256,RSA-OAEP",
                "keyManagementAlgorithm"));
        cases.add(wrong("a list of content encryption algorithms in generate",
                "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PUBLIC + "&contentEncryptionAlgorithm=A128GCM,A256GCM",
                "contentEncryptionAlgorithm"));
        cases.add(wrong("RSA-OAEP-256 with an EC key",
                "jwt:generate?" + SIGN + "&encryptionKey=" + EC_PUBLIC + "&keyManagementAlgorithm=RSA-OAEP-256",
                "keyManagementAlgorithm"));
        cases.add(wrong("A256KW with a 16-byte secret",
                "jwt:generate?" + SIGN + "&encryptionKey=RAW(" + secret16 + ")&keyManagementAlgorithm=A256KW",
                "keyManagementAlgorithm", secret16));
        cases.add(wrong("dir with A128GCM and a 32-byte secret (generate)", "jwt:generate?" + SIGN + "&encryptionKey=RAW("
                                                                            + secret32
                                                                            + ")&keyManagementAlgorithm=dir&contentEncryptionAlgorithm=A128GCM",
                "contentEncryptionAlgorithm", secret32));
        cases.add(wrong("a secret of 20 bytes and no keyManagementAlgorithm (generate)",
                "jwt:generate?" + SIGN + "&encryptionKey=RAW(" + secret20 + ")", "keyManagementAlgorithm", secret20));
        cases.add(wrong("an RSA encryption key of 1024 bits", "jwt:generate?" + SIGN + "&encryptionKey=RAW(" + weakPublic + ")",
                "encryptionKey", weakPublic));
        cases.add(wrong("a private key given as encryptionKey", "jwt:generate?" + SIGN + "&encryptionKey=" + RSA_PRIVATE,
                "encryptionKey", RSA_PRIVATE));
        cases.add(wrong("an encryptionKey JWK meant for signatures",
                "jwt:generate?" + SIGN + "&encryptionKey=RAW(" + signingJwk + ")", "encryptionKey", signingJwk));
        cases.add(wrong("an encryptionKey JWK Set with two keys that can encrypt",
                "jwt:generate?" + SIGN + "&encryptionKey=RAW(" + twoEncryptionKeys + ")", "encryptionKey", twoEncryptionKeys));
        cases.add(wrong("an encryptionKey that is no key", "jwt:generate?" + SIGN + "&encryptionKey=not-a-key",
                "encryptionKey"));
        cases.add(wrong("an encryptionKey #bean the registry does not have",
                "jwt:generate?" + SIGN + "&encryptionKey=#noSuchKey", "encryptionKey"));
        cases.add(wrong("keyStore:ALIAS without keyStore", "jwt:generate?" + SIGN + "&encryptionKey=keyStore:rsa",
                "encryptionKey"));
        cases.add(wrong("keyStore:ALIAS that the key store does not have",
                "jwt:generate?" + P12 + "&encryptionKey=keyStore:nope", "encryptionKey", "storepass"));
        cases.add(wrong("keyStore: without an alias", "jwt:generate?" + P12 + "&encryptionKey=keyStore:", "encryptionKey",
                "storepass"));
        // validate and decode
        for (String operation : List.of("validate", "decode")) {
            String uri = "jwt:" + operation + "?" + (operation.equals("validate") ? SIGN + "&" : "");
            cases.add(wrong("requireEncryption without decryptionKey (" + operation + ")", uri + "requireEncryption=true",
                    "requireEncryption"));
            cases.add(wrong("a public key given as decryptionKey (" + operation + ")", uri + "decryptionKey=" + RSA_PUBLIC,
                    "decryptionKey"));
            cases.add(wrong("an unknown key management algorithm in the list (" + operation + ")",
                    uri + "decryptionKey=" + RSA_PRIVATE + "&keyManagementAlgorithm=RSA-OAEP-256,RSA-OAEP-999",
                    "keyManagementAlgorithm", RSA_PRIVATE));
            cases.add(wrong("maxPbes2Count under 1000 (" + operation + ")",
                    uri + "decryptionKey=RAW(" + secret32 + ")&keyManagementAlgorithm=PBES2-HS256+A128KW&maxPbes2Count=10",
                    "maxPbes2Count", secret32));
        }
        String validate = "jwt:validate?" + SIGN + "&";
        cases.add(wrong("maxPbes2Count above jose4j's bound", validate + "maxPbes2Count=3000000", "maxPbes2Count"));
        cases.add(wrong("an unknown content encryption algorithm (validate)",
                validate + "decryptionKey=" + RSA_PRIVATE + "&contentEncryptionAlgorithm=A256GCM,XC20P",
                "contentEncryptionAlgorithm", RSA_PRIVATE));
        cases.add(wrong("ECDH-ES with an RSA key (validate)",
                validate + "decryptionKey=" + RSA_PRIVATE + "&keyManagementAlgorithm=ECDH-ES", "keyManagementAlgorithm",
                RSA_PRIVATE));
        cases.add(wrong("dir accepted, and A128GCM with a 32-byte secret (validate)", validate + "decryptionKey=RAW("
                                                                                      + secret32
                                                                                      + ")&keyManagementAlgorithm=dir&contentEncryptionAlgorithm=A128GCM",
                "contentEncryptionAlgorithm", secret32));
        cases.add(wrong("a secret of 20 bytes and no keyManagementAlgorithm (validate)",
                validate + "decryptionKey=RAW(" + secret20 + ")", "keyManagementAlgorithm", secret20));
        cases.add(wrong("an RSA decryption key of 1024 bits", validate + "decryptionKey=RAW(" + weakPrivate + ")",
                "decryptionKey", weakPrivate));
        cases.add(wrong("a decryptionKey JWK without its private part", validate + "decryptionKey=RAW(" + rsaPublicJwk + ")",
                "decryptionKey"));
        cases.add(wrong("a decryptionKey JWK meant for signatures", validate + "decryptionKey=RAW(" + signingJwk + ")",
                "decryptionKey", signingJwk));
        cases.add(wrong("a decryptionKey JWK bound to RS256", validate + "decryptionKey=RAW(" + rs256Jwk + ")",
                "decryptionKey", rs256Jwk));
        cases.add(wrong("a decryptionKey JWK bound to RSA1_5 that keyManagementAlgorithm does not name",
                validate + "decryptionKey=RAW(" + rsa15Jwk + ")", "keyManagementAlgorithm", rsa15Jwk));
        cases.add(wrong("a decryptionKey PEM that is not valid", validate + "decryptionKey=RAW(-----BEGIN PRIVATE KEY-----"
                                                                 + "AAAA-----END PRIVATE KEY-----)", "decryptionKey"));
        cases.add(wrong("a decryptionKey resource that is missing", validate + "decryptionKey=classpath:keys/missing.pem",
                "decryptionKey"));
        cases.add(wrong("keyStore:ALIAS that the key store does not have (validate)",
                validate.replace(SIGN, P12) + "decryptionKey=keyStore:nope", "decryptionKey", "storepass"));
        cases.add(wrong("RSA1_5 named with an EC key", validate + "decryptionKey=" + EC_PRIVATE
                                                       + "&keyManagementAlgorithm=RSA1_5", "keyManagementAlgorithm",
                EC_PRIVATE));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfigurations")
    void routeDoesNotStartAndTheMessageNamesTheOptionWithoutKeyMaterial(Misconfiguration wrong) {
        assertRouteDoesNotStart(context, wrong);
    }


    /** What must not appear: passwords whole, PEM lines, and the private or secret members of JWKs. */

    private static String withMember(String jwk, String member) {
        return jwk.substring(0, jwk.length() - 1) + "," + member + "}";
    }

    private static KeyPair rsa1024() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return generator.generateKeyPair();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + label + "-----\n";
    }
}
