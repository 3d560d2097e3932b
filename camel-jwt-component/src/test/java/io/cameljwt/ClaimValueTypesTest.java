package io.cameljwt;

import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Claims are read with their JSON types: StringOrURI claims (iss, sub, aud, jti) and roles only as strings, and a
 * configured {@code claim.NAME=VALUE} only against scalars; a dotted path is walked before a literal dotted key.
 */
class ClaimValueTypesTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    @Test
    void audienceOfNumbersBooleansOrNestedArraysMatchesNoConfiguredAudience() {
        String number = hs256(validClaims("aud", List.of(123)));
        refused(sendToken(HS + "&audience=123", number), JwtFailure.AUDIENCE_MISMATCH, number);
        String bool = hs256(validClaims("aud", true));
        refused(sendToken(HS + "&audience=true", bool), JwtFailure.AUDIENCE_MISMATCH, bool);
        String nested = hs256(validClaims("aud", List.of(List.of("api"))));
        refused(sendToken(HS + "&audience=api", nested), JwtFailure.AUDIENCE_MISMATCH, nested);
    }

    @Test
    void rolesThatAreNotStringsGrantNothing() {
        String token = hs256(validClaims("roles", List.of(1, Map.of("x", 1), List.of("admin"))));
        refused(sendToken(HS + "&requiredRoles=1", token), JwtFailure.INSUFFICIENT_ROLES, token);
        refused(sendToken(HS + "&requiredRoles=admin", token), JwtFailure.INSUFFICIENT_ROLES, token);
        assertEquals(List.of(), accepted(sendToken(HS, token)).getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void claimValueMatchesScalarsOnlyNotNestedArraysOrObjects() {
        String nested = hs256(validClaims("tenant", List.of(List.of("acme"))));
        refused(sendToken(HS + "&claim.tenant=acme", nested), JwtFailure.CLAIM_MISMATCH, nested);
        String number = hs256(validClaims("level", 5));
        accepted(sendToken(HS + "&claim.level=5", number));
        String bool = hs256(validClaims("admin", true));
        accepted(sendToken(HS + "&claim.admin=true", bool));
    }

    @Test
    void identityHeadersAreSetOnlyFromStringClaims() {
        String token = hs256(claims("sub", List.of("root"), "iss", 7, "jti", Map.of("a", 1), "aud", List.of("api", 3),
                "iat", Tokens.now(), "exp", Tokens.now() + 300));
        Message message = accepted(sendToken(HS, token));
        assertNull(message.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(message.getHeader(JwtConstants.JWT_ISSUER));
        assertNull(message.getHeader(JwtConstants.JWT_ID));
        assertEquals(List.of("api"), message.getHeader(JwtConstants.JWT_AUDIENCE));
    }

    @Test
    void literalDottedKeyCannotShadowTheNestedRolesTheConfigurationMeans() {
        String token = hs256(validClaims("realm_access", Map.of("roles", List.of("user")),
                "realm_access.roles", List.of("admin")));
        String uri = HS + "&rolesClaim=realm_access.roles&requiredRoles=admin";
        refused(sendToken(uri, token), JwtFailure.INSUFFICIENT_ROLES, token);
        Message message = accepted(sendToken(HS + "&rolesClaim=realm_access.roles", token));
        assertEquals(List.of("user"), message.getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void namespacedClaimWithDotsIsReadLiterallyWhenNoSuchPathExists() {
        // Auth0 puts custom claims under URLs, which hold dots
        String token = hs256(validClaims("https://shop.example.com/roles", List.of("buyer")));
        Message message = accepted(sendToken(HS + "&rolesClaim=https://shop.example.com/roles&requiredRoles=buyer", token));
        assertEquals(List.of("buyer"), message.getHeader(JwtConstants.JWT_ROLES));
        assertFalse(message.getHeader(JwtConstants.JWT_ROLES, List.class).isEmpty());
    }
}
