package io.cameljwt.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static io.cameljwt.corpus.CorpusSigner.b64;
import static io.cameljwt.corpus.JsonEdges.AUDIENCE;
import static io.cameljwt.corpus.JsonEdges.FUTURE;
import static io.cameljwt.corpus.JsonEdges.IAT;
import static io.cameljwt.corpus.JsonEdges.ISSUER;
import static io.cameljwt.corpus.JsonEdges.PAST;

/**
 * Builds the verdict corpus and records today's verdicts: for every algorithm, valid tokens and their mutations
 * (see {@link JsonEdges} and {@link TokenMutations}), fixed times (2000, 2020, 2100) so that no verdict depends on the
 * date; every Wycheproof JWS and JWE vector with its group's key; a few tokens for endpoints with more checks. Each
 * token goes through a real {@code jwt:validate} route ({@link VerdictRunner}), and the result is written to
 * {@code src/test/resources/corpus}. Regenerating is a deliberate act: the diff of the verdicts must be reviewed.
 *
 * <pre>
 * mvn -B -ntp -pl camel-jwt-component test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp camel-jwt-component/target/test-classes:camel-jwt-component/target/classes:$(cat \
 *     camel-jwt-component/target/test.classpath) io.cameljwt.corpus.CorpusGenerator
 * </pre>
 */
public final class CorpusGenerator {

    static final long SEED = 20261202L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WYCHEPROOF_FILES = List.of("json_web_signature_test.json",
            "json_web_crypto_test.json", "json_web_key_test.json", "json_web_encryption_test.json");

    private final Map<String, CorpusEndpoint> endpoints = new LinkedHashMap<>();
    private final List<CorpusEntry> entries = new ArrayList<>();
    private final CorpusSigner signer = new CorpusSigner(SEED);

    public static void main(String[] args) throws Exception {
        // run from the project root or from the module's folder
        Path resources = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("camel-jwt-component")) ? Path.of("camel-jwt-component/src/test/resources")
                : Path.of("src/test/resources");
        if (!Files.isDirectory(resources)) {
            throw new IllegalArgumentException(resources.toAbsolutePath() + " is not a folder");
        }
        VerdictCorpus unrecorded = new CorpusGenerator().build();
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            VerdictRunner runner = new VerdictRunner(context, template);
            List<CorpusEntry> recorded = new ArrayList<>();
            for (CorpusEntry entry : unrecorded.entries()) {
                recorded.add(entry.withVerdict(runner.verdict(unrecorded.endpoints().get(entry.endpoint()), entry.token())));
            }
            new VerdictCorpus(unrecorded.endpoints(), recorded).write(resources);
            System.out.println("wrote " + recorded.size() + " tokens for " + unrecorded.endpoints().size()
                               + " endpoints under " + resources.toAbsolutePath());
        }
    }

    /** The corpus without verdicts. */
    VerdictCorpus build() throws IOException {
        for (String alg : CorpusKeys.ALGORITHMS) {
            new AlgorithmTokens(alg).addAll();
        }
        addPolicyEndpoints();
        addKeySetEndpoint();
        for (String file : WYCHEPROOF_FILES) {
            addWycheproof(file);
        }
        return new VerdictCorpus(endpoints, entries);
    }

    private CorpusEndpoint endpoint(String name, String... namesAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        CorpusEndpoint endpoint = new CorpusEndpoint(name, options);
        endpoints.put(name, endpoint);
        return endpoint;
    }

    private void add(CorpusEndpoint endpoint, String kind, String token) {
        entries.add(new CorpusEntry(String.format(Locale.ROOT, "%05d", entries.size() + 1), endpoint.name(), kind, token,
                null));
    }

    /** The options that give an endpoint the key of an algorithm's family. */
    private static String[] keyOptions(String alg) {
        String family = CorpusKeys.family(alg);
        return family.equals("hmac")
                ? new String[] { "secret", CorpusKeys.SECRET_BASE64, "secretEncoding", "base64" }
                : new String[] { "publicKey", "classpath:" + CorpusKeys.publicKeyResource(family) };
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** The tokens of one algorithm, for its endpoint with issuer and audience checks and its open twin. */
    private final class AlgorithmTokens {
        private final String alg;
        private final String family;
        private final Key key;
        private final CorpusEndpoint checked;
        private final CorpusEndpoint open;
        private final String header;
        /** HMAC and RSA verify in microseconds; ECDSA and EdDSA take up to milliseconds per token. */
        private final boolean cheapToVerify;

        AlgorithmTokens(String alg) {
            this.alg = alg;
            this.family = CorpusKeys.family(alg);
            this.key = family.equals("hmac") ? CorpusSigner.hmac(CorpusKeys.SECRET) : CorpusKeys.privateKey(family);
            String name = alg.toLowerCase(Locale.ROOT);
            this.checked = endpoint(name, concat(keyOptions(alg), "algorithm", alg, "issuer", ISSUER, "audience", AUDIENCE));
            this.open = endpoint(name + "-open", concat(keyOptions(alg), "algorithm", alg));
            this.header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
            this.cheapToVerify = family.equals("hmac") || family.equals("rsa");
        }

        String sign(String headerJson, String payloadJson) {
            return signer.sign(headerJson, payloadJson, alg, key);
        }

        void both(String kind, String token) {
            add(checked, alg + "/" + kind, token);
            add(open, alg + "/" + kind, token);
        }

        void addAll() {
            String valid = sign(header, JsonEdges.claims(""));
            both("valid/base", valid);
            both("valid/aud-array", sign(header, JsonEdges.claimsWith("aud", "[\"other\",\"" + AUDIENCE + "\"]")));
            both("valid/nbf-past", sign(header, JsonEdges.claims("\"nbf\":" + IAT)));
            both("valid/roles", sign(header, JsonEdges.claims("\"roles\":[\"admin\",\"ops\"],\"scope\":\"read write\"")));
            both("time/expired", sign(header, JsonEdges.claimsWith("exp", String.valueOf(PAST))));
            both("time/nbf-future", sign(header, JsonEdges.claims("\"nbf\":" + FUTURE)));
            both("time/iat-future", sign(header, JsonEdges.claimsWith("iat", String.valueOf(FUTURE))));
            both("issuer/other", sign(header, JsonEdges.claimsWith("iss", "\"https://evil.example\"")));
            both("issuer/case", sign(header, JsonEdges.claimsWith("iss", "\"HTTPS://ISSUER.EXAMPLE\"")));
            both("issuer/trailing-slash", sign(header, JsonEdges.claimsWith("iss", "\"" + ISSUER + "/\"")));
            both("audience/other", sign(header, JsonEdges.claimsWith("aud", "\"api://other\"")));
            both("audience/array-without", sign(header, JsonEdges.claimsWith("aud", "[\"a\",\"b\"]")));
            for (String claim : JsonEdges.REGISTERED) {
                both("member-removed/" + claim, sign(header, JsonEdges.claimsWith(claim, null)));
                for (Map.Entry<String, String> value : JsonEdges.oddValues().entrySet()) {
                    String token = sign(header, JsonEdges.claimsWith(claim, value.getValue()));
                    // the open twin only where verifying is cheap: claims are read the same way after any signature
                    if (cheapToVerify) {
                        both("claim-type/" + claim + "/" + value.getKey(), token);
                    } else {
                        add(checked, alg + "/claim-type/" + claim + "/" + value.getKey(), token);
                    }
                }
            }
            JsonEdges.payloads().forEach((kind, payload) -> add(checked, alg + "/payload/" + kind, sign(header, payload)));
            JsonEdges.headers(alg).forEach((kind, h) -> add(checked, alg + "/header/" + kind, sign(h, JsonEdges.claims(""))));
            addBadUtf8();
            addForeignKeys();
            TokenMutations.of(valid).forEach((kind, token) -> add(checked, alg + "/token/" + kind, token));
            TokenMutations.flippedBits(valid).forEach((kind, token) -> add(checked, alg + "/bits/" + kind, token));
            // alg swapped in the header, signature left as it was
            for (String other : CorpusKeys.ALGORITHMS) {
                if (!other.equals(alg)) {
                    add(checked, alg + "/alg-swap/" + other, TokenMutations.withHeader(valid,
                            "{\"alg\":\"" + other + "\",\"typ\":\"JWT\"}"));
                }
            }
            for (String none : List.of("none", "None", "NONE", "nOnE")) {
                String h = "{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}";
                add(checked, alg + "/alg-none/" + none + "/empty-signature",
                        b64(h) + "." + b64(JsonEdges.claims("")) + ".");
                add(checked, alg + "/alg-none/" + none + "/no-signature", b64(h) + "." + b64(JsonEdges.claims("")));
                add(checked, alg + "/alg-none/" + none + "/kept-signature", TokenMutations.withHeader(valid, h));
            }
        }

        /** Payloads and headers that are not UTF-8, signed as they are. */
        private void addBadUtf8() {
            String[][] bad = { { "truncated-2-byte", "c3" }, { "lone-continuation", "80" }, { "overlong-slash", "c0af" },
                    { "encoded-surrogate", "eda080" }, { "ff", "ff" }, { "latin1-e-acute", "e9" },
                    { "truncated-4-byte", "f09f98" }, { "above-u10ffff", "f4908080" } };
            byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
            for (String[] b : bad) {
                byte[] in = hex(b[1]);
                byte[] payload = concat(("{" + JsonEdges.baseMembers() + ",\"name\":\"").getBytes(StandardCharsets.UTF_8),
                        in, "\"}".getBytes(StandardCharsets.UTF_8));
                add(checked, alg + "/utf8/payload/" + b[0], signer.signBytes(headerBytes, payload, alg, key));
                byte[] badHeader = concat(("{\"alg\":\"" + alg + "\",\"x\":\"").getBytes(StandardCharsets.UTF_8), in,
                        "\"}".getBytes(StandardCharsets.UTF_8));
                add(checked, alg + "/utf8/header/" + b[0], signer.signBytes(badHeader,
                        JsonEdges.claims("").getBytes(StandardCharsets.UTF_8), alg, key));
            }
            byte[] utf16 = JsonEdges.claims("").getBytes(StandardCharsets.UTF_16BE);
            add(checked, alg + "/utf8/payload/utf-16", signer.signBytes(headerBytes, utf16, alg, key));
        }

        /** Keys the endpoint does not know: an attacker's own, one offered in the header, the public key as HMAC key. */
        private void addForeignKeys() {
            String claims = JsonEdges.claims("");
            Key attacker = family.equals("hmac") ? CorpusSigner.hmac(CorpusKeys.ATTACKER_SECRET)
                    : CorpusKeys.attackerKey(family);
            add(checked, alg + "/key/attacker", signer.sign(header, claims, alg, attacker));
            add(checked, alg + "/key/attacker-with-kid", signer.sign("{\"alg\":\"" + alg + "\",\"kid\":\"attacker\"}",
                    claims, alg, attacker));
            String embedded = family.equals("hmac")
                    ? "{\"kty\":\"oct\",\"k\":\"" + b64(CorpusKeys.ATTACKER_SECRET) + "\"}"
                    : "{\"kty\":\"" + (family.equals("rsa") ? "RSA" : family.equals("ed25519") ? "OKP" : "EC")
                      + "\",\"note\":\"the attacker's key\"}";
            add(checked, alg + "/key/embedded-jwk", signer.sign("{\"alg\":\"" + alg + "\",\"jwk\":" + embedded + "}",
                    claims, alg, attacker));
            if (!family.equals("hmac")) {
                byte[] pem = CorpusKeys.text(CorpusKeys.publicKeyResource(family)).getBytes(StandardCharsets.US_ASCII);
                byte[] der = CorpusKeys.publicKey(family).getEncoded();
                for (String hs : List.of("HS256", "HS384", "HS512")) {
                    String h = "{\"alg\":\"" + hs + "\",\"typ\":\"JWT\"}";
                    add(checked, alg + "/key/confusion-" + hs + "-public-pem",
                            signer.sign(h, claims, hs, CorpusSigner.hmac(pem)));
                    add(checked, alg + "/key/confusion-" + hs + "-public-der",
                            signer.sign(h, claims, hs, CorpusSigner.hmac(der)));
                }
            }
        }
    }

    /** Endpoints with the other checks of validate, for HS256 tokens. */
    private void addPolicyEndpoints() {
        Key key = CorpusSigner.hmac(CorpusKeys.SECRET);
        String hs = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        CorpusEndpoint strict = endpoint("hs256-strict", concat(keyOptions("HS256"), "algorithm", "HS256",
                "issuer", ISSUER + ",https://other-issuer.example", "audience", AUDIENCE + ",api://second",
                "clockSkew", "0", "expectedType", "at+jwt", "requiredClaims", "sub,jti", "claim.tenant", "acme",
                "requiredRoles", "admin,ops", "rolesMatch", "all"));
        CorpusEndpoint lenient = endpoint("hs256-lenient", concat(keyOptions("HS256"), "requireExpiration", "false",
                "clockSkew", "5m", "rolesClaim", "realm_access.roles", "requiredRoles", "admin"));
        CorpusEndpoint maxAge = endpoint("hs256-max-age", concat(keyOptions("HS256"), "maxAge", "1h"));
        CorpusEndpoint small = endpoint("hs256-small", concat(keyOptions("HS256"), "maxTokenLength", "300"));
        CorpusEndpoint all = endpoint("hmac-all", concat(keyOptions("HS256"), "algorithm", "HS256,HS384,HS512"));
        CorpusEndpoint rsaAll = endpoint("rsa-all", concat(keyOptions("RS256"),
                "algorithm", "RS256,RS384,RS512,PS256,PS384,PS512"));
        CorpusEndpoint rsaDefault = endpoint("rsa-default", keyOptions("RS256"));
        CorpusEndpoint ecDefault = endpoint("ec384-default", keyOptions("ES384"));

        String at = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";
        String good = "\"tenant\":\"acme\",\"roles\":[\"admin\",\"ops\"]";
        Map<String, String[]> strictCases = new LinkedHashMap<>();
        strictCases.put("all-checks-pass", new String[] { at, JsonEdges.claims(good) });
        strictCases.put("typ-jwt", new String[] { hs, JsonEdges.claims(good) });
        strictCases.put("typ-application-at+jwt", new String[] { "{\"alg\":\"HS256\",\"typ\":\"application/AT+JWT\"}",
                JsonEdges.claims(good) });
        strictCases.put("typ-missing", new String[] { "{\"alg\":\"HS256\"}", JsonEdges.claims(good) });
        strictCases.put("second-issuer", new String[] { at, "{\"iss\":\"https://other-issuer.example\",\"aud\":\"api://second\","
                                                            + "\"sub\":\"a\",\"jti\":\"j\",\"exp\":" + FUTURE + "," + good + "}" });
        strictCases.put("tenant-other", new String[] { at, JsonEdges.claims("\"tenant\":\"other\",\"roles\":[\"admin\",\"ops\"]") });
        strictCases.put("tenant-array", new String[] { at, JsonEdges.claims("\"tenant\":[\"x\",\"acme\"],\"roles\":[\"admin\",\"ops\"]") });
        strictCases.put("tenant-number", new String[] { at, JsonEdges.claims("\"tenant\":1,\"roles\":[\"admin\",\"ops\"]") });
        strictCases.put("tenant-missing", new String[] { at, JsonEdges.claims("\"roles\":[\"admin\",\"ops\"]") });
        strictCases.put("roles-one", new String[] { at, JsonEdges.claims("\"tenant\":\"acme\",\"roles\":[\"admin\"]") });
        strictCases.put("roles-string", new String[] { at, JsonEdges.claims("\"tenant\":\"acme\",\"roles\":\"ops admin\"") });
        strictCases.put("roles-missing", new String[] { at, JsonEdges.claims("\"tenant\":\"acme\"") });
        strictCases.put("roles-object", new String[] { at, JsonEdges.claims("\"tenant\":\"acme\",\"roles\":{\"admin\":true}") });
        strictCases.put("jti-missing", new String[] { at, JsonEdges.claimsWith("jti", null).replace("}", "," + good + "}") });
        strictCases.put("sub-missing", new String[] { at, JsonEdges.claimsWith("sub", null).replace("}", "," + good + "}") });
        strictCases.put("expired", new String[] { at, JsonEdges.claimsWith("exp", String.valueOf(PAST)).replace("}", "," + good + "}") });
        strictCases.forEach((kind, hp) -> add(strict, "policy/strict/" + kind, signer.sign(hp[0], hp[1], "HS256", key)));

        Map<String, String> lenientCases = new LinkedHashMap<>();
        lenientCases.put("no-exp", "{\"sub\":\"a\",\"realm_access\":{\"roles\":[\"admin\"]}}");
        lenientCases.put("expired", "{\"exp\":" + PAST + ",\"realm_access\":{\"roles\":[\"admin\"]}}");
        lenientCases.put("dotted-literal-name", "{\"realm_access.roles\":[\"admin\"]}");
        lenientCases.put("dotted-path-shadowed", "{\"realm_access.roles\":[\"admin\"],\"realm_access\":{\"roles\":[\"user\"]}}");
        lenientCases.put("roles-missing", "{\"sub\":\"a\"}");
        lenientCases.put("roles-not-object", "{\"realm_access\":[\"admin\"]}");
        lenientCases.forEach((kind, payload) -> add(lenient, "policy/lenient/" + kind, signer.sign(hs, payload, "HS256", key)));

        add(maxAge, "policy/max-age/issued-2020", signer.sign(hs, JsonEdges.claims(""), "HS256", key));
        add(maxAge, "policy/max-age/no-iat", signer.sign(hs, JsonEdges.claimsWith("iat", null), "HS256", key));
        for (int length : new int[] { 100, 299, 300, 301, 1000 }) {
            String payload = "{\"exp\":" + FUTURE + ",\"p\":\"\"}";
            String token = signer.sign(hs, payload, "HS256", key);
            String padded = payload.replace("\"\"", "\"" + "x".repeat(Math.max(0, (length - token.length()) * 3 / 4)) + "\"");
            add(small, "policy/max-token-length/about-" + length, signer.sign(hs, padded, "HS256", key));
        }
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            add(all, "policy/hmac-all/" + alg, signer.sign("{\"alg\":\"" + alg + "\"}", JsonEdges.claims(""), alg, key));
        }
        PrivateKey rsa = CorpusKeys.privateKey("rsa");
        for (String alg : List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")) {
            String token = signer.sign("{\"alg\":\"" + alg + "\"}", JsonEdges.claims(""), alg, rsa);
            add(rsaAll, "policy/rsa-all/" + alg, token);
            add(rsaDefault, "policy/rsa-default/" + alg, token);
        }
        PrivateKey ec384 = CorpusKeys.privateKey("ec384");
        add(ecDefault, "policy/ec384-default/ES384", signer.sign("{\"alg\":\"ES384\"}", JsonEdges.claims(""), "ES384", ec384));
    }

    /** A JWK Set of three public keys with kids: tokens pick their key by kid. */
    private void addKeySetEndpoint() throws IOException {
        String set = "{\"keys\":[" + publicJwk("rsa", "rsa-1", "RS256") + "," + publicJwk("ec256", "ec-1", "ES256") + ","
                     + publicJwk("ed25519", "ed-1", "EdDSA") + "]}";
        CorpusEndpoint jwks = endpoint("jwks-set", "jwks", set, "issuer", ISSUER);
        String claims = JsonEdges.claims("");
        String[][] signers = { { "rsa", "rsa-1", "RS256" }, { "ec256", "ec-1", "ES256" }, { "ed25519", "ed-1", "EdDSA" } };
        for (String[] s : signers) {
            PrivateKey key = CorpusKeys.privateKey(s[0]);
            String alg = s[2];
            add(jwks, "jwks/" + alg + "/own-kid", signer.sign("{\"alg\":\"" + alg + "\",\"kid\":\"" + s[1] + "\"}", claims, alg, key));
            add(jwks, "jwks/" + alg + "/no-kid", signer.sign("{\"alg\":\"" + alg + "\"}", claims, alg, key));
            add(jwks, "jwks/" + alg + "/unknown-kid", signer.sign("{\"alg\":\"" + alg + "\",\"kid\":\"nope\"}", claims, alg, key));
            for (String[] other : signers) {
                if (other != s) {
                    add(jwks, "jwks/" + alg + "/kid-of-" + other[1], signer.sign("{\"alg\":\"" + alg + "\",\"kid\":\""
                                                                                 + other[1] + "\"}", claims, alg, key));
                }
            }
            add(jwks, "jwks/" + alg + "/attacker-own-kid", signer.sign("{\"alg\":\"" + alg + "\",\"kid\":\"" + s[1] + "\"}",
                    claims, alg, CorpusKeys.attackerKey(s[0])));
        }
        add(jwks, "jwks/HS256/kid-of-rsa-1-public-key-as-secret", signer.sign("{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}", claims,
                "HS256", CorpusSigner.hmac(CorpusKeys.text(CorpusKeys.publicKeyResource("rsa")).getBytes(StandardCharsets.US_ASCII))));
    }

    private static String publicJwk(String family, String kid, String alg) {
        try {
            org.jose4j.jwk.PublicJsonWebKey jwk = org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(
                    CorpusKeys.publicKey(family));
            jwk.setKeyId(kid);
            jwk.setAlgorithm(alg);
            jwk.setUse("sig");
            return jwk.toJson();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every vector of a Wycheproof file, with one endpoint per test group: for JWS vectors its key as {@code jwks}
     * and the algorithms the key names (none when a key names none: the component's default); for JWE vectors its
     * private key as {@code decryptionKey}, next to the corpus HMAC secret.
     */
    private void addWycheproof(String file) throws IOException {
        JsonNode root;
        try (InputStream in = CorpusGenerator.class.getResourceAsStream("/wycheproof/" + file)) {
            root = JSON.readTree(in);
        }
        String shortName = file.substring(0, file.indexOf("_test"));
        int groupIndex = 0;
        for (JsonNode group : root.get("testGroups")) {
            groupIndex++;
            CorpusEndpoint jws = null;
            CorpusEndpoint jwe = null;
            for (JsonNode test : group.get("tests")) {
                String kind = "wycheproof/" + shortName + "/tcId-" + test.get("tcId").asInt() + "/"
                              + test.get("comment").asText() + "/" + test.get("result").asText();
                if (test.has("jws")) {
                    if (jws == null) {
                        String jwk = (group.has("public") ? group.get("public") : group.get("private")).toString();
                        String algorithms = ownAlgorithms(jwk);
                        jws = algorithms == null
                                ? endpoint("wycheproof-" + shortName + "-" + groupIndex, "jwks", jwk)
                                : endpoint("wycheproof-" + shortName + "-" + groupIndex, "jwks", jwk, "algorithm", algorithms);
                    }
                    add(jws, kind, text(test.get("jws")));
                }
                if (test.has("jwe")) {
                    if (jwe == null) {
                        jwe = endpoint("wycheproof-" + shortName + "-" + groupIndex + "-jwe", concat(keyOptions("HS256"),
                                "algorithm", "HS256", "decryptionKey", group.get("private").toString()));
                    }
                    add(jwe, kind, text(test.get("jwe")));
                }
            }
        }
    }

    private static String text(JsonNode token) {
        return token.isTextual() ? token.asText() : token.toString();
    }

    /** The {@code alg} of every key of a JWK or JWK Set, or null when one has none. */
    private static String ownAlgorithms(String jwk) throws IOException {
        JsonNode node = JSON.readTree(jwk);
        List<JsonNode> keys = new ArrayList<>();
        (node.has("keys") ? node.get("keys") : JSON.createArrayNode().add(node)).forEach(keys::add);
        Set<String> algorithms = new LinkedHashSet<>();
        for (JsonNode key : keys) {
            if (!key.has("alg")) {
                return null;
            }
            algorithms.add(key.get("alg").asText());
        }
        return String.join(",", algorithms);
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
