package io.cameljwt.examples.cookbook;

import java.util.HashMap;
import java.util.Map;

import io.cameljwt.examples.cookbook.iot.FirmwarePolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version comparison of use 19's firmware check, part by part. */
class FirmwarePolicyTest {

    @Test
    void versionsCompareByNumberPartByPart() {
        FirmwarePolicy policy = policy("2.4.0");

        assertFalse(policy.isTooOld(firmware("2.4.0")));
        assertFalse(policy.isTooOld(firmware("2.4")));
        assertFalse(policy.isTooOld(firmware("2.10.0")));
        assertFalse(policy.isTooOld(firmware("3")));
        assertTrue(policy.isTooOld(firmware("2.3.99")));
        assertTrue(policy.isTooOld(firmware("1.99.99")));
    }

    @Test
    void aFirmwareValueThatIsNoVersionIsTooOld() {
        FirmwarePolicy policy = policy("2.4.0");

        assertTrue(policy.isTooOld(firmware("latest")));
        assertTrue(policy.isTooOld(firmware("2.4.0-beta")));
        assertTrue(policy.isTooOld(firmware("99999999999")));
        assertTrue(policy.isTooOld(Map.of("firmware_version", 3L)));
        assertTrue(policy.isTooOld(new HashMap<>()));
        assertTrue(policy.isTooOld(null));
    }

    @Test
    void aMinimumThatIsNoVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy("2.x"));
    }

    private static FirmwarePolicy policy(String minimum) {
        FirmwarePolicy policy = new FirmwarePolicy();
        policy.setMinimum(minimum);
        return policy;
    }

    private static Map<String, Object> firmware(String version) {
        return Map.of("firmware_version", version);
    }
}
