package io.cameljwt.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cameljwt.internal.keys.Pem;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.PbkdfKey;
import org.jose4j.zip.CompressionAlgorithmIdentifiers;

/**
 * Writes the committed seed corpus of the fuzz tests (docs/fuzzing.md): tokens, encrypted tokens, JWKs and keys made
 * with the test keys of {@code keys/} and the secrets of {@link FuzzEndpoints}, legitimate ones
 * ({@code valid-*}) and hostile ones. Run it again after the test keys change (the command is in docs/fuzzing.md),
 * with the module directory as argument. Findings that Jazzer added are kept: only the files named here are rewritten.
 */
public final class SeedCorpusWriter {

    /** 2100-01-01: the seeds stay valid long after they are committed. */
    static final long EXP = 4102444800L;
    static final long IAT = 1764547200L;

    private final Path root;

    private SeedCorpusWriter(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        if (!Files.isDirectory(module.resolve("src/test/resources"))) {
            module = module.resolve("camel-jwt-component");
        }
        SeedCorpusWriter writer = new SeedCorpusWriter(module.resolve("src/test/resources/io/cameljwt/fuzz"));
        writer.tokens();
        writer.claims();
        writer.encrypted();
        writer.headers();
        writer.jwks();
        writer.pems();
    }

    // --- TokenFuzzTest -------------------------------------------------------------------------------------------

    private void tokens() throws Exception {
        String dir = "TokenFuzzTestInputs/validateAcceptsOnlyTheTokensThatWereSigned";
        String claims = validClaims();
        write(dir, "valid-hs256", sign("HS256", null, claims, hmac()));
        write(dir, "valid-rs256", sign("RS256", "rsa", claims, privateKey("rsa")));
        write(dir, "valid-ps256", sign("PS256", "rsa", claims, privateKey("rsa")));
        write(dir, "valid-es256", sign("ES256", "ec256", claims, privateKey("ec256")));
        write(dir, "valid-eddsa", sign("EdDSA", "ed25519", claims, privateKey("ed25519")));

        write(dir, "alg-none", FuzzEndpoints.b64(bytes("{\"alg\":\"none\"}")) + "." + FuzzEndpoints.b64(bytes(claims)) + ".");
        // the RSA public key's PEM text used as an HMAC secret (key confusion)
        write(dir, "hs256-keyed-with-rsa-public-pem", sign("HS256", "rsa", claims,
                new HmacKey(bytes(FuzzEndpoints.resource("keys/rsa-public.pem")))));
        write(dir, "expired", sign("HS256", null, claims(FuzzEndpoints.ISSUER, FuzzEndpoints.AUDIENCE, 1000000000L), hmac()));
        write(dir, "other-audience", sign("HS256", null, claims(FuzzEndpoints.ISSUER, "other-api", EXP), hmac()));
        write(dir, "other-issuer", sign("HS256", null, claims("https://evil.example", FuzzEndpoints.AUDIENCE, EXP), hmac()));
        write(dir, "unknown-kid", sign("RS256", "rsa-2", claims, privateKey("rsa")));
        write(dir, "kid-not-a-string", raw("{\"alg\":\"RS256\",\"kid\":5}", claims));
        write(dir, "crit", raw("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", claims));
        write(dir, "b64-false", raw("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", claims));
        write(dir, "deep-nesting", raw("{\"alg\":\"HS256\"}", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}"));
        write(dir, "long-number", raw("{\"alg\":\"HS256\"}", "{\"exp\":1" + "0".repeat(300) + "}"));
        String valid = sign("HS256", null, claims, hmac());
        write(dir, "padded-signature", valid + "=");
        write(dir, "five-parts", valid + ".." + valid.substring(valid.lastIndexOf('.') + 1));
        write(dir, "four-parts", valid + ".e30");
        write(dir, "not-utf8-payload", raw("{\"alg\":\"HS256\"}", new byte[] {(byte) 0xc3, 0x28, '{', '}'}));
        // an attacker's own key in the header (jwk), which must never be used
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair attacker = rsa.generateKeyPair();
        JsonWebSignature jws = signature("RS256", null, claims, attacker.getPrivate());
        jws.getHeaders().setJwkHeaderValue(HeaderParameterNames.JWK, PublicJsonWebKey.Factory.newPublicJwk(attacker.getPublic()));
        write(dir, "embedded-jwk", jws.getCompactSerialization());
        // ES256 signed with the right key, its signature in DER rather than R || S
        String es256 = sign("ES256", "ec256", claims, privateKey("ec256"));
        String der = FuzzEndpoints.b64(EcdsaUsingShaAlgorithm.convertConcatenatedToDer(
                Base64.getUrlDecoder().decode(es256.substring(es256.lastIndexOf('.') + 1))));
        write(dir, "es256-der-signature", es256.substring(0, es256.lastIndexOf('.') + 1) + der);
    }

    private void claims() throws IOException {
        String dir = "TokenFuzzTestInputs/validateChecksTheClaimsOfEverySignedToken";
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String iss = "\"iss\":\"" + FuzzEndpoints.ISSUER + "\"";
        String aud = "\"aud\":\"" + FuzzEndpoints.AUDIENCE + "\"";
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("valid", header + "\n" + validClaims());
        seeds.put("audience-array", header + "\n{" + iss + ",\"aud\":[\"other\",\"" + FuzzEndpoints.AUDIENCE + "\"],\"exp\":" + EXP + "}");
        seeds.put("not-before-future", header + "\n{" + iss + "," + aud + ",\"exp\":" + EXP + ",\"nbf\":" + (EXP - 10) + "}");
        seeds.put("issued-in-future", header + "\n{" + iss + "," + aud + ",\"exp\":" + EXP + ",\"iat\":" + (EXP - 10) + "}");
        seeds.put("exp-string", header + "\n{" + iss + "," + aud + ",\"exp\":\"" + EXP + "\"}");
        seeds.put("exp-fraction", header + "\n{" + iss + "," + aud + ",\"exp\":4102444800.5}");
        seeds.put("exp-exponent", header + "\n{" + iss + "," + aud + ",\"exp\":1e300}");
        seeds.put("exp-negative", header + "\n{" + iss + "," + aud + ",\"exp\":-9223372036854775808}");
        seeds.put("duplicate-issuer", header + "\n{" + iss + ",\"iss\":\"https://evil.example\"," + aud + ",\"exp\":" + EXP + "}");
        seeds.put("escaped-issuer", header + "\n{\"iss\":\"\\u0068ttps://issuer.fuzz.example\"," + aud + ",\"exp\":" + EXP + "}");
        seeds.put("roles", header + "\n{" + iss + "," + aud + ",\"exp\":" + EXP
                           + ",\"realm_access\":{\"roles\":[\"admin\"]},\"scope\":\"read write\",\"nested\":{\"a\":[1,{\"b\":null}]}}");
        seeds.put("no-exp", header + "\n{" + iss + "," + aud + "}");
        seeds.put("alg-none", "{\"alg\":\"none\"}\n" + validClaims());
        seeds.put("alg-hs512", "{\"alg\":\"HS512\"}\n" + validClaims());
        seeds.put("header-array", "[\"HS256\"]\n" + validClaims());
        seeds.put("payload-null", header + "\nnull");
        seeds.put("payload-array", header + "\n[" + validClaims() + "]");
        seeds.put("typ-and-cty", "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"cty\":\"JWT\",\"kid\":\"\"}\n" + validClaims());
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            write(dir, seed.getKey(), seed.getValue());
        }
    }

    // --- JweFuzzTest ---------------------------------------------------------------------------------------------

    private void encrypted() throws Exception {
        String dir = "JweFuzzTestInputs/validateAcceptsOnlyTheEncryptedTokensThatWereMade";
        String inner = sign("ES256", "ec256", validClaims(), privateKey("ec256"));
        Key rsa = publicKey("rsa");
        Key ec = publicKey("ec256");
        Key aes = new AesKey(FuzzEndpoints.aesSecret());
        write(dir, "valid-rsa-oaep-256", encrypt("RSA-OAEP-256", "A256GCM", rsa, inner, null));
        write(dir, "valid-rsa-oaep", encrypt("RSA-OAEP", "A128CBC-HS256", rsa, inner, null));
        write(dir, "valid-ecdh-es-a256kw", encrypt("ECDH-ES+A256KW", "A256GCM", ec, inner, null));
        write(dir, "valid-ecdh-es", encrypt("ECDH-ES", "A128GCM", ec, inner, null));
        write(dir, "valid-a256kw", encrypt("A256KW", "A256CBC-HS512", aes, inner, null));
        write(dir, "valid-a256gcmkw", encrypt("A256GCMKW", "A256GCM", aes, inner, null));
        JsonWebEncryption pbes2 = jwe("PBES2-HS256+A128KW", "A128GCM", new PbkdfKey(FuzzEndpoints.PBES2_PASSWORD), inner);
        pbes2.getHeaders().setObjectHeaderValue("p2c", FuzzEndpoints.MAX_PBES2_COUNT);
        write(dir, "valid-pbes2", pbes2.getCompactSerialization());

        JsonWebEncryption zip = jwe("RSA-OAEP-256", "A256GCM", rsa, inner);
        zip.setHeader(HeaderParameterNames.ZIP, CompressionAlgorithmIdentifiers.DEFLATE);
        write(dir, "compressed", zip.getCompactSerialization());
        JsonWebEncryption p2c = jwe("PBES2-HS256+A128KW", "A128GCM", new PbkdfKey(FuzzEndpoints.PBES2_PASSWORD), inner);
        p2c.getHeaders().setObjectHeaderValue("p2c", 1001);
        write(dir, "pbes2-count-above-bound", p2c.getCompactSerialization());
        JsonWebEncryption rsa15 = jwe("RSA1_5", "A128CBC-HS256", rsa, inner);
        write(dir, "rsa1_5", rsa15.getCompactSerialization());
        write(dir, "cty-json", encrypt("A256KW", "A128GCM", aes, inner, "json"));
        write(dir, "claims-only", encrypt("A256KW", "A128GCM", aes, validClaims(), null));
        write(dir, "nested-jwe", encrypt("A256KW", "A128GCM", aes, encrypt("A256KW", "A128GCM", aes, inner, null), "JWT"));
        write(dir, "wrong-signature-inside", encrypt("A256KW", "A128GCM", aes,
                inner.substring(0, inner.length() - 4) + "AAAA", null));
        JsonWebEncryption crit = jwe("A256KW", "A128GCM", aes, inner);
        crit.getHeaders().setObjectHeaderValue("crit", List.of("exp"));
        write(dir, "crit", crit.getCompactSerialization());
        write(dir, "signed-not-encrypted", inner);
    }

    private void headers() throws IOException {
        String dir = "JweFuzzTestInputs/validateRefusesEveryRewrittenHeader";
        // the valid-* seeds sort as: a256gcmkw, a256kw, ecdh-es, ecdh-es-a256kw, pbes2, rsa-oaep, rsa-oaep-256
        write(dir, "a256gcmkw-without-iv", "0\n{\"alg\":\"A256GCMKW\",\"enc\":\"A256GCM\",\"tag\":\"AAAA\"}");
        write(dir, "a256kw-zip", "1\n{\"alg\":\"A256KW\",\"enc\":\"A256CBC-HS512\",\"zip\":\"DEF\"}");
        write(dir, "ecdh-es-off-curve", "2\n{\"alg\":\"ECDH-ES\",\"enc\":\"A128GCM\",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\","
                                        + "\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"y\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}}");
        write(dir, "ecdh-es-a256kw-curve-p384", "3\n{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A256GCM\",\"epk\":{\"kty\":\"EC\","
                                                + "\"crv\":\"P-384\",\"x\":\"AA\",\"y\":\"AA\"}}");
        write(dir, "pbes2-huge-count", "4\n{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A128GCM\",\"p2s\":\"AAAAAAAAAAAAAAAAAAAAAA\","
                                       + "\"p2c\":2147483647}");
        write(dir, "pbes2-count-not-a-number", "4\n{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A128GCM\",\"p2s\":\"\",\"p2c\":\"1000\"}");
        write(dir, "rsa-oaep-dir", "5\n{\"alg\":\"dir\",\"enc\":\"A128CBC-HS256\"}");
        write(dir, "rsa-oaep-256-kid", "6\n{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"ec256-enc\",\"cty\":\"JWT\"}");
        write(dir, "unknown-enc", "6\n{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A512GCM\"}");
        write(dir, "embedded-jwk", "6\n{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}");
    }

    // --- JwkFuzzTest ---------------------------------------------------------------------------------------------

    private void jwks() throws Exception {
        String dir = "JwkFuzzTestInputs";
        for (String family : new String[] {"rsa", "ec256", "ec384", "ec521", "ed25519"}) {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey(family));
            jwk.setPrivateKey(privateKey(family));
            jwk.setKeyId(family);
            write(dir, "private-" + family, jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            write(dir, "public-" + family, jwk.toJson());
        }
        write(dir, "public-set", FuzzEndpoints.PUBLIC_JWKS);
        write(dir, "secret-hs256", "{\"kty\":\"oct\",\"kid\":\"s\",\"alg\":\"HS256\",\"k\":\""
                                   + FuzzEndpoints.b64(bytes(FuzzEndpoints.SECRET)) + "\"}");
        write(dir, "secret-aes", new OctetSequenceJsonWebKey(new AesKey(FuzzEndpoints.aesSecret()))
                .toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC));
        write(dir, "set-mixed-uses", "{\"keys\":[{\"kty\":\"oct\",\"k\":\"" + FuzzEndpoints.b64(bytes(FuzzEndpoints.SECRET))
                                     + "\"}," + PublicJsonWebKey.Factory.newPublicJwk(publicKey("rsa")).toJson().replace("{", "{\"use\":\"enc\",")
                                     + ",{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\",\"key_ops\":[\"verify\",7]}]}");
        write(dir, "rsa-exponent-1", "{\"kty\":\"RSA\",\"n\":\"" + FuzzEndpoints.b64(new byte[256]).replace('A', '_') + "\",\"e\":\"AQ\"}");
        write(dir, "rsa-empty-modulus", "{\"kty\":\"RSA\",\"n\":\"\",\"e\":\"AQAB\"}");
        write(dir, "ec-unknown-curve", "{\"kty\":\"EC\",\"crv\":\"P-192\",\"x\":\"AA\",\"y\":\"AA\"}");
        write(dir, "okp-x25519", "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + FuzzEndpoints.b64(new byte[32]) + "\"}");
        write(dir, "keys-not-a-list", "{\"keys\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}");
        write(dir, "keys-of-numbers", "{\"keys\":[1,2,null,\"x\"]}");
        write(dir, "empty-set", "{\"keys\":[]}");
        write(dir, "deep-nesting", "{\"keys\":" + "[".repeat(500) + "]".repeat(500) + "}");
        write(dir, "long-number", "{\"kty\":\"oct\",\"k\":\"AAAA\",\"exp\":1" + "0".repeat(2000) + "}");
        write(dir, "alg-none", "{\"kty\":\"oct\",\"alg\":\"none\",\"k\":\"" + FuzzEndpoints.b64(new byte[32]) + "\"}");
    }

    // --- PemFuzzTest ---------------------------------------------------------------------------------------------

    private void pems() throws IOException {
        String text = "PemFuzzTestInputs/pemTextIsReadOrRefusedNamingTheOption";
        String der = "PemFuzzTestInputs/derUnderEveryLabelIsReadOrRefusedNamingTheOption";
        for (String file : new String[] {"rsa-pkcs8", "rsa-pkcs1", "rsa-public", "rsa-pkcs1-public", "rsa-cert",
                "ec256-pkcs8", "ec256-sec1", "ec256-public", "ec384-sec1", "ec521-cert", "ed25519-pkcs8",
                "ed25519-public", "ed25519-cert"}) {
            String pem = FuzzEndpoints.resource("keys/" + file + ".pem");
            write(text, file, pem);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            write(der, file, Base64.getDecoder().decode(body));
            if (file.equals("rsa-pkcs8")) {
                write(text, "rsa-pkcs8-one-line-spaces", pem.replace('\n', ' '));
                write(text, "rsa-pkcs8-plus-as-space", pem.replace('+', ' '));
            }
        }
        write(text, "ec-parameters-first", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                                           + FuzzEndpoints.resource("keys/ec256-sec1.pem"));
        write(text, "mismatched-markers", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        write(text, "encrypted", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n");
        write(text, "unclosed", "-----BEGIN PRIVATE KEY-----\n" + "QUFB".repeat(100));
        // SEC1 with lengths that overflow, are indefinite or run past the end
        write(der, "sec1-length-overflow", HexFormat.of().parseHex("3084ffffffff020101"));
        write(der, "sec1-indefinite-length", HexFormat.of().parseHex("3080020101040100a0800000"));
        write(der, "sec1-curve-not-an-oid", HexFormat.of().parseHex("300a020101040101a0030201ff"));
        write(der, "empty-sequence", HexFormat.of().parseHex("3000"));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static String validClaims() {
        return claims(FuzzEndpoints.ISSUER, FuzzEndpoints.AUDIENCE, EXP);
    }

    private static String claims(String iss, String aud, long exp) {
        return "{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"sub\":\"fuzz-user\",\"iat\":" + IAT + ",\"exp\":" + exp + "}";
    }

    private static Key hmac() {
        return new HmacKey(bytes(FuzzEndpoints.SECRET));
    }

    private static PrivateKey privateKey(String family) {
        return Pem.privateKey(FuzzEndpoints.resource("keys/" + family + "-pkcs8.pem"), "privateKey");
    }

    private static PublicKey publicKey(String family) {
        return Pem.publicKey(FuzzEndpoints.resource("keys/" + family + "-public.pem"), "publicKey");
    }

    private static JsonWebSignature signature(String alg, String kid, String claims, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setPayload(claims);
        jws.setKey(key);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setDoKeyValidation(false);
        return jws;
    }

    private static String sign(String alg, String kid, String claims, Key key) throws Exception {
        return signature(alg, kid, claims, key).getCompactSerialization();
    }

    /** An HS256 token of this exact header and payload, signed with the HMAC endpoint's secret. */
    private static String raw(String header, String payload) {
        return raw(header, bytes(payload));
    }

    private static String raw(String header, byte[] payload) {
        return FuzzEndpoints.hs256(bytes(header), payload);
    }

    private static JsonWebEncryption jwe(String alg, String enc, Key key, String plaintext) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(alg);
        jwe.setEncryptionMethodHeaderParameter(enc);
        jwe.setContentTypeHeaderValue("JWT");
        jwe.setKey(key);
        jwe.setPlaintext(plaintext);
        jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jwe;
    }

    private static String encrypt(String alg, String enc, Key key, String plaintext, String cty) throws Exception {
        JsonWebEncryption jwe = jwe(alg, enc, key, plaintext);
        if (cty != null) {
            jwe.setContentTypeHeaderValue(cty);
        }
        return jwe.getCompactSerialization();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void write(String dir, String name, String content) throws IOException {
        write(dir, name, bytes(content));
    }

    private void write(String dir, String name, byte[] content) throws IOException {
        Path file = root.resolve(dir).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
