package io.cameljwt.internal.token;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.token.TokenRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bounds on a token's JSON, exactly at their limits, and what they must not count: closed siblings, numbers
 * separated by commas, and anything inside a string.
 */
class JsonLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = { "[", "{\"a\":" })
    void nestingOfExactlyTheLimitIsAcceptedAndOneLevelMoreIsRefused(String open) {
        accepted(nested(open, JsonLimits.MAX_DEPTH));
        refused(nested(open, JsonLimits.MAX_DEPTH + 1));
    }

    @Test
    void numberOfExactlyTheLimitIsAcceptedAndOneCharacterMoreIsRefused() {
        // every digit, 0 and 9 included
        String digits = "1234567890".repeat(7).substring(0, JsonLimits.MAX_NUMBER_LENGTH);
        accepted("{\"n\":" + digits + "}");
        accepted("{\"n\":-1." + "5".repeat(JsonLimits.MAX_NUMBER_LENGTH - 7) + "e+10}");
        refused("{\"n\":" + digits + "0}");
        refused("{\"n\":" + digits + "9}");
        refused("{\"n\":-" + digits + "}");
    }

    @Test
    void closedSiblingsDoNotAddUpToDepth() {
        int many = JsonLimits.MAX_DEPTH * 2;
        accepted("{\"list\":[" + String.join(",", Collections.nCopies(many, "{\"a\":[]}")) + "]}");
    }

    @Test
    void numbersSeparatedByCommasOrSpacesAreCountedOneByOne() {
        String numbers = IntStream.range(0, JsonLimits.MAX_NUMBER_LENGTH * 2).mapToObj(i -> "-1.5e+3")
                .collect(Collectors.joining(","));
        accepted("{\"a\":[" + numbers + "],\"b\":[" + numbers.replace(",", " , ") + "]}");
    }

    /** A string may hold brackets and digits freely, and an escaped quote does not end it. */
    @ParameterizedTest
    @ValueSource(strings = { "[", "{", "1", "\\\"[", "\\\\\\\"{" })
    void insideAStringNothingIsCounted(String repeated) {
        accepted("{\"s\":\"" + repeated.repeat(JsonLimits.MAX_DEPTH * 2) + "\"}");
    }

    @Test
    void afterAnEscapedBackslashTheStringEnds() {
        // "\\" is one backslash and then the end of the string: the brackets after it count
        refused("{\"s\":\"\\\\\",\"t\":" + "[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH) + "}");
    }

    private static String nested(String open, int depth) {
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static void accepted(String json) {
        assertDoesNotThrow(() -> JsonLimits.check(json.getBytes(StandardCharsets.UTF_8), "payload"));
    }

    private static void refused(String json) {
        TokenRefusal refusal = assertThrows(TokenRefusal.class,
                () -> JsonLimits.check(json.getBytes(StandardCharsets.UTF_8), "payload"));
        assertEquals(JwtFailure.MALFORMED, refusal.reason());
    }
}
