package io.cameljwt.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON texts the corpus signs: odd values for every registered claim, and payload and header texts at the edges
 * of JSON (duplicates, trailing data, non-standard syntax, escapes, depth, number length, size). Each entry maps a
 * short name (part of the corpus kind) to the exact JSON text.
 */
final class JsonEdges {

    static final String ISSUER = "https://issuer.example";
    static final String AUDIENCE = "api://corpus";
    /** 2020-01-01T00:00:00Z: issued in the past, whatever the date of the run. */
    static final long IAT = 1577836800L;
    /** 2100-01-01T00:00:00Z: not expired, and not yet valid, for as long as anyone runs this. */
    static final long FUTURE = 4102444800L;
    /** 2000-01-01T00:00:00Z: long expired. */
    static final long PAST = 946684800L;

    /** The registered claims whose types and values the corpus varies. */
    static final String[] REGISTERED = { "iss", "sub", "aud", "exp", "nbf", "iat", "jti" };

    private JsonEdges() {
    }

    /** The claims of a valid token, in JSON, with {@code members} (already JSON, may be empty) first. */
    static String claims(String members) {
        return "{" + members + (members.isEmpty() ? "" : ",") + baseMembers() + "}";
    }

    static String baseMembers() {
        return "\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\",\"iat\":" + IAT
               + ",\"exp\":" + FUTURE + ",\"jti\":\"corpus-1\"";
    }

    /** The valid claims with one member replaced (value is JSON text) or, when value is null, removed. */
    static String claimsWith(String name, String value) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("iss", "\"" + ISSUER + "\"");
        members.put("aud", "\"" + AUDIENCE + "\"");
        members.put("sub", "\"alice\"");
        members.put("iat", String.valueOf(IAT));
        members.put("exp", String.valueOf(FUTURE));
        members.put("jti", "\"corpus-1\"");
        if (value == null) {
            members.remove(name);
        } else {
            members.put(name, value);
        }
        StringBuilder json = new StringBuilder("{");
        members.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    /** Odd types and edge values, as JSON text, tried for every registered claim. */
    static Map<String, String> oddValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("null", "null");
        values.put("true", "true");
        values.put("false", "false");
        values.put("zero", "0");
        values.put("minus-one", "-1");
        values.put("minus-zero", "-0");
        values.put("zero-point-zero", "0.0");
        values.put("fraction", "1.5");
        values.put("future-fraction", FUTURE + ".5");
        values.put("past", String.valueOf(PAST));
        values.put("future", String.valueOf(FUTURE));
        values.put("iat-value", String.valueOf(IAT));
        values.put("exponent", "4.1024448E9");
        values.put("exponent-past", "9.466848e8");
        values.put("long-max", "9223372036854775807");
        values.put("long-max-plus-one", "9223372036854775808");
        values.put("long-min-minus-one", "-9223372036854775809");
        values.put("instant-max", "31556889864403199");
        values.put("instant-max-plus-one", "31556889864403200");
        values.put("instant-min", "-31557014167219200");
        values.put("huge-double", "1e300");
        values.put("minus-huge-double", "-1e300");
        values.put("overflowing-double", "1e400");
        values.put("tiny-double", "1e-300");
        values.put("long-fraction", FUTURE + ".00000000000000000000000000000001");
        values.put("empty-string", "\"\"");
        values.put("string", "\"some text\"");
        values.put("numeric-string", "\"" + FUTURE + "\"");
        values.put("issuer-string", "\"" + ISSUER + "\"");
        values.put("audience-string", "\"" + AUDIENCE + "\"");
        values.put("escaped-string", "\"https:\\/\\/issuer.example\"");
        values.put("unicode-escape-string", "\"\\u0061pi://corpus\"");
        values.put("empty-array", "[]");
        values.put("array-of-audience", "[\"" + AUDIENCE + "\"]");
        values.put("array-of-issuer", "[\"" + ISSUER + "\"]");
        values.put("array-of-numbers", "[1,2]");
        values.put("array-of-future", "[" + FUTURE + "]");
        values.put("array-mixed", "[\"other\",1,null,\"" + AUDIENCE + "\"]");
        values.put("nested-array", "[[\"" + AUDIENCE + "\"]]");
        values.put("empty-object", "{}");
        values.put("object", "{\"value\":\"" + AUDIENCE + "\"}");
        return values;
    }

    /** Payload texts, signed as they are. */
    static Map<String, String> payloads() {
        String base = baseMembers();
        Map<String, String> p = new LinkedHashMap<>();
        // duplicate members: which one wins decides the verdict
        p.put("duplicate/exp-valid-then-expired", "{" + base + ",\"exp\":" + PAST + "}");
        p.put("duplicate/exp-expired-then-valid", "{\"exp\":" + PAST + "," + base + "}");
        p.put("duplicate/iss-right-then-wrong", "{" + base + ",\"iss\":\"https://evil.example\"}");
        p.put("duplicate/iss-wrong-then-right", "{\"iss\":\"https://evil.example\"," + base + "}");
        p.put("duplicate/aud-right-then-wrong", "{" + base + ",\"aud\":\"other\"}");
        p.put("duplicate/sub", "{" + base + ",\"sub\":\"mallory\"}");
        p.put("duplicate/nested", "{" + base + ",\"roles\":{\"a\":1,\"a\":2}}");
        p.put("duplicate/escaped-name", "{" + base + ",\"\\u0065xp\":" + PAST + "}");
        // the document around the object
        p.put("document/empty", "");
        p.put("document/whitespace", " ");
        p.put("document/null", "null");
        p.put("document/array", "[{" + base + "}]");
        p.put("document/string", "\"claims\"");
        p.put("document/number", "42");
        p.put("document/true", "true");
        p.put("document/empty-object", "{}");
        p.put("document/leading-whitespace", " \n\t{" + base + "}");
        p.put("document/trailing-whitespace", "{" + base + "}\r\n ");
        p.put("document/trailing-garbage", "{" + base + "}x");
        p.put("document/trailing-object", "{" + base + "}{}");
        p.put("document/trailing-comma-document", "{" + base + "},");
        p.put("document/byte-order-mark", "\uFEFF{" + base + "}");
        p.put("document/unclosed", "{" + base);
        p.put("document/extra-close", "{" + base + "}}");
        // syntax outside RFC 8259
        p.put("syntax/trailing-comma", "{" + base + ",}");
        p.put("syntax/single-quotes", "{" + base + ",'x':'y'}");
        p.put("syntax/unquoted-name", "{" + base + ",x:1}");
        p.put("syntax/comment", "{" + base + "/* comment */}");
        p.put("syntax/line-comment", "{" + base + "// comment\n}");
        p.put("syntax/nan", "{" + base + ",\"x\":NaN}");
        p.put("syntax/infinity", "{" + base + ",\"x\":Infinity}");
        p.put("syntax/leading-zero", "{" + base + ",\"x\":012}");
        p.put("syntax/leading-zero-exp", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":0" + FUTURE + "}");
        p.put("syntax/plus-sign", "{" + base + ",\"x\":+1}");
        p.put("syntax/hex", "{" + base + ",\"x\":0x10}");
        p.put("syntax/bare-dot", "{" + base + ",\"x\":1.}");
        p.put("syntax/leading-dot", "{" + base + ",\"x\":.5}");
        p.put("syntax/missing-value", "{" + base + ",\"x\":}");
        p.put("syntax/missing-colon", "{" + base + ",\"x\" 1}");
        p.put("syntax/null-name", "{" + base + ",null:1}");
        p.put("syntax/number-name", "{" + base + ",1:1}");
        p.put("syntax/uppercase-literal", "{" + base + ",\"x\":TRUE}");
        // strings
        p.put("string/raw-tab", "{" + base + ",\"x\":\"a\tb\"}");
        p.put("string/raw-newline", "{" + base + ",\"x\":\"a\nb\"}");
        p.put("string/raw-nul", "{" + base + ",\"x\":\"a\u0000b\"}");
        p.put("string/escaped-nul", "{" + base + ",\"x\":\"a\\u0000b\"}");
        p.put("string/bad-escape", "{" + base + ",\"x\":\"a\\xb\"}");
        p.put("string/short-unicode-escape", "{" + base + ",\"x\":\"\\u12\"}");
        p.put("string/lone-high-surrogate", "{" + base + ",\"x\":\"\\ud800\"}");
        p.put("string/lone-low-surrogate", "{" + base + ",\"x\":\"\\udc00\"}");
        p.put("string/surrogate-pair", "{" + base + ",\"x\":\"\\ud83d\\ude00\"}");
        p.put("string/non-ascii", "{" + base + ",\"name\":\"J\u00fcrgen \u00e9\u00e8 \u4e2d\u6587 \ud83d\ude00\"}");
        p.put("string/unterminated", "{" + base + ",\"x\":\"abc}");
        p.put("string/empty-name", "{" + base + ",\"\":1}");
        p.put("string/escaped-slash-issuer", "{\"iss\":\"https:\\/\\/issuer.example\",\"aud\":\"" + AUDIENCE + "\",\"exp\":"
                                             + FUTURE + "}");
        // depth: the component bounds nesting at 64 levels, payload object included
        for (int depth : new int[] { 10, 62, 63, 64, 65, 200, 2000 }) {
            p.put("depth/objects-" + depth, "{" + base + ",\"deep\":" + nested("{\"a\":", "}", depth - 1, "1") + "}");
            p.put("depth/arrays-" + depth, "{" + base + ",\"deep\":" + nested("[", "]", depth - 1, "1") + "}");
        }
        p.put("depth/unbalanced-close", "{" + base + ",\"x\":" + "]".repeat(100) + "}");
        // number length: the component bounds a number literal at 64 characters
        for (int digits : new int[] { 19, 20, 63, 64, 65, 1000 }) {
            p.put("number/integer-" + digits, "{" + base + ",\"n\":" + "9".repeat(digits) + "}");
            p.put("number/fraction-" + digits, "{" + base + ",\"n\":1." + "1".repeat(digits - 2) + "}");
        }
        p.put("number/exp-64-digits", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":"
                                      + "0".repeat(54) + FUTURE + "}");
        p.put("number/big-exponent", "{" + base + ",\"n\":1e99999}");
        p.put("number/negative-zero", "{" + base + ",\"n\":-0.0}");
        // size: the default maxTokenLength is 16384 characters
        for (int size : new int[] { 1000, 8000, 11000, 12500, 20000 }) {
            p.put("size/string-" + size, "{" + base + ",\"big\":\"" + "x".repeat(size) + "\"}");
        }
        StringBuilder many = new StringBuilder("{" + base);
        for (int i = 0; i < 1000; i++) {
            many.append(",\"c").append(i).append("\":").append(i);
        }
        p.put("size/1000-members", many.append('}').toString());
        StringBuilder array = new StringBuilder("{" + base + ",\"roles\":[");
        for (int i = 0; i < 2000; i++) {
            array.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        p.put("size/2000-element-array", array.append("]}").toString());
        return p;
    }

    /** Header texts for a token signed with {@code alg}; the token's key is the endpoint's. */
    static Map<String, String> headers(String alg) {
        String a = "\"alg\":\"" + alg + "\"";
        Map<String, String> h = new LinkedHashMap<>();
        h.put("plain", "{" + a + "}");
        h.put("typ/jwt-lowercase", "{" + a + ",\"typ\":\"jwt\"}");
        h.put("typ/at+jwt", "{" + a + ",\"typ\":\"at+jwt\"}");
        h.put("typ/application-jwt", "{" + a + ",\"typ\":\"application/jwt\"}");
        h.put("typ/number", "{" + a + ",\"typ\":1}");
        h.put("typ/null", "{" + a + ",\"typ\":null}");
        h.put("cty/jwt", "{" + a + ",\"cty\":\"JWT\"}");
        h.put("cty/json", "{" + a + ",\"cty\":\"json\"}");
        h.put("kid/string", "{" + a + ",\"kid\":\"some-key\"}");
        h.put("kid/empty", "{" + a + ",\"kid\":\"\"}");
        h.put("kid/number", "{" + a + ",\"kid\":7}");
        h.put("kid/null", "{" + a + ",\"kid\":null}");
        h.put("kid/array", "{" + a + ",\"kid\":[\"a\"]}");
        h.put("kid/path", "{" + a + ",\"kid\":\"../../../../dev/null\"}");
        h.put("kid/sql", "{" + a + ",\"kid\":\"x' UNION SELECT 'secret\"}");
        h.put("kid/long", "{" + a + ",\"kid\":\"" + "k".repeat(3000) + "\"}");
        h.put("crit/unknown", "{" + a + ",\"crit\":[\"exp\"],\"exp\":1}");
        h.put("crit/empty", "{" + a + ",\"crit\":[]}");
        h.put("crit/string", "{" + a + ",\"crit\":\"exp\"}");
        h.put("crit/null", "{" + a + ",\"crit\":null}");
        h.put("crit/b64", "{" + a + ",\"b64\":true,\"crit\":[\"b64\"]}");
        h.put("b64/false", "{" + a + ",\"b64\":false}");
        h.put("b64/true", "{" + a + ",\"b64\":true}");
        h.put("jku", "{" + a + ",\"jku\":\"https://evil.example/jwks.json\"}");
        h.put("x5u", "{" + a + ",\"x5u\":\"https://evil.example/cert.pem\"}");
        h.put("x5c/garbage", "{" + a + ",\"x5c\":[\"AAAA\"]}");
        h.put("x5t", "{" + a + ",\"x5t\":\"AAAA\"}");
        h.put("zip", "{" + a + ",\"zip\":\"DEF\"}");
        h.put("enc", "{" + a + ",\"enc\":\"A256GCM\"}");
        h.put("duplicate/alg-then-none", "{" + a + ",\"alg\":\"none\"}");
        h.put("duplicate/none-then-alg", "{\"alg\":\"none\"," + a + "}");
        h.put("duplicate/alg-twice", "{" + a + "," + a + "}");
        h.put("duplicate/typ", "{" + a + ",\"typ\":\"JWT\",\"typ\":\"at+jwt\"}");
        h.put("alg/missing", "{\"typ\":\"JWT\"}");
        h.put("alg/null", "{\"alg\":null}");
        h.put("alg/number", "{\"alg\":256}");
        h.put("alg/array", "{\"alg\":[\"" + alg + "\"]}");
        h.put("alg/empty", "{\"alg\":\"\"}");
        h.put("alg/lowercase", "{\"alg\":\"" + alg.toLowerCase() + "\"}");
        h.put("alg/trailing-space", "{\"alg\":\"" + alg + " \"}");
        h.put("alg/escaped", "{\"alg\":\"\\u0" + Integer.toHexString(alg.charAt(0)) + alg.substring(1) + "\"}");
        h.put("document/empty-object", "{}");
        h.put("document/array", "[{" + a + "}]");
        h.put("document/null", "null");
        h.put("document/string", "\"" + alg + "\"");
        h.put("document/empty", "");
        h.put("document/trailing-garbage", "{" + a + "}x");
        h.put("document/byte-order-mark", "\uFEFF{" + a + "}");
        h.put("document/trailing-comma", "{" + a + ",}");
        h.put("document/single-quotes", "{'alg':'" + alg + "'}");
        h.put("document/comment", "{" + a + "/**/}");
        h.put("depth/64", "{" + a + ",\"x\":" + nested("[", "]", 63, "1") + "}");
        h.put("depth/65", "{" + a + ",\"x\":" + nested("[", "]", 64, "1") + "}");
        h.put("number/65-digits", "{" + a + ",\"x\":" + "1".repeat(65) + "}");
        h.put("string/lone-surrogate", "{" + a + ",\"x\":\"\\ud800\"}");
        h.put("string/non-ascii", "{" + a + ",\"x\":\"\u00e9\u4e2d\"}");
        return h;
    }

    static String nested(String open, String close, int levels, String inner) {
        return open.repeat(levels) + inner + close.repeat(levels);
    }
}
