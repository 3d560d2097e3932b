package io.cameljwt.internal.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds claims by name or dotted path, and reads typed values out of them: strings (RFC 7519's StringOrURI), scalars,
 * roles and NumericDates. A value of another JSON type than the one asked for is left out, never turned into text.
 */
public final class ClaimValues {

    private ClaimValues() {
    }

    /**
     * For a dotted name such as {@code realm_access.roles}, the value reached by walking into nested objects; else (or
     * when that path does not exist, as for Auth0's {@code https://example.com/roles}) the claim with this exact name.
     * The path comes first so that a literal {@code "realm_access.roles"} key in a token cannot shadow the nested value
     * the configuration means.
     */
    public static Object resolve(Map<String, Object> claims, String name) {
        if (name.indexOf('.') > 0) {
            Object current = claims;
            for (String step : name.split("\\.")) {
                current = current instanceof Map<?, ?> map ? map.get(step) : null;
            }
            if (current != null) {
                return current;
            }
        }
        return claims.get(name);
    }

    /** A string as a one-element list, an array as its string elements; anything else gives nothing. */
    public static List<String> strings(Object value) {
        List<String> result = new ArrayList<>(value instanceof Collection<?> collection ? collection.size()
                : value instanceof String ? 1 : 0);
        if (value instanceof String text) {
            result.add(text);
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (element instanceof String text) {
                    result.add(text);
                }
            }
        }
        return result;
    }

    /**
     * A scalar (string, number, boolean) as its text, an array as its scalar elements' text: what a configured
     * {@code claim.NAME=VALUE} is compared with. Objects and nested arrays give nothing.
     */
    public static List<String> scalars(Object value) {
        List<String> result = new ArrayList<>();
        if (isScalar(value)) {
            result.add(String.valueOf(value));
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (isScalar(element)) {
                    result.add(String.valueOf(element));
                }
            }
        }
        return result;
    }

    /** Roles at the configured path: an array of strings, or a space-separated string (such as {@code scope}). */
    public static List<String> roles(Map<String, Object> claims, String rolesClaim) {
        Object value = resolve(claims, rolesClaim);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            List<String> result = new ArrayList<>();
            for (String part : text.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
            return result;
        }
        return strings(value);
    }

    /**
     * A NumericDate claim value in whole seconds, or null when it is not one: not a number, or outside the range of
     * {@link Instant} (about a billion years either way), which keeps every comparison and message about it exact.
     */
    public static Long numericDate(Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            // the cast saturates, so a huge value lands outside the range instead of wrapping around
            long seconds = (long) Math.floor(number.doubleValue());
            if (seconds >= Instant.MIN.getEpochSecond() && seconds <= Instant.MAX.getEpochSecond()) {
                return seconds;
            }
        }
        return null;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
