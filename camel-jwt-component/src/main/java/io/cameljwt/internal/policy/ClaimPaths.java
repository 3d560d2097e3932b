package io.cameljwt.internal.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds claims by name or dotted path, and reads string lists out of them.
 */
public final class ClaimPaths {

    private ClaimPaths() {
    }

    /**
     * The claim with this exact name; else, for a dotted name such as {@code realm_access.roles}, the value reached by
     * walking into nested objects; else null.
     */
    public static Object resolve(Map<String, Object> claims, String name) {
        if (claims.containsKey(name) || name.indexOf('.') < 0) {
            return claims.get(name);
        }
        Object current = claims;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    /** A string claim as a one-element list, an array as its elements' text, a space-separated string split. */
    public static List<String> strings(Object value, boolean splitOnSpaces) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (element != null) {
                    result.add(String.valueOf(element));
                }
            }
        } else if (value instanceof String text) {
            if (splitOnSpaces) {
                for (String part : text.trim().split("\\s+")) {
                    if (!part.isEmpty()) {
                        result.add(part);
                    }
                }
            } else {
                result.add(text);
            }
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
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

    /** Roles at the configured path, or null when the token has none there. */
    public static List<String> roles(Map<String, Object> claims, String rolesClaim) {
        Object value = resolve(claims, rolesClaim);
        return value == null ? null : strings(value, true);
    }
}
