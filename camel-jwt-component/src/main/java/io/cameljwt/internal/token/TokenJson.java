package io.cameljwt.internal.token;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.cameljwt.JwtFailure;

/**
 * Reads the JSON objects of a token (header and payload) strictly: UTF-8 that is valid, RFC 8259 JSON with no
 * extension (no leading zeros, trailing commas, unescaped control characters or unknown escapes), unique member
 * names, nothing after the object, and the bounds of {@link JsonLimits}. Values are typed as jose4j's parser typed
 * them before: integers as {@code Long} (or {@code BigInteger} beyond), other numbers as {@code Double}, objects as
 * ordered maps, arrays as lists.
 */
final class TokenJson {

    private static final JsonFactory FACTORY = factory();

    private TokenJson() {
    }

    /** The bytes as text, refused if they are not valid UTF-8 (RFC 8725 section 3.7). */
    static String utf8(byte[] bytes, String part) throws TokenRefusal {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // ASCII is valid UTF-8; most tokens are all ASCII
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TokenRefusal(JwtFailure.MALFORMED, "the token " + part + " is not UTF-8 text");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        int all = 0;
        for (byte b : bytes) {
            all |= b; // negative once a byte is: no early exit, so the JVM can compile the loop to vector instructions
        }
        return all >= 0;
    }

    /**
     * The JSON object in the bytes {@code json}, or a refusal with {@code notAnObject} as its message: refused first if
     * they are not UTF-8, then if they break the bounds of {@link JsonLimits} (said as such), then if they are not one
     * JSON object.
     * <p>
     * The bounds are looked for only once Jackson has refused the JSON: JSON that Jackson reads whole, with the same
     * bounds on nesting, and whose number literals {@link #number} finds no longer than the bound, is within them,
     * since outside its strings only number literals and the last letter of {@code true} and {@code false} are
     * characters that {@link JsonLimits} counts as a number.
     *
     * @param part "header" or "payload", for the messages
     */
    static Map<String, Object> object(byte[] json, String part, String notAnObject) throws TokenRefusal {
        try {
            if (!isPlainAscii(json)) {
                String text = utf8(json, part);
                return object(FACTORY.createParser(text));
            }
            // Jackson reads the bytes without a String in between. Plain ASCII holds no byte order mark and no NUL,
            // so Jackson's detection of the encoding can only find UTF-8, and it reads the same JSON as from the text.
            return object(FACTORY.createParser(json));
        } catch (IOException | RuntimeException e) {
            JsonLimits.check(json, part);
            throw new TokenRefusal(JwtFailure.MALFORMED, notAnObject);
        }
    }

    /** The one JSON object the parser reads; an IOException for anything else, which the caller says as refused. */
    private static Map<String, Object> object(JsonParser source) throws IOException {
        try (JsonParser parser = source) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            Map<String, Object> object = readObject(parser);
            if (parser.nextToken() != null) {
                throw new IOException("something after the object");
            }
            return object;
        }
    }

    /** Whether every byte is ASCII other than NUL (which JSON text never holds unescaped). */
    private static boolean isPlainAscii(byte[] bytes) {
        int all = 0;
        for (byte b : bytes) {
            all |= b - 1; // negative for NUL and for every byte beyond ASCII, as in isAscii
        }
        return all >= 0;
    }

    /**
     * The members of the object whose START_OBJECT the parser has just read. A member name given twice is refused here
     * rather than by Jackson's duplicate detection, which keeps a set of names of its own for each object.
     */
    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            int size = object.size();
            object.put(name, readValue(parser));
            if (object.size() == size) {
                throw new IOException("duplicate member name");
            }
        }
        return object;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    /** The value at the parser's current token, typed as jose4j types it (so claims read the same as before). */
    private static Object readValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken());
        };
    }

    /**
     * A number literal, refused when longer than {@link JsonLimits#MAX_NUMBER_LENGTH} characters (sign, fraction and
     * exponent included, as {@link JsonLimits} counts them); Jackson's own bound counts only some of them.
     */
    private static Object number(JsonParser parser) throws IOException {
        if (parser.getTextLength() > JsonLimits.MAX_NUMBER_LENGTH) {
            throw new IOException("number literal too long");
        }
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
    }

    private static JsonFactory factory() {
        // The bounds of JsonLimits, so that Jackson's work is bounded as it reads (number literals are measured whole
        // in number(), since Jackson's bound counts only some of their characters). Duplicate member names are
        // refused by readObject. Jackson keeps the member names it has read in symbol tables shared by all parsers
        // (its byte parser exists only with them); by default it fails a parse whose names collide too often in them,
        // which would make a token's verdict depend on the tokens read before it and on being read from bytes or
        // text: without that check a table stops keeping names instead. Names are not interned, so a token's names
        // never reach the JVM's string pool.
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(JsonLimits.MAX_DEPTH)
                .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(limits)
                .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }
}
