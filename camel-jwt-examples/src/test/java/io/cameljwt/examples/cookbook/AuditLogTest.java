package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.examples.cookbook.audit.AuditedApiRoutes;
import org.apache.camel.RoutesBuilder;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook use 14: {@link AuditedApiRoutes} over real HTTP writes one JSON line per request, accepted or refused, with
 * the verified claims or the {@code JwtFailure}, and never the token, its signature or the key.
 */
class AuditLogTest extends OpsCookbookTestSupport {

    private static final String ISSUER = "https://login.example.test";
    private static final String KEY = "keys/login-private.pem";

    @TempDir
    Path auditDir;

    @Override
    protected Properties routeProperties() {
        Properties properties = new Properties();
        properties.setProperty("audit.publicKey", "classpath:keys/login-public.pem");
        properties.setProperty("audit.issuer", ISSUER);
        properties.setProperty("audit.audience", "reports-api");
        properties.setProperty("audit.dir", auditDir.toString());
        return properties;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new AuditedApiRoutes();
    }

    @Test
    void anAcceptedRequestIsOneLineWithTheVerifiedSubjectIssuerAndTokenId() throws Exception {
        JwtClaims claims = reader("alice");
        Instant before = Instant.now();

        HttpResponse<String> response = get("/api/reports", rs256(KEY, claims));

        assertEquals(200, response.statusCode());
        List<Map<?, ?>> lines = auditLines();
        assertEquals(1, lines.size());
        Map<?, ?> line = lines.get(0);
        assertEquals("accepted", line.get("outcome"));
        assertEquals("alice", line.get("sub"));
        assertEquals(ISSUER, line.get("iss"));
        assertEquals(claims.getJwtId(), line.get("jti"));
        assertEquals("GET", line.get("method"));
        assertEquals("/api/reports", line.get("path"));
        assertFalse(Instant.parse((String) line.get("ts")).isBefore(before.minusSeconds(1)));
    }

    @Test
    void refusedRequestsAreLinesWithTheirFailureAndNoClaims() throws Exception {
        JwtClaims expired = reader("bob");
        expired.setExpirationTimeMinutesInTheFuture(-10);
        JwtClaims noRole = reader("carol");
        noRole.setStringListClaim("roles", "user");

        assertEquals(401, get("/api/reports", rs256(KEY, expired)).statusCode());
        assertEquals(403, get("/api/reports", rs256(KEY, noRole)).statusCode());
        assertEquals(401, get("/api/reports", null).statusCode());

        List<Map<?, ?>> lines = auditLines();
        assertEquals(List.of("EXPIRED", "INSUFFICIENT_ROLES", "TOKEN_MISSING"),
                lines.stream().map(line -> line.get("outcome")).toList());
        for (Map<?, ?> line : lines) {
            // the claims of a refused token are not trusted: none is recorded as who asked
            assertNull(line.get("sub"));
            assertNull(line.get("jti"));
            assertTrue(((String) line.get("detail")).startsWith((String) line.get("outcome") + ":"), line::toString);
        }
    }

    @Test
    void noLineHoldsATokenASignatureOrKeyMaterial() throws Exception {
        String accepted = rs256(KEY, reader("alice"));
        String forged = accepted.substring(0, accepted.lastIndexOf('.') + 1) + "AAAA" + accepted.substring(accepted.lastIndexOf('.') + 5);
        JwtClaims wrongAudience = reader("dave");
        wrongAudience.setAudience("another-api");
        String otherAudience = rs256(KEY, wrongAudience);

        assertEquals(200, get("/api/reports", accepted).statusCode());
        assertEquals(401, get("/api/reports", forged).statusCode());
        assertEquals(401, get("/api/reports", otherAudience).statusCode());

        String file = auditFile();
        assertEquals(List.of("accepted", "SIGNATURE_INVALID", "AUDIENCE_MISMATCH"),
                auditLines().stream().map(line -> line.get("outcome")).toList());
        for (String token : List.of(accepted, forged, otherAudience)) {
            for (String part : token.split("\\.")) {
                assertFalse(file.contains(part), "a token part is in the audit file");
            }
        }
        assertFalse(file.contains("Bearer"));
        for (String pem : List.of(text(KEY), text("keys/login-public.pem"))) {
            for (String pemLine : pem.split("\n")) {
                if (!pemLine.startsWith("-----") && pemLine.length() > 16) {
                    assertFalse(file.contains(pemLine), "key material is in the audit file");
                }
            }
        }
    }

    @Test
    void aSubjectWithALineBreakCannotForgeASecondRecord() throws Exception {
        JwtClaims claims = reader("mallory\n{\"outcome\":\"accepted\",\"sub\":\"admin\"}");

        assertEquals(200, get("/api/reports", rs256(KEY, claims)).statusCode());

        List<Map<?, ?>> lines = auditLines();
        assertEquals(1, lines.size());
        assertEquals("mallory\n{\"outcome\":\"accepted\",\"sub\":\"admin\"}", lines.get(0).get("sub"));
    }

    /** A token of the login issuer for the reports API, with the role {@code reports}, expiring in five minutes. */
    private static JwtClaims reader(String subject) {
        JwtClaims claims = claims(ISSUER, "reports-api", subject, 5);
        claims.setStringListClaim("roles", "reports");
        return claims;
    }

    private String auditFile() throws IOException {
        return Files.readString(auditDir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
    }

    private List<Map<?, ?>> auditLines() throws IOException {
        String file = auditFile();
        assertTrue(file.endsWith("\n"));
        List<Map<?, ?>> lines = new java.util.ArrayList<>();
        for (String line : file.split("\n")) {
            lines.add(json(line));
        }
        return lines;
    }
}
