package io.cameljwt;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import org.apache.camel.Message;
import org.apache.camel.api.management.ManagedAttribute;
import org.junit.jupiter.api.Test;
import org.jose4j.jwk.RsaJsonWebKey;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts of each jwt endpoint, read as a JMX client reads them: through the platform MBean server, by the
 * ObjectName Camel gives the endpoint (docs/metrics.md).
 */
class MetricsTest extends JwtRouteTestSupport {

    private static final String VALIDATE = "jwt:validate?secret=" + Tokens.SECRET;
    private static final RsaJsonWebKey K1 = RemoteKeysTest.K1;
    private static final RsaJsonWebKey K2 = RemoteKeysTest.K2;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    MetricsTest() {
        testConfiguration().withEnableJMX(); // CamelTestSupport turns JMX off unless asked
    }

    @Test
    void validateCountsAcceptedTokensAndRefusalsPerReason() throws Exception {
        for (int i = 0; i < 3; i++) {
            accepted(sendToken(VALIDATE, hs256(validClaims())));
        }
        String expired = hs256(validClaims("exp", now() - 3600));
        refused(sendToken(VALIDATE, expired), JwtFailure.EXPIRED, expired);
        refused(sendToken(VALIDATE, expired), JwtFailure.EXPIRED, expired);
        String forged = Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(validClaims()), "HS256",
                Tokens.OTHER_HMAC_KEY);
        refused(sendToken(VALIDATE, forged), JwtFailure.SIGNATURE_INVALID, forged);
        refused(send(VALIDATE, null, Map.of()), JwtFailure.TOKEN_MISSING, null);

        ObjectName name = mbean("jwt://validate");
        assertEquals(3L, attribute(name, "TokensAccepted"));
        assertEquals(4L, attribute(name, "TokensRefused"));
        assertEquals(counts(JwtFailure.EXPIRED, 2, JwtFailure.SIGNATURE_INVALID, 1, JwtFailure.TOKEN_MISSING, 1),
                byReason(name));
        assertEquals(0L, attribute(name, "TokensDecoded"));
        assertEquals(0L, attribute(name, "TokensGenerated"));
    }

    @Test
    void withFailOnInvalidFalseRefusalsAreCountedFromTheResultHeaders() throws Exception {
        String uri = VALIDATE + "&failOnInvalid=false&issuer=https://login.example.com";
        Message ok = accepted(sendToken(uri, hs256(validClaims("iss", "https://login.example.com"))));
        assertEquals(true, ok.getHeader(JwtConstants.JWT_VALID));
        Message other = accepted(sendToken(uri, hs256(validClaims("iss", "https://evil.example.com"))));
        assertEquals("ISSUER_MISMATCH", other.getHeader(JwtConstants.JWT_ERROR));
        accepted(sendToken(uri, hs256(claims("sub", "alice", "iss", "https://login.example.com"))));

        ObjectName name = mbean("jwt://validate");
        assertEquals(1L, attribute(name, "TokensAccepted"));
        assertEquals(2L, attribute(name, "TokensRefused"));
        assertEquals(counts(JwtFailure.ISSUER_MISMATCH, 1, JwtFailure.EXPIRED, 0, JwtFailure.CLAIM_MISSING, 1),
                byReason(name), "a token without exp is refused as CLAIM_MISSING (requireExpiration)");
    }

    @Test
    void resultHeadersFromUpstreamDoNotCountAsARefusal() throws Exception {
        // a forged CamelJwtValid=false upstream is cleared by validate, so the valid token counts as accepted
        accepted(send(VALIDATE + "&failOnInvalid=false", null, Map.of(JwtConstants.JWT_TOKEN, hs256(validClaims()),
                JwtConstants.JWT_VALID, false, JwtConstants.JWT_ERROR, "EXPIRED")));
        ObjectName name = mbean("jwt://validate");
        assertEquals(1L, attribute(name, "TokensAccepted"));
        assertEquals(0L, attribute(name, "TokensRefused"));
    }

    @Test
    void revokeCountsTokensRevokedAndRefusals() throws Exception {
        context.getRegistry().bind("revoked", new JwtRevocationMemoryStore());
        String revoke = "jwt:revoke?secret=" + Tokens.SECRET + "&revocationRepository=#revoked";
        accepted(sendToken(revoke, hs256(validClaims())));
        accepted(sendToken(revoke, hs256(validClaims())));
        String expired = hs256(validClaims("exp", now() - 3600));
        refused(sendToken(revoke, expired), JwtFailure.EXPIRED, expired);

        ObjectName name = mbean("jwt://revoke");
        assertEquals(2L, attribute(name, "TokensRevoked"));
        assertEquals(0L, attribute(name, "TokensAccepted"), "a revoked token is counted as revoked only");
        assertEquals(counts(JwtFailure.EXPIRED, 1), byReason(name));
    }

    @Test
    void generateCountsTokensSignedAndDecodeCountsTokensUnpackedAndRefused() throws Exception {
        String generate = "jwt:generate?secret=" + Tokens.SECRET;
        String token = null;
        for (int i = 0; i < 2; i++) {
            token = accepted(send(generate, Map.of("sub", "alice"), Map.of())).getBody(String.class);
        }
        accepted(sendToken("jwt:decode", token));
        refused(sendToken("jwt:decode", "not-a-token"), JwtFailure.MALFORMED, "not-a-token");
        refused(send("jwt:decode", null, Map.of()), JwtFailure.TOKEN_MISSING, null);

        ObjectName generator = mbean("jwt://generate");
        assertEquals(2L, attribute(generator, "TokensGenerated"));
        assertEquals(0L, attribute(generator, "TokensRefused"));
        ObjectName decoder = mbean("jwt://decode");
        assertEquals(1L, attribute(decoder, "TokensDecoded"));
        assertEquals(0L, attribute(decoder, "TokensAccepted"), "decode verifies nothing, so accepts nothing");
        assertEquals(2L, attribute(decoder, "TokensRefused"));
        assertEquals(counts(JwtFailure.MALFORMED, 1, JwtFailure.TOKEN_MISSING, 1), byReason(decoder));
        assertNull(attribute(decoder, "KeysCached"), "no remote keys");
        assertEquals(0L, attribute(decoder, "KeyFetches"));
    }

    @Test
    void remoteKeyFetchesAndFailuresAreCounted() throws Exception {
        try (JwksServer jwks = JwksServer.http()) {
            jwks.serveKeys(RemoteKeysTest.jwkSet(K1));
            String uri = "jwt:validate?jwksUri=" + jwks.url() + "&jwksRefreshInterval=1s";
            accepted(sendToken(uri, RemoteKeysTest.token(K1)));
            ObjectName name = mbean("jwt://validate");
            assertEquals(1L, attribute(name, "KeyFetches"));
            assertEquals(0L, attribute(name, "KeyFetchFailures"));
            assertEquals(true, attribute(name, "KeysCached"));

            jwks.status(500);
            String unknownKid = RemoteKeysTest.token(K2); // starts a refetch, which fails
            refused(Refetch.afterInterval(() -> sendToken(uri, unknownKid)), JwtFailure.KEYS_UNAVAILABLE, unknownKid);
            assertEquals(2L, attribute(name, "KeyFetches"));
            assertEquals(1L, attribute(name, "KeyFetchFailures"));
            assertEquals(true, attribute(name, "KeysCached"), "the keys of the first fetch go on serving");
            // waiting out jwksRefreshInterval (at least 1s) may have refused the token as KEY_NOT_FOUND before
            assertEquals(1L, byReason(name).get(JwtFailure.KEYS_UNAVAILABLE));
            assertEquals(2, jwks.requests());
        }
    }

    @Test
    void countsSurviveARouteRestartUntilResetStatistics() throws Exception {
        try (JwksServer jwks = JwksServer.http()) {
            jwks.serveKeys(RemoteKeysTest.jwkSet(K1));
            String uri = "jwt:validate?jwksUri=" + jwks.url();
            String retired = RemoteKeysTest.token(K2);
            accepted(sendToken(uri, RemoteKeysTest.token(K1)));
            refused(sendToken(uri, retired), JwtFailure.KEY_NOT_FOUND, retired);
            ObjectName name = mbean("jwt://validate");

            context.getRouteController().stopAllRoutes();
            assertNull(attribute(name, "KeysCached"), "stopped: no keys in use");
            assertEquals(1L, attribute(name, "KeyFetches"));
            context.getRouteController().startAllRoutes();
            accepted(sendToken(uri, RemoteKeysTest.token(K1))); // the restarted operation fetches its keys again
            assertEquals(2L, attribute(name, "TokensAccepted"));
            assertEquals(counts(JwtFailure.KEY_NOT_FOUND, 1), byReason(name));
            assertEquals(2L, attribute(name, "KeyFetches"));

            server.invoke(name, "resetStatistics", null, null);
            assertEquals(0L, attribute(name, "TokensAccepted"));
            assertEquals(0L, attribute(name, "TokensRefused"));
            assertEquals(counts(), byReason(name));
            assertEquals(0L, attribute(name, "KeyFetches"));

            jwks.serveKeys(RemoteKeysTest.jwkSet(K1, K2));
            accepted(sendToken(uri, RemoteKeysTest.token(K1)));
            refused(sendToken(uri, retired), JwtFailure.KEY_NOT_FOUND, retired); // within the refresh interval: no fetch
            assertEquals(1L, attribute(name, "TokensAccepted"));
            assertEquals(counts(JwtFailure.KEY_NOT_FOUND, 1), byReason(name));
            assertEquals(0L, attribute(name, "KeyFetches"));
            assertEquals(2, jwks.requests());
        }
    }

    @Test
    void everyAttributeIsInTheMBeanAndOnTheMetricsPage() throws Exception {
        accepted(sendToken(VALIDATE, hs256(validClaims())));
        Set<String> inMBean = Arrays.stream(server.getMBeanInfo(mbean("jwt://validate")).getAttributes())
                .map(MBeanAttributeInfo::getName).collect(Collectors.toSet());
        String page = Files.readString(Path.of("../docs/metrics.md"));
        Set<String> declared = new TreeSet<>();
        for (Method method : JwtEndpoint.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(ManagedAttribute.class)) {
                declared.add(method.getName().replaceFirst("^(get|is)", ""));
            }
        }
        assertEquals(11, declared.size(), declared::toString);
        for (String attribute : declared) {
            assertTrue(inMBean.contains(attribute), () -> attribute + " is not an attribute of the MBean: " + inMBean);
            assertTrue(page.contains("| `" + attribute + "` |"), () -> "docs/metrics.md has no row for " + attribute);
        }
        assertTrue(inMBean.contains("EndpointUri"), "Camel's own endpoint attributes are kept");
        assertTrue(page.contains("| `resetStatistics()` |"), "docs/metrics.md has no row for resetStatistics()");
    }

    // --- reading JMX -----------------------------------------------------------------------------------------------

    /** The MBean of the one endpoint of this context whose URI starts with {@code prefix}, e.g. {@code jwt://validate}. */
    private ObjectName mbean(String prefix) throws Exception {
        ObjectName query = new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                          + ",type=endpoints,name=*");
        List<ObjectName> found = server.queryNames(query, null).stream()
                .filter(name -> ObjectName.unquote(name.getKeyProperty("name")).startsWith(prefix))
                .toList();
        assertEquals(1, found.size(), () -> "endpoints " + prefix + "* registered: " + found);
        return found.get(0);
    }

    private Object attribute(ObjectName name, String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    private Map<JwtFailure, Long> byReason(ObjectName name) throws Exception {
        CompositeData data = (CompositeData) attribute(name, "TokensRefusedByReason");
        Map<JwtFailure, Long> counts = new EnumMap<>(JwtFailure.class);
        for (JwtFailure reason : JwtFailure.values()) {
            counts.put(reason, (Long) data.get(reason.name()));
        }
        assertEquals(JwtFailure.values().length, data.getCompositeType().keySet().size(), "one item per reason");
        return counts;
    }

    /** Every reason with 0, but those given as (reason, count) pairs. */
    private static Map<JwtFailure, Long> counts(Object... reasonsAndCounts) {
        Map<JwtFailure, Long> counts = new EnumMap<>(JwtFailure.class);
        for (JwtFailure reason : JwtFailure.values()) {
            counts.put(reason, 0L);
        }
        for (int i = 0; i < reasonsAndCounts.length; i += 2) {
            counts.put((JwtFailure) reasonsAndCounts[i], ((Number) reasonsAndCounts[i + 1]).longValue());
        }
        return counts;
    }
}
