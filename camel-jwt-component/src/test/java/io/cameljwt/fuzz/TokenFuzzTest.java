package io.cameljwt.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.Processor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes {@code jwt:validate}: compact parsing ({@code CompactJws}, {@code Token}), signature verification with
 * real keys ({@code JwsVerifier}) and the claims policy ({@code ClaimsPolicy}), through the operation an endpoint runs.
 * A token is either refused with a {@link io.cameljwt.JwtValidationException} or accepted; anything else thrown, a hang
 * past the timeout, or a token accepted that nobody signed fails the test. See docs/fuzzing.md to run it for longer.
 */
class TokenFuzzTest {

    private static final Processor HMAC = FuzzEndpoints.validate(FuzzEndpoints.hmacConfig());
    private static final Processor PUBLIC_KEYS = FuzzEndpoints.validate(FuzzEndpoints.publicKeyConfig());
    /** The seeds signed with the endpoints' keys (HS256, RS256, PS256, ES256, EdDSA): nothing else may pass. */
    private static final List<String> SIGNED = SeedCorpus.validTokens(TokenFuzzTest.class,
            "validateAcceptsOnlyTheTokensThatWereSigned");
    /**
     * A second reading of an accepted token's JSON, to compare what it means: RFC 8259 as Jackson reads it by default,
     * with duplicate names refused and nothing after the value, as the component reads a token. Text this reading
     * refuses was never to be accepted (the seeds show what jose4j's parser forgave: a backslash before any character,
     * a header that is not UTF-8, a missing comma).
     */
    private static final ObjectMapper SECOND_READING = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Any text, starting from legitimately signed tokens of every algorithm and hostile ones: a token is accepted only
     * if it is byte for byte one that was signed (surrounding whitespace aside, which the token locator trims).
     */
    @FuzzTest(maxDuration = "5m")
    void validateAcceptsOnlyTheTokensThatWereSigned(byte[] input) {
        PerInputBound.check(() -> {
            String token = new String(input, StandardCharsets.UTF_8);
            boolean acceptedByHmac = FuzzEndpoints.accepts(HMAC, token);
            boolean acceptedByPublicKeys = FuzzEndpoints.accepts(PUBLIC_KEYS, token);
            if ((acceptedByHmac || acceptedByPublicKeys) && !SIGNED.contains(token.trim())) {
                fail("a token that was never signed was accepted (" + (acceptedByHmac ? "HS256" : "public keys")
                     + " endpoint)");
            }
        });
    }

    /**
     * A header and a payload, their JSON as the fuzzer makes it (the first line break separates them), signed with the
     * HMAC endpoint's secret: the signature is good, so parsing and every claims check are fuzzed. An accepted token
     * must read, with a second JSON parser, as what the endpoint demands: alg HS256, the endpoint's issuer and
     * audience, not expired (where that parser can read it at all).
     */
    @FuzzTest(maxDuration = "5m")
    void validateChecksTheClaimsOfEverySignedToken(byte[] input) {
        PerInputBound.check(() -> {
            int newline = indexOf(input, (byte) '\n');
            if (newline < 0) {
                return; // not a header and a payload
            }
            byte[] header = Arrays.copyOfRange(input, 0, newline);
            byte[] payload = Arrays.copyOfRange(input, newline + 1, input.length);
            if (FuzzEndpoints.accepts(HMAC, FuzzEndpoints.hs256(header, payload))) {
                JsonNode headerJson;
                JsonNode claims;
                try {
                    headerJson = SECOND_READING.readTree(utf8(header));
                    claims = SECOND_READING.readTree(utf8(payload));
                } catch (CharacterCodingException | JsonProcessingException e) {
                    fail("accepted a header or payload that is not UTF-8 JSON (" + e.getClass().getSimpleName() + ")");
                    return;
                }
                assertTrue(headerJson.path("alg").asText().equals("HS256"), "accepted with alg " + headerJson.get("alg"));
                assertTrue(headerJson.get("crit") == null && headerJson.get("b64") == null, "accepted with crit or b64");
                assertTrue(claims.path("iss").isTextual() && claims.get("iss").asText().equals(FuzzEndpoints.ISSUER),
                        "accepted with another issuer");
                assertTrue(names(claims.get("aud")).contains(FuzzEndpoints.AUDIENCE), "accepted for another audience");
                JsonNode exp = claims.get("exp");
                assertTrue(exp != null && exp.isNumber() && exp.asDouble() > Instant.now().getEpochSecond() - 60,
                        "accepted without exp, or expired beyond the clock skew");
            }
        });
    }

    /** A string claim or the strings of an array claim. */
    private static List<String> names(JsonNode claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim.isTextual()) {
            return List.of(claim.asText());
        }
        List<String> names = new ArrayList<>();
        claim.forEach(member -> {
            if (member.isTextual()) {
                names.add(member.asText());
            }
        });
        return names;
    }

    /** The bytes as text, refused if they are not UTF-8 (as the component decodes header and payload). */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
