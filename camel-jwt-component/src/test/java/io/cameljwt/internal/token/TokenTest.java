package io.cameljwt.internal.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a compact JWS is read into one {@link Token}: strictly (RFC 8259 JSON, UTF-8, unique names), once, with the
 * typed claims every later step reads.
 */
class TokenTest {

    private static final String HEADER = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
    /** A stand-in signature: nothing here verifies it. */
    private static final String SIGNATURE = "c2ln";

    @Test
    void partsHeaderAndTypedClaimsAreReadOnce() throws TokenRefusal {
        String payload = "{\"iss\":\"https://login.example.com\",\"sub\":\"alice\",\"aud\":[\"api\",7,\"web\"],"
                         + "\"exp\":1900000000,\"nbf\":1.5,\"jti\":\"id-1\",\"scope\":\"read  write\","
                         + "\"n\":12345678901234567890,\"f\":0.25}";
        String compact = token(HEADER, payload);
        Token token = Token.parse(compact);

        assertEquals("HS256", token.algorithm());
        assertEquals("k1", token.kid());
        assertEquals(Map.of("alg", "HS256", "kid", "k1"), token.header());
        assertEquals(compact.substring(0, compact.lastIndexOf('.')), token.encodedHeader() + "." + token.encodedPayload());
        assertArrayEquals(compact.substring(0, compact.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII),
                token.signingInput());
        assertArrayEquals("sig".getBytes(StandardCharsets.US_ASCII), token.signature());
        assertEquals(payload, token.payload());
        assertEquals("https://login.example.com", token.issuer());
        assertEquals("alice", token.subject());
        assertEquals("id-1", token.id());
        assertEquals(List.of("api", "web"), token.audience(), "only the strings of an array");
        assertEquals(1900000000L, token.numericDate("exp"));
        assertEquals(1L, token.numericDate("nbf"), "whole seconds");
        assertNull(token.numericDate("iat"));
        assertEquals(List.of("read", "write"), token.roles("scope"));
        assertSame(token.claims(), token.claims());
    }

    @Test
    void numbersAreLongsBigIntegersAndDoublesAsJose4jReadThem() throws TokenRefusal {
        Map<String, Object> claims = Token.parse(token(HEADER, "{\"i\":1,\"b\":12345678901234567890,\"d\":1.5}")).claims();
        assertInstanceOf(Long.class, claims.get("i"));
        assertInstanceOf(java.math.BigInteger.class, claims.get("b"));
        assertInstanceOf(Double.class, claims.get("d"));
    }

    @Test
    void claimsThatAreNotStringsGiveNoTypedValue() throws TokenRefusal {
        Token token = Token.parse(token(HEADER, "{\"iss\":1,\"sub\":true,\"jti\":{},\"exp\":\"soon\"}"));
        assertNull(token.issuer());
        assertNull(token.subject());
        assertNull(token.id());
        assertNull(token.audience(), "absent");
        assertNull(token.numericDate("exp"), "not a NumericDate");
    }

    @Test
    void thePayloadIsReadOnlyWhenAskedForSoAMalformedOneDoesNotStopTheParse() throws TokenRefusal {
        Token token = Token.parse(token(HEADER, "not json"));
        TokenRefusal first = assertThrows(TokenRefusal.class, token::claims);
        assertEquals(JwtFailure.MALFORMED, first.reason());
        assertEquals("the token payload is not a JSON object of claims", first.getMessage());
        assertSame(first, assertThrows(TokenRefusal.class, token::subject), "read once, refused the same way after");
        assertSame(first, assertThrows(TokenRefusal.class, token::payload), "no text for a payload that is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":007}", "{\"a\":1,}", "{\"a\":[1,]}", "{\"a\":\"x\u0001y\"}", "{\"a\":\"\\x\"}",
        "{\"a\":1} x", "{\"a\":1}{}", "{'a':1}", "{\"a\":NaN}", "[1]", "null", "\"text\"", "{\"a\":1,\"a\":2}",
        "{\"a\":{\"b\":1,\"b\":1}}"})
    void payloadThatIsNotStrictJsonObjectIsRefusedAsMalformed(String payload) throws TokenRefusal {
        Token token = Token.parse(token(HEADER, payload));
        TokenRefusal refusal = assertThrows(TokenRefusal.class, token::claims);
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
        assertEquals("the token payload is not a JSON object of claims", refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"HS256\",\"alg\":\"none\"}", "{\"alg\":\"HS256\",}", "{\"alg\":\"HS256\"} 1",
        "[\"HS256\"]"})
    void headerThatIsNotStrictJsonObjectIsRefusedAsMalformed(String header) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> Token.parse(token(header, "{}")));
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
        assertEquals("the token header is not a JSON object", refusal.getMessage());
    }

    @Test
    void headerOrPayloadThatIsNotUtf8IsRefused() throws TokenRefusal {
        byte[] latin1 = "{\"alg\":\"HS256\",\"x\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        TokenRefusal header = assertThrows(TokenRefusal.class, () -> Token.parse(b64(latin1) + "." + b64("{}") + ".c2ln"));
        assertEquals("the token header is not UTF-8 text", header.getMessage());

        Token token = Token.parse(b64(HEADER) + "." + b64(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0,
            (byte) 0x80, '"', '}'}) + ".c2ln");
        TokenRefusal payload = assertThrows(TokenRefusal.class, token::claims);
        assertEquals("the token payload is not UTF-8 text", payload.getMessage());
    }

    /**
     * JSON with NUL bytes or bytes that are never UTF-8 is not given to Jackson's byte parser, which would guess
     * another encoding from the NULs ({@code 00 7B 00 7D} is "{}" in UTF-16) or report the bytes as a JSON error.
     */
    @Test
    void payloadWithNulOrBytesThatAreNeverUtf8IsReadAsText() throws TokenRefusal {
        Token utf16 = Token.parse(b64(HEADER) + "." + b64(new byte[] {0, '{', 0, '}'}) + ".c2ln");
        assertEquals("the token payload is not a JSON object of claims",
                assertThrows(TokenRefusal.class, utf16::claims).getMessage());
        Token ff = Token.parse(b64(HEADER) + "." + b64(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'})
                               + ".c2ln");
        assertEquals("the token payload is not UTF-8 text", assertThrows(TokenRefusal.class, ff::claims).getMessage());
    }

    /** An empty header is three parts of canonical Base64url, refused for its JSON, with or without recent headers. */
    @Test
    void anEmptyHeaderIsRefusedAsNoJsonObject() {
        RecentHeader recent = new RecentHeader();
        for (RecentHeader headers : new RecentHeader[] { null, recent }) {
            TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> Token.parse("." + b64("{}") + ".c2ln", headers));
            assertEquals("the token header is not a JSON object", refusal.getMessage());
        }
    }

    @Test
    void headerWithoutStringAlgOrWithB64OrCritIsRefused() {
        assertRefused("{\"alg\":1}", "the token header has no alg");
        assertRefused("{\"typ\":\"JWT\"}", "the token header has no alg");
        assertRefused("{\"alg\":\"HS256\",\"b64\":false}", "the b64 header parameter is not accepted");
        assertRefused("{\"alg\":\"HS256\",\"crit\":[]}",
                "the token names critical header parameters (crit) this endpoint does not understand");
    }

    @Test
    void jsonBeyondTheLimitsIsRefusedWithTheLimitsMessages() throws TokenRefusal {
        String deep = "{\"a\":" + "[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH) + "}";
        Token token = Token.parse(token(HEADER, deep));
        assertEquals("the token payload nests JSON deeper than 64 levels",
                assertThrows(TokenRefusal.class, token::claims).getMessage());
        assertRefused("{\"alg\":\"HS256\",\"n\":" + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}",
                "the token header holds a number longer than 64 characters");
        // JSON with a character beyond ASCII is read as text: the same bounds, the same messages
        Token text = Token.parse(token(HEADER, deep.replace("{\"a\"", "{\"\u00e9\"")));
        assertEquals("the token payload nests JSON deeper than 64 levels",
                assertThrows(TokenRefusal.class, text::claims).getMessage());
    }

    @Test
    void anEncryptedTokenOrAnotherNumberOfPartsIsRefused() {
        TokenRefusal jwe = assertThrows(TokenRefusal.class, () -> Token.parse("AA.AA.AA.AA.AA"));
        assertEquals("the token is encrypted (JWE), which this endpoint does not accept", jwe.getMessage());
        TokenRefusal two = assertThrows(TokenRefusal.class, () -> Token.parse(b64(HEADER) + "." + b64("{}")));
        assertEquals("a JWS has three parts separated by dots, this token has 2", two.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCopyHasItsOwnMapsSoChangingThemLeavesTheOriginalAsItWas() throws TokenRefusal {
        Token token = Token.parse(token(HEADER, "{\"sub\":\"alice\",\"realm\":{\"roles\":[\"a\"]}}"));
        Token copy = token.copy();
        assertNotSame(token.claims(), copy.claims());
        assertEquals(token.claims(), copy.claims());
        copy.claims().put("sub", "mallory");
        ((List<Object>) ((Map<String, Object>) copy.claims().get("realm")).get("roles")).add("admin");
        copy.header().put("alg", "none");
        assertEquals(Map.of("sub", "alice", "realm", Map.of("roles", List.of("a"))), token.claims());
        assertEquals("HS256", token.header().get("alg"));
        assertEquals("alice", copy.subject(), "the typed values are those the token was verified with");
    }

    /** Whichever typed value a step asks for first (a key source may need the issuer before anything else). */
    @Test
    void eachTypedClaimIsReadFromTheTokenWhenItIsTheFirstThingAskedFor() throws TokenRefusal {
        String compact = token(HEADER, "{\"iss\":\"https://login.example.com\",\"sub\":\"alice\",\"aud\":\"api\","
                                       + "\"jti\":\"id-1\"}");
        assertEquals("https://login.example.com", Token.parse(compact).issuer());
        assertEquals("alice", Token.parse(compact).subject());
        assertEquals(List.of("api"), Token.parse(compact).audience());
        assertEquals("id-1", Token.parse(compact).id());
        assertEquals("alice", Token.parse(compact).copy().subject(), "a copy made first reads the claims too");
    }

    @Test
    void theCompactFormIsTheTokenAsItCameSinceTheVerifiedTokenCacheIsKeyedByIt() throws TokenRefusal {
        String compact = token(HEADER, "{\"sub\":\"alice\"}");
        assertEquals(compact, Token.parse(compact).compact());
    }

    @Test
    void rolesAskedForUnderAnotherClaimAreThatClaimsRoles() throws TokenRefusal {
        Token token = Token.parse(token(HEADER, "{\"scope\":\"read write\",\"groups\":[\"admin\"]}"));
        assertEquals(List.of("read", "write"), token.roles("scope"));
        assertEquals(List.of("admin"), token.roles("groups"));
        assertEquals(List.of("read", "write"), token.roles("scope"));
    }

    private static void assertRefused(String header, String message) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> Token.parse(token(header, "{}")));
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
        assertEquals(message, refusal.getMessage());
    }

    @Test
    void aHeaderParsedBeforeIsTakenFromTheRecentHeaderAsACopyOfItsOwn() throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        Token first = accepted(token(HEADER, "{\"sub\":\"a\"}"), recent);
        first.header().put("kid", "changed by a route");

        Token second = accepted(token(HEADER, "{\"sub\":\"b\"}"), recent);
        assertEquals(Map.of("alg", "HS256", "kid", "k1"), second.header(), "not what a route did to the first");
        assertEquals("HS256", second.algorithm());
        assertEquals("k1", second.kid());
        Token third = accepted(token(HEADER, "{\"sub\":\"c\"}"), recent);
        assertNotSame(second.header(), third.header());
        assertEquals("b", second.subject());
        assertEquals("c", third.subject());
    }

    @Test
    void aTokenWithAnotherHeaderIsParsedForItself() throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        accepted(token(HEADER, "{}"), recent);
        // the same start, one member more: a prefix of the next header must not count as the same header
        Token longer = accepted(token("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}", "{}"), recent);
        assertEquals("JWT", longer.header().get("typ"));
        Token shorter = accepted(token("{\"alg\":\"HS256\"}", "{}"), recent);
        assertNull(shorter.kid());
        Token other = accepted(token("{\"alg\":\"RS256\",\"kid\":\"k1\"}", "{}"), recent);
        assertEquals("RS256", other.algorithm());
    }

    @Test
    void aRefusedHeaderIsNeverRememberedAndIsRefusedEachTime() throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        accepted(token(HEADER, "{}"), recent);
        String crit = token("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{}");
        for (int i = 0; i < 2; i++) {
            TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> Token.parse(crit, recent));
            assertEquals(JwtFailure.MALFORMED, refusal.reason());
        }
        assertEquals("k1", accepted(token(HEADER, "{}"), recent).kid());
    }

    @Test
    void aHeaderThatStartsWithTheRememberedOneIsParsedForItself() throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        // 15 bytes encode to 20 characters with no partial group, so the next headers' encodings start with this one
        accepted(token("{\"alg\":\"HS256\"}", "{}"), recent);
        TokenRefusal refusal = assertThrows(TokenRefusal.class,
                () -> Token.parse(token("{\"alg\":\"HS256\"}  x", "{}"), recent));
        assertEquals("the token header is not a JSON object", refusal.getMessage());
        assertEquals(Map.of("alg", "HS256"), accepted(token("{\"alg\":\"HS256\"}   ", "{}"), recent).header());
    }

    @Test
    void aFewHeadersAreRememberedAndANewOneReplacesTheOldest() throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        List<String> tokens = IntStream.rangeClosed(0, RecentHeader.SLOTS)
                .mapToObj(i -> token("{\"alg\":\"HS256\",\"kid\":\"k" + i + "\"}", "{}")).toList();
        for (String compact : tokens.subList(0, RecentHeader.SLOTS)) {
            accepted(compact, recent);
        }
        for (String compact : tokens.subList(0, RecentHeader.SLOTS)) {
            assertNotNull(remembered(recent, compact), "each of the first " + RecentHeader.SLOTS + " is kept");
        }
        accepted(tokens.get(RecentHeader.SLOTS), recent);
        assertNull(remembered(recent, tokens.get(0)), "the oldest made room");
        for (String compact : tokens.subList(1, RecentHeader.SLOTS + 1)) {
            assertEquals(Token.parse(compact).header(), remembered(recent, compact).header());
        }
    }

    private static RecentHeader.Parsed remembered(RecentHeader recent, String compact) {
        return recent.find(CompactJws.ascii(compact), compact.indexOf('.'));
    }

    @Test
    void threadsSharingTheRecentHeadersEachGetTheirTokensOwnHeader() throws Exception {
        RecentHeader recent = new RecentHeader();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int fromRecent = 0;
                    for (int i = 0; i < 5_000 && !Thread.currentThread().isInterrupted(); i++) {
                        // as many kids as slots, and now and then a new one that pushes one of them out
                        String kid = i % 100 == 99 ? "new-" + thread + "-" + i
                                : "k" + (i + thread) % RecentHeader.SLOTS;
                        Token token = accepted(token("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}", "{}"), recent);
                        assertEquals(Map.of("alg", "HS256", "kid", kid), token.header());
                        token.header().put("kid", "changed by a route");
                        token.header().remove("alg");
                        fromRecent += token.headerFromRecent() ? 1 : 0;
                    }
                    return fromRecent;
                }));
            }
            int fromRecent = 0;
            for (Future<Integer> run : runs) {
                fromRecent += run.get(60, TimeUnit.SECONDS);
            }
            assertTrue(fromRecent > 0, "the threads took headers from the ones they share");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHeaderIsKeptOnlyOnceTheTokenIsAcceptedAndOnlyOnce() throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        String a = token("{\"alg\":\"HS256\",\"kid\":\"a\"}", "{}");
        String b = token("{\"alg\":\"HS256\",\"kid\":\"b\"}", "{}");
        Token.parse(a, recent);
        assertNull(remembered(recent, a), "parsed, not yet accepted (a forged token never is)");
        accepted(a, recent);
        accepted(b, recent);
        for (int i = 0; i < 3; i++) {
            assertTrue(accepted(a, recent).headerFromRecent());
        }
        accepted(token("{\"alg\":\"HS256\",\"kid\":\"c\"}", "{}"), recent);
        assertNotNull(remembered(recent, b), "a header taken from the slots takes no other slot");
    }

    /**
     * Parse reads a well-formed token with Java's decoder and sends any other to the character by character check:
     * 20,000 tokens with characters replaced, inserted or removed (dots, padding, other alphabets, characters beyond
     * ASCII) get the refusal that check gives, with or without the header among the recent ones, and a token it passes
     * is not refused for its form.
     */
    @Test
    void aMalformedTokenGetsTheRefusalOfTheCharacterByCharacterCheck() throws TokenRefusal {
        String valid = token(HEADER, "{\"sub\":\"alice\",\"n\":1}");
        RecentHeader recent = new RecentHeader();
        accepted(valid, recent);
        // a surrogate pair whole (one byte in the token's bytes, two characters in its text) and each half alone
        String[] units = { ".", "=", "+", "/", "?", "A", "_", "Q", "g", "-", "\u00e9", "\u0100", "\ud83d\ude00",
            "\ud83d", "\ude00" };
        java.util.Random random = new java.util.Random(8);
        int refusedForForm = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder mutated = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(mutated.length() + 1);
                int inside = Math.min(at, mutated.length() - 1);
                String unit = units[random.nextInt(units.length)];
                switch (random.nextInt(3)) {
                    case 0 -> mutated.insert(at, unit);
                    case 1 -> mutated.replace(inside, inside + 1, unit);
                    default -> mutated.deleteCharAt(inside);
                }
            }
            String compact = mutated.toString();
            String expected = formRefusal(compact);
            for (RecentHeader headers : new RecentHeader[] { null, recent }) {
                String actual;
                try {
                    Token.parse(compact, headers);
                    actual = null;
                } catch (TokenRefusal refusal) {
                    assertEquals(JwtFailure.MALFORMED, refusal.reason());
                    actual = refusal.getMessage();
                }
                if (expected != null) {
                    assertEquals(expected, actual, compact);
                    refusedForForm++;
                } else if (actual != null) {
                    assertTrue(actual.contains("JSON") || actual.contains("UTF-8") || actual.contains("alg"), actual);
                }
            }
        }
        assertTrue(refusedForForm > 20_000, "most mutations break the form: " + refusedForForm);
    }

    /**
     * A surrogate pair is one byte of the token's bytes and two characters of its text: wherever it is, the token gets
     * the refusal of the character by character check, with and without recent headers.
     */
    @ParameterizedTest
    @ValueSource(strings = { "\ud83d\ude00..", "A\ud83d\ude00.AA.", "e30.\ud83d\ude00.",
        "eyJhbGciOiJIUzI1NiJ9.\ud83d\ude00.", "\ud83d\ude00\ud83d\ude00\ud83d\ude00..", "x.\ud83d\ude00LBw.",
        "e30.e30.c2ln\ud83d\ude00" })
    void aSurrogatePairAnywhereGetsTheRefusalOfTheCharacterByCharacterCheck(String compact) throws TokenRefusal {
        RecentHeader recent = new RecentHeader();
        accepted(token(HEADER, "{}"), recent);
        accepted(token("{\"alg\":\"HS256\"}", "{}"), recent);
        for (RecentHeader headers : new RecentHeader[] { null, recent }) {
            TokenRefusal refusal = assertThrows(TokenRefusal.class, () -> Token.parse(compact, headers));
            assertEquals(formRefusal(compact), refusal.getMessage());
        }
    }

    /** What the character by character check says of a token's form, or null when it is three canonical parts. */
    private static String formRefusal(String compact) {
        try {
            int parts = CompactJws.checkSyntax(compact);
            return parts == 3 ? null
                    : parts == 5 ? "the token is encrypted (JWE), which this endpoint does not accept"
                    : "a JWS has three parts separated by dots, this token has " + parts;
        } catch (TokenRefusal refusal) {
            return refusal.getMessage();
        }
    }

    /**
     * JSON at the bounds of {@link JsonLimits}, in plain ASCII and with a character beyond it: JSON past a bound is
     * refused for that bound, whether Jackson refuses it or reads it (a number literal taken past the bound by its
     * sign, fraction or exponent, which Jackson's own count leaves out); JSON within them is read.
     */
    static Stream<Arguments> jsonAtTheBounds() {
        String tooLong = "the token payload holds a number longer than 64 characters";
        String tooDeep = "the token payload nests JSON deeper than 64 levels";
        String notAnObject = "the token payload is not a JSON object of claims";
        String digits63 = "1".repeat(63);
        return Stream.of(
                Arguments.of("1" + digits63, null),
                Arguments.of("11" + digits63, tooLong),
                Arguments.of("-" + digits63, null),
                Arguments.of("-1" + digits63, tooLong),
                Arguments.of("0." + "1".repeat(62), null),
                Arguments.of("0." + digits63, tooLong),
                Arguments.of("1.5e+" + "1".repeat(59), null),
                Arguments.of("1.5e+" + "1".repeat(60), tooLong),
                Arguments.of("-1.5E-" + "1".repeat(59), tooLong),
                Arguments.of("[".repeat(63) + "]".repeat(63), null),
                Arguments.of("[".repeat(64) + "]".repeat(64), tooDeep),
                Arguments.of("1} " + "1".repeat(65), tooLong),
                Arguments.of("1} " + "[".repeat(65), tooDeep),
                Arguments.of("1} x", notAnObject),
                Arguments.of("[true,false,null," + digits63 + "]", null))
                .flatMap(bound -> Stream.of(
                        Arguments.of("{\"n\":" + bound.get()[0] + "}", bound.get()[1]),
                        Arguments.of("{\"e\":\"\u00e9\",\"n\":" + bound.get()[0] + "}", bound.get()[1])));
    }

    /** Not UTF-8 is said before a bound, in the header as in the payload; the header has the same bounds. */
    @Test
    void jsonThatIsNotUtf8AndBeyondABoundIsRefusedAsNotUtf8() throws TokenRefusal {
        byte[] payload = ("{\"a\":\"\u00e9\",\"n\":" + "1".repeat(65) + "}").getBytes(StandardCharsets.ISO_8859_1);
        Token token = Token.parse(b64(HEADER) + "." + b64(payload) + ".c2ln");
        assertEquals("the token payload is not UTF-8 text",
                assertThrows(TokenRefusal.class, token::claims).getMessage());
        assertEquals("the token header is not UTF-8 text", assertThrows(TokenRefusal.class,
                () -> Token.parse(b64(payload) + "." + b64("{}") + ".c2ln")).getMessage());
        assertRefused("{\"alg\":\"HS256\",\"n\":-1" + "1".repeat(63) + "}",
                "the token header holds a number longer than 64 characters");
        assertRefused("{\"alg\":\"HS256\",\"n\":" + "[".repeat(64) + "]".repeat(64) + "}",
                "the token header nests JSON deeper than 64 levels");
    }

    @ParameterizedTest
    @MethodSource("jsonAtTheBounds")
    void jsonAtTheBoundsIsRefusedForTheBoundItBreaks(String json, String refusal) throws TokenRefusal {
        Token token = Token.parse(token(HEADER, json));
        if (refusal == null) {
            assertTrue(token.claims().containsKey("n"));
        } else {
            TokenRefusal thrown = assertThrows(TokenRefusal.class, token::claims);
            assertEquals(JwtFailure.MALFORMED, thrown.reason());
            assertEquals(refusal, thrown.getMessage());
        }
    }

    /** Parses a token as validate and decode do with one they accept: its header is kept afterwards. */
    private static Token accepted(String compact, RecentHeader recent) throws TokenRefusal {
        Token token = Token.parse(compact, recent);
        recent.remember(token);
        return token;
    }

    /**
     * 400 member names that all have the same hash in Jackson's symbol table for text (two-character blocks "Ab" and
     * "BA" have the same hash with its multiplier of 33): the token is read the same whether its JSON goes to Jackson
     * as bytes (all ASCII) or as text (one character beyond ASCII), and however many tokens came before.
     */
    @Test
    void manyMemberNamesWithOneHashAreReadFromBytesAndFromText() throws TokenRefusal {
        StringBuilder header = new StringBuilder("{\"alg\":\"HS256\"");
        for (int n = 0; n < 400; n++) {
            header.append(",\"");
            for (int block = 0; block < 9; block++) {
                header.append((n >> block & 1) == 0 ? "Ab" : "BA");
            }
            header.append("\":1");
        }
        for (int round = 0; round < 2; round++) { // the second time, Jackson's shared tables hold the names already
            Token bytes = Token.parse(token(header + "}", "{}"));
            assertEquals("HS256", bytes.algorithm());
            assertEquals(401, bytes.header().size());
            Token text = Token.parse(token(header + ",\"z\":\"\u00e9\"}", "{}"));
            assertEquals("HS256", text.algorithm());
            assertEquals(402, text.header().size());
        }
    }

    private static String token(String header, String payload) {
        return b64(header) + "." + b64(payload) + "." + SIGNATURE;
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
