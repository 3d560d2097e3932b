package io.cameljwt.examples.cookbook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cookbook use 19: {@code iot-telemetry.camel.yaml} over real HTTP accepts telemetry from a device whose registry
 * token names it, on its own channel, with recent enough firmware; and refuses a token without the device claims, for
 * another device, with old or unreadable firmware, or not from the registry.
 */
class IotDeviceTokenTest extends OpsCookbookTestSupport {

    private static final String REGISTRY = "https://registry.devices.example.test";
    private static final String REGISTRY_KEY = "cookbook/keys/device-registry-private.pem";
    private static final String TELEMETRY = "{\"temperature\":21.5}";

    @Override
    protected Properties routeProperties() {
        Properties properties = new Properties();
        properties.setProperty("iot.publicKey", "classpath:cookbook/keys/device-registry-public.pem");
        properties.setProperty("iot.minimumFirmware", "2.4.0");
        properties.setProperty("iot.sink", "mock:telemetry");
        return properties;
    }

    @Override
    protected String[] yamlRoutes() {
        return new String[] { "classpath:cookbook/iot-telemetry.camel.yaml" };
    }

    @Test
    void aDeviceWithItsOwnTokenAndRecentFirmwarePostsTelemetry() throws Exception {
        MockEndpoint telemetry = getMockEndpoint("mock:telemetry");
        telemetry.expectedBodiesReceived(TELEMETRY);
        telemetry.expectedHeaderReceived("DeviceId", "sensor-17");
        telemetry.expectedHeaderReceived("FirmwareVersion", "2.10.0");

        HttpResponse<String> response = post("/devices/sensor-17/telemetry", deviceToken("sensor-17", "2.10.0"), TELEMETRY);

        assertEquals(202, response.statusCode());
        telemetry.assertIsSatisfied();
        Message message = telemetry.getReceivedExchanges().get(0).getMessage();
        assertNull(message.getHeader("Authorization"));
        assertNull(message.getHeader("CamelJwtClaims"));
    }

    @Test
    void aDevicesTokenCannotPostForAnotherDevice() throws Exception {
        HttpResponse<String> response = post("/devices/sensor-18/telemetry", deviceToken("sensor-17", "2.10.0"), TELEMETRY);

        assertRefused(response, 403, "DEVICE_MISMATCH");
    }

    @Test
    void aHeaderNamedLikeThePathParameterDoesNotRebindTheChannel() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/devices/sensor-18/telemetry"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + deviceToken("sensor-17", "2.10.0"))
                .header("deviceId", "sensor-17")
                .POST(HttpRequest.BodyPublishers.ofString(TELEMETRY)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertRefused(response, 403, "DEVICE_MISMATCH");
    }

    @Test
    void firmwareBelowTheMinimumIsRefusedNamingTheMinimum() throws Exception {
        HttpResponse<String> response = post("/devices/sensor-17/telemetry", deviceToken("sensor-17", "2.3.9"), TELEMETRY);

        assertRefused(response, 403, "FIRMWARE_TOO_OLD");
        assertEquals("2.4.0", json(response.body()).get("minimumFirmware"));
    }

    @Test
    void firmwareThatIsNoVersionIsRefusedAsTooOld() throws Exception {
        HttpResponse<String> response = post("/devices/sensor-17/telemetry", deviceToken("sensor-17", "latest"), TELEMETRY);

        assertRefused(response, 403, "FIRMWARE_TOO_OLD");
    }

    @Test
    void aTokenWithoutTheFirmwareClaimIsRefused() throws Exception {
        JwtClaims claims = claims(REGISTRY, "telemetry", "device:sensor-17", 60);
        claims.setStringClaim("device_id", "sensor-17");

        assertRefused(post("/devices/sensor-17/telemetry", es256(REGISTRY_KEY, claims), TELEMETRY), 401, "CLAIM_MISSING");
    }

    @Test
    void aTokenNotSignedByTheRegistryIsRefused() throws Exception {
        JwtClaims claims = deviceClaims("sensor-17", "2.10.0");

        assertRefused(post("/devices/sensor-17/telemetry", es256("cookbook/keys/tenant-acme-private.pem", claims), TELEMETRY),
                401, "SIGNATURE_INVALID");
    }

    @Test
    void aTokenOfTheRegistryForAnotherAudienceIsRefused() throws Exception {
        JwtClaims claims = deviceClaims("sensor-17", "2.10.0");
        claims.setAudience("firmware-updates");

        assertRefused(post("/devices/sensor-17/telemetry", es256(REGISTRY_KEY, claims), TELEMETRY), 401, "AUDIENCE_MISMATCH");
    }

    private void assertRefused(HttpResponse<String> response, int status, String failure) throws Exception {
        assertEquals(status, response.statusCode());
        assertEquals(failure, error(response));
        MockEndpoint telemetry = getMockEndpoint("mock:telemetry");
        telemetry.expectedMessageCount(0);
        telemetry.assertIsSatisfied();
    }

    private static String deviceToken(String deviceId, String firmware) throws Exception {
        return es256(REGISTRY_KEY, deviceClaims(deviceId, firmware));
    }

    private static JwtClaims deviceClaims(String deviceId, String firmware) {
        JwtClaims claims = claims(REGISTRY, "telemetry", "device:" + deviceId, 60);
        claims.setStringClaim("device_id", deviceId);
        claims.setStringClaim("firmware_version", firmware);
        return claims;
    }
}
