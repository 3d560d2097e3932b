package io.cameljwt.examples.cookbook.iot;

import java.util.Map;
import java.util.regex.Pattern;

import io.cameljwt.JwtConstants;
import org.apache.camel.Header;

/**
 * Cookbook use 19: the minimum firmware a device must run, checked after {@code jwt:validate} against the verified
 * {@code firmware_version} claim. Versions are dotted numbers compared part by part ({@code 2.10.0} is newer than
 * {@code 2.9.3}); a version in any other form counts as too old, so a device is never let in by a value that cannot be
 * compared. Used as a bean by {@code iot-telemetry.camel.yaml}.
 */
public class FirmwarePolicy {

    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");

    private String minimum = "0";

    /** The oldest firmware accepted, such as {@code 2.4.0}. */
    public void setMinimum(String minimum) {
        if (minimum == null || !VERSION.matcher(minimum).matches()) {
            throw new IllegalArgumentException("the minimum firmware version must be dotted numbers, such as 2.4.0");
        }
        this.minimum = minimum;
    }

    public String getMinimum() {
        return minimum;
    }

    /** Whether the token's {@code firmware_version} is below the minimum, or not a version at all. */
    public boolean isTooOld(@Header(JwtConstants.JWT_CLAIMS) Map<String, Object> claims) {
        Object version = claims == null ? null : claims.get("firmware_version");
        if (!(version instanceof String text) || !VERSION.matcher(text).matches()) {
            return true;
        }
        return compare(text, minimum) < 0;
    }

    static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(part(left, i), part(right, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int index) {
        return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    }
}
