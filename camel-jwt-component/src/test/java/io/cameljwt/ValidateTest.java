package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.claims;
import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jwt:validate} through real routes: where the token is read from, every check of the validate options, every
 * failure in both modes (exception and {@code failOnInvalid=false}), and the result headers with their types.
 */
class ValidateTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    // --- where the token is read from ------------------------------------------------------------------------------

    @Test
    void camelJwtTokenHeaderIsReadBeforeAuthorizationAndBody() {
        Exchange result = send(HS, hs256(validClaims("sub", "carol")), Map.of(
                JwtConstants.JWT_TOKEN, hs256(validClaims("sub", "alice")),
                "Authorization", "Bearer " + hs256(validClaims("sub", "bob"))));
        assertEquals("alice", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void authorizationHeaderIsReadBeforeBody() {
        Exchange result = send(HS, hs256(validClaims("sub", "carol")),
                Map.of("Authorization", "Bearer " + hs256(validClaims("sub", "bob"))));
        assertEquals("bob", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void bodyIsReadWhenNoHeaderHoldsAToken() {
        Exchange result = send(HS, "\n  " + hs256(validClaims("sub", "carol")) + " \r\n", Map.of());
        assertEquals("carol", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void blankCamelJwtTokenHeaderFallsThroughToAuthorization() {
        Exchange result = send(HS, null, Map.of(JwtConstants.JWT_TOKEN, "  ",
                "Authorization", "Bearer " + hs256(validClaims("sub", "bob"))));
        assertEquals("bob", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer %s", "bearer %s", "BEARER %s", "bEaReR %s", "  Bearer   %s  ", "%s", " %s\t" })
    void bearerPrefixInAnyCaseAndSurroundingWhitespaceAreRemoved(String format) {
        Exchange result = send(HS, null, Map.of("Authorization", String.format(format, hs256(validClaims()))));
        assertEquals("alice", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void customTokenHeaderIsReadInsteadOfAuthorization() {
        String uri = HS + "&tokenHeader=X-Api-Token";
        Exchange result = send(uri, null, Map.of("Authorization", "Basic dXNlcjpwYXNz",
                "X-Api-Token", "Bearer " + hs256(validClaims())));
        assertEquals("alice", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));

        // with a custom header, Authorization is not a token source any more
        Exchange missing = send(uri, null, Map.of("Authorization", "Bearer " + hs256(validClaims())));
        refused(missing, JwtFailure.TOKEN_MISSING, null);
    }

    @Test
    void streamBodyIsReadAndNotLost() throws Exception {
        String token = hs256(validClaims());
        MockEndpoint mock = getMockEndpoint(MOCK);
        mock.expectedMessageCount(1);
        Exchange result = send(HS, new ByteArrayInputStream(token.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertEquals("alice", accepted(result).getHeader(JwtConstants.JWT_SUBJECT));
        mock.assertIsSatisfied();
        assertEquals(token, mock.getReceivedExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void bodyIsLeftAsItWasWhenTheTokenIsValid() {
        Map<String, Object> body = Map.of("order", 42);
        Exchange result = send(HS, body, Map.of(JwtConstants.JWT_TOKEN, hs256(validClaims())));
        assertSame(body, accepted(result).getBody());
    }

    @Test
    void bodyIsLeftAsItWasWhenTheTokenIsInvalid() {
        Map<String, Object> body = Map.of("order", 42);
        Exchange result = send(HS + "&failOnInvalid=false", body,
                Map.of(JwtConstants.JWT_TOKEN, hs256(validClaims("exp", now() - 3600))));
        assertSame(body, accepted(result).getBody());
        assertEquals(Boolean.FALSE, result.getMessage().getHeader(JwtConstants.JWT_VALID));
    }

    @Test
    void tokenBodyIsLeftAsItWas() {
        String token = hs256(validClaims());
        Exchange result = send(HS, token, Map.of());
        assertSame(token, accepted(result).getBody());
    }

    // --- issuer, audience, claims ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "https://a.example", "https://b.example" })
    void issuerFromTheCommaListIsAccepted(String iss) {
        Exchange result = sendToken(HS + "&issuer=https://a.example, https://b.example", hs256(validClaims("iss", iss)));
        assertEquals(iss, accepted(result).getHeader(JwtConstants.JWT_ISSUER));
    }

    @Test
    void otherOrMissingIssuerIsRefusedAsIssuerMismatch() {
        String uri = HS + "&issuer=https://a.example,https://b.example";
        String other = hs256(validClaims("iss", "https://evil.example"));
        refused(sendToken(uri, other), JwtFailure.ISSUER_MISMATCH, other);
        String none = hs256(validClaims());
        refused(sendToken(uri, none), JwtFailure.ISSUER_MISMATCH, none);
        // an issuer that merely starts like an accepted one
        String prefix = hs256(validClaims("iss", "https://a.example.evil"));
        refused(sendToken(uri, prefix), JwtFailure.ISSUER_MISMATCH, prefix);
    }

    static Stream<Object> acceptedAudiences() {
        return Stream.of("web", List.of("web"), List.of("other", "api"), List.of("api", "web"));
    }

    @ParameterizedTest
    @MethodSource("acceptedAudiences")
    void audienceAsStringOrArrayContainingAnAcceptedOneIsAccepted(Object aud) {
        Exchange result = sendToken(HS + "&audience=api,web", hs256(validClaims("aud", aud)));
        accepted(result);
    }

    static Stream<Object> refusedAudiences() {
        return Stream.of("mobile", List.of(), List.of("mobile", "desktop"), "api,web", "API");
    }

    @ParameterizedTest
    @MethodSource("refusedAudiences")
    void audienceWithoutAnAcceptedOneIsRefusedAsAudienceMismatch(Object aud) {
        String token = hs256(validClaims("aud", aud));
        refused(sendToken(HS + "&audience=api,web", token), JwtFailure.AUDIENCE_MISMATCH, token);
    }

    @Test
    void missingAudienceIsRefusedAsAudienceMismatch() {
        String token = hs256(validClaims());
        refused(sendToken(HS + "&audience=api", token), JwtFailure.AUDIENCE_MISMATCH, token);
    }

    @Test
    void requiredClaimsMustAllBePresent() {
        String uri = HS + "&requiredClaims=email,tenant";
        accepted(sendToken(uri, hs256(validClaims("email", "a@example.com", "tenant", "acme"))));
        String token = hs256(validClaims("email", "a@example.com"));
        JwtValidationException e = refused(sendToken(uri, token), JwtFailure.CLAIM_MISSING, token);
        assertTrue(e.getMessage().contains("tenant"), e.getMessage());
    }

    static Stream<Arguments> exactClaims() {
        return Stream.of(
                Arguments.of("claim.tenant=acme", "tenant", "acme", null),
                Arguments.of("claim.tenant=acme", "tenant", "other", JwtFailure.CLAIM_MISMATCH),
                Arguments.of("claim.level=5", "level", 5, null),
                Arguments.of("claim.level=5", "level", 6, JwtFailure.CLAIM_MISMATCH),
                Arguments.of("claim.admin=true", "admin", true, null),
                Arguments.of("claim.admin=true", "admin", false, JwtFailure.CLAIM_MISMATCH),
                Arguments.of("claim.groups=ops", "groups", List.of("dev", "ops"), null),
                Arguments.of("claim.groups=ops", "groups", List.of("dev", "opsx"), JwtFailure.CLAIM_MISMATCH),
                Arguments.of("claim.groups=ops", "groups", List.of(), JwtFailure.CLAIM_MISMATCH),
                Arguments.of("claim.tenant=acme", "other", "acme", JwtFailure.CLAIM_MISSING));
    }

    @ParameterizedTest
    @MethodSource("exactClaims")
    void claimOptionRequiresEqualValueOrArrayMember(String option, String name, Object value, JwtFailure expected) {
        String token = hs256(validClaims(name, value));
        Exchange result = sendToken(HS + "&" + option, token);
        if (expected == null) {
            accepted(result);
        } else {
            refused(result, expected, token);
        }
    }

    // --- time ------------------------------------------------------------------------------------------------------

    static Stream<Arguments> timeClaims() {
        // clockSkew=30s; ten seconds inside it, a hundred outside, so no second boundary matters
        return Stream.of(
                Arguments.of("exp", -10, null),
                Arguments.of("exp", -100, JwtFailure.EXPIRED),
                Arguments.of("nbf", 10, null),
                Arguments.of("nbf", 100, JwtFailure.NOT_YET_VALID),
                Arguments.of("iat", 10, null),
                Arguments.of("iat", 100, JwtFailure.NOT_YET_VALID));
    }

    @ParameterizedTest
    @MethodSource("timeClaims")
    void clockSkewIsTheLeewayForExpNbfAndIat(String claim, long offset, JwtFailure expected) {
        String token = hs256(validClaims(claim, now() + offset));
        Exchange result = sendToken(HS + "&clockSkew=30s", token);
        if (expected == null) {
            accepted(result);
        } else {
            refused(result, expected, token);
        }
    }

    @Test
    void defaultClockSkewIsSixtySeconds() {
        accepted(sendToken(HS, hs256(validClaims("exp", now() - 30))));
        String token = hs256(validClaims("exp", now() - 120));
        refused(sendToken(HS, token), JwtFailure.EXPIRED, token);
    }

    @Test
    void expiredTokenBeyondClockSkewIsRefusedAsExpired() {
        String token = hs256(validClaims("exp", now() - 3600));
        JwtValidationException e = refused(sendToken(HS, token), JwtFailure.EXPIRED, token);
        assertEquals(401, e.httpStatus());
    }

    @Test
    void tokenWithoutExpIsRefusedUnlessRequireExpirationIsFalse() {
        String token = hs256(claims("sub", "alice", "iat", now()));
        refused(sendToken(HS, token), JwtFailure.CLAIM_MISSING, token);
        refused(sendToken(HS + "&requireExpiration=true", token), JwtFailure.CLAIM_MISSING, token);
        assertEquals("alice", accepted(sendToken(HS + "&requireExpiration=false", token))
                .getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void requireExpirationFalseStillRefusesAnExpiredToken() {
        String token = hs256(validClaims("exp", now() - 3600));
        refused(sendToken(HS + "&requireExpiration=false", token), JwtFailure.EXPIRED, token);
    }

    @Test
    void maxAgeRefusesTokensIssuedLongerAgoAsTooOld() {
        String uri = HS + "&maxAge=5m";
        accepted(sendToken(uri, hs256(validClaims("iat", now() - 60))));
        String old = hs256(validClaims("iat", now() - 3600));
        refused(sendToken(uri, old), JwtFailure.TOO_OLD, old);
        // without maxAge the same token is fine
        accepted(sendToken(HS, old));
    }

    @Test
    void maxAgeNeedsAnIat() {
        String token = hs256(claims("sub", "alice", "exp", now() + 300));
        refused(sendToken(HS + "&maxAge=5m", token), JwtFailure.CLAIM_MISSING, token);
    }

    // --- type ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "at+jwt", "application/at+jwt", "AT+JWT", "Application/At+Jwt" })
    void expectedTypeMatchesWithOrWithoutApplicationPrefixInAnyCase(String typ) {
        String token = hs256(claims("alg", "HS256", "typ", typ), validClaims());
        accepted(sendToken(HS + "&expectedType=RAW(at+jwt)", token));
        accepted(sendToken(HS + "&expectedType=application%2Fat%2Bjwt", token));
    }

    @Test
    void expectedTypeWrittenWithAPlainPlusInTheUriStillMeansPlus() {
        // a URI decodes + as a space, and a media type never holds a space
        String token = hs256(claims("alg", "HS256", "typ", "at+jwt"), validClaims());
        accepted(sendToken(HS + "&expectedType=at+jwt", token));
        String other = hs256(claims("alg", "HS256", "typ", "at jwt2"), validClaims());
        refused(sendToken(HS + "&expectedType=at+jwt", other), JwtFailure.TYPE_MISMATCH, other);
    }

    @ParameterizedTest
    @ValueSource(strings = { "JWT", "jwt", "at+jwt2", "application/jwt" })
    void otherTypeIsRefusedAsTypeMismatch(String typ) {
        String token = hs256(claims("alg", "HS256", "typ", typ), validClaims());
        refused(sendToken(HS + "&expectedType=at+jwt", token), JwtFailure.TYPE_MISMATCH, token);
    }

    @Test
    void missingTypeIsRefusedAsTypeMismatch() {
        String token = hs256(claims("alg", "HS256"), validClaims());
        refused(sendToken(HS + "&expectedType=at+jwt", token), JwtFailure.TYPE_MISMATCH, token);
    }

    // --- roles -----------------------------------------------------------------------------------------------------

    @Test
    void rolesAreReadFromTheRolesClaimByDefault() {
        Message message = accepted(sendToken(HS, hs256(validClaims("roles", List.of("admin", "ops")))));
        assertEquals(List.of("admin", "ops"), message.getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void rolesClaimAsDottedPathReachesIntoObjects() {
        String token = hs256(validClaims("realm_access", Map.of("roles", List.of("user", "admin")), "roles", List.of("x")));
        Message message = accepted(sendToken(HS + "&rolesClaim=realm_access.roles&requiredRoles=admin", token));
        assertEquals(List.of("user", "admin"), message.getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void rolesClaimAsSpaceSeparatedScopeIsSplit() {
        String uri = HS + "&rolesClaim=scope&requiredRoles=orders:write";
        Message message = accepted(sendToken(uri, hs256(validClaims("scope", "openid  orders:read orders:write"))));
        assertEquals(List.of("openid", "orders:read", "orders:write"), message.getHeader(JwtConstants.JWT_ROLES));
        String token = hs256(validClaims("scope", "openid orders:read"));
        refused(sendToken(uri, token), JwtFailure.INSUFFICIENT_ROLES, token);
    }

    static Stream<Arguments> roleMatches() {
        return Stream.of(
                Arguments.of("any", List.of("ops"), null),
                Arguments.of("any", List.of("admin", "ops"), null),
                Arguments.of("any", List.of("dev"), JwtFailure.INSUFFICIENT_ROLES),
                Arguments.of("any", List.of(), JwtFailure.INSUFFICIENT_ROLES),
                Arguments.of("all", List.of("ops", "dev", "admin"), null),
                Arguments.of("all", List.of("ops"), JwtFailure.INSUFFICIENT_ROLES),
                Arguments.of("ALL", List.of("admin"), JwtFailure.INSUFFICIENT_ROLES));
    }

    @ParameterizedTest
    @MethodSource("roleMatches")
    void requiredRolesWithRolesMatchAnyOrAll(String match, List<String> held, JwtFailure expected) {
        String token = hs256(validClaims("roles", held));
        Exchange result = sendToken(HS + "&requiredRoles=admin,ops&rolesMatch=" + match, token);
        if (expected == null) {
            accepted(result);
        } else {
            assertEquals(403, refused(result, expected, token).httpStatus());
        }
    }

    @Test
    void requiredRolesDefaultToAny() {
        accepted(sendToken(HS + "&requiredRoles=admin,ops", hs256(validClaims("roles", List.of("ops")))));
    }

    @Test
    void tokenWithoutRolesIsRefusedAsInsufficientRoles() {
        String token = hs256(validClaims());
        refused(sendToken(HS + "&requiredRoles=admin", token), JwtFailure.INSUFFICIENT_ROLES, token);
    }

    // --- maxTokenLength --------------------------------------------------------------------------------------------

    @Test
    void maxTokenLengthIsInclusiveAndIgnoresSurroundingWhitespace() {
        String token = hs256(validClaims());
        accepted(send(HS + "&maxTokenLength=" + token.length(), "   " + token + "   ", Map.of()));
        refused(sendToken(HS + "&maxTokenLength=" + (token.length() - 1), token), JwtFailure.TOO_LARGE, token);
    }

    @Test
    void defaultMaxTokenLengthIs16384Characters() {
        String filler = "x".repeat(12_000);
        String fits = hs256(validClaims("filler", filler));
        assertTrue(fits.length() <= 16384);
        accepted(sendToken(HS, fits));
        String tooLong = hs256(validClaims("filler", filler + "x".repeat(1_000)));
        assertTrue(tooLong.length() > 16384);
        refused(sendToken(HS, tooLong), JwtFailure.TOO_LARGE, tooLong);
    }

    // --- every failure, both modes ---------------------------------------------------------------------------------

    /** One way to make each failure this endpoint can report: the endpoint, then the token (null: none). */
    static Stream<Arguments> failures() {
        String kidJwk = "jwt:validate?jwks=RAW({\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"" + Tokens.b64(Tokens.SECRET) + "\"})";
        return Stream.of(
                Arguments.of(JwtFailure.TOKEN_MISSING, HS, null),
                Arguments.of(JwtFailure.MALFORMED, HS, "not-a-jwt"),
                Arguments.of(JwtFailure.TOO_LARGE, HS + "&maxTokenLength=64", hs256(validClaims())),
                Arguments.of(JwtFailure.ALGORITHM_NOT_ALLOWED, HS,
                        Tokens.sign(Tokens.json(Tokens.header("HS512")), Tokens.json(validClaims()), "HS512",
                                Tokens.HMAC_KEY)),
                Arguments.of(JwtFailure.KEY_NOT_FOUND, kidJwk, hs256(claims("alg", "HS256", "kid", "k2"), validClaims())),
                Arguments.of(JwtFailure.SIGNATURE_INVALID, HS,
                        Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(validClaims()), "HS256",
                                Tokens.OTHER_HMAC_KEY)),
                Arguments.of(JwtFailure.EXPIRED, HS, hs256(validClaims("exp", now() - 3600))),
                Arguments.of(JwtFailure.NOT_YET_VALID, HS, hs256(validClaims("nbf", now() + 3600))),
                Arguments.of(JwtFailure.TOO_OLD, HS + "&maxAge=1m", hs256(validClaims("iat", now() - 3600))),
                Arguments.of(JwtFailure.ISSUER_MISMATCH, HS + "&issuer=me", hs256(validClaims("iss", "you"))),
                Arguments.of(JwtFailure.AUDIENCE_MISMATCH, HS + "&audience=api", hs256(validClaims("aud", "web"))),
                Arguments.of(JwtFailure.TYPE_MISMATCH, HS + "&expectedType=at+jwt", hs256(validClaims())),
                Arguments.of(JwtFailure.CLAIM_MISSING, HS + "&requiredClaims=email", hs256(validClaims())),
                Arguments.of(JwtFailure.CLAIM_MISMATCH, HS + "&claim.tenant=acme", hs256(validClaims("tenant", "evil"))),
                Arguments.of(JwtFailure.INSUFFICIENT_ROLES, HS + "&requiredRoles=admin", hs256(validClaims("roles", "user"))));
    }

    @Test
    void failureCasesCoverEveryReasonValidateCanGiveWithStaticKeys() {
        Set<JwtFailure> covered = failures().map(a -> (JwtFailure) a.get()[0]).collect(Collectors.toSet());
        // REVOKED needs revocationRepository, DECRYPTION_FAILED an encrypted token, KEYS_UNAVAILABLE remote keys
        Set<JwtFailure> expected = EnumSet.complementOf(
                EnumSet.of(JwtFailure.REVOKED, JwtFailure.DECRYPTION_FAILED, JwtFailure.KEYS_UNAVAILABLE));
        assertEquals(expected, covered);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureRaisesJwtValidationExceptionThatOnExceptionCanRoute(JwtFailure reason, String uri, String token)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:guarded")
                        .onException(JwtValidationException.class).handled(true)
                            .process(e -> {
                                JwtValidationException caught
                                        = e.getProperty(Exchange.EXCEPTION_CAUGHT, JwtValidationException.class);
                                e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, caught.httpStatus());
                                e.getMessage().setHeader("reason", caught.getReason());
                                e.getMessage().setHeader("message", caught.getMessage());
                            })
                            .to("mock:refused")
                        .end()
                        .to(uri)
                        .to("mock:passed");
            }
        });
        MockEndpoint refusedMock = getMockEndpoint("mock:refused");
        refusedMock.expectedMessageCount(1);
        getMockEndpoint("mock:passed").expectedMessageCount(0);

        // the body is a token source too, so only a message without any body misses the token
        String body = token == null ? null : "the request body";
        template.send("direct:guarded", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token);
        });

        MockEndpoint.assertIsSatisfied(context);
        Message message = refusedMock.getReceivedExchanges().get(0).getMessage();
        assertEquals(reason, message.getHeader("reason"));
        assertEquals(reason.httpStatus(), message.getHeader(Exchange.HTTP_RESPONSE_CODE));
        String text = message.getHeader("message", String.class);
        assertTrue(text.startsWith(reason.name()), text);
        assertQuotesNoToken(text, token);
        assertEquals(body, message.getBody());
        assertNull(message.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(message.getHeader(JwtConstants.JWT_VERIFIED));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureRaisesJwtValidationExceptionWithItsReason(JwtFailure reason, String uri, String token) {
        Exchange result = sendToken(uri, token);
        JwtValidationException e = refused(result, reason, token);
        assertInstanceOf(CamelExchangeException.class, e);
        assertNotNull(e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureWithFailOnInvalidFalseSetsErrorHeadersAndGoesOn(JwtFailure reason, String uri, String token)
            throws Exception {
        MockEndpoint mock = getMockEndpoint(MOCK);
        mock.expectedMessageCount(1);
        Map<String, Object> headers = new HashMap<>();
        headers.put(JwtConstants.JWT_TOKEN, token);
        String body = token == null ? null : "the request body";
        Exchange result = send(uri + "&failOnInvalid=false", body, headers);
        mock.assertIsSatisfied();

        Message message = accepted(result);
        assertEquals(Boolean.FALSE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals(reason.name(), message.getHeader(JwtConstants.JWT_ERROR));
        String text = message.getHeader(JwtConstants.JWT_ERROR_MESSAGE, String.class);
        assertNotNull(text);
        assertFalse(text.isBlank());
        assertQuotesNoToken(text, token);
        assertEquals(body, message.getBody());
        for (String identity : List.of(JwtConstants.JWT_SUBJECT, JwtConstants.JWT_ISSUER, JwtConstants.JWT_ID,
                JwtConstants.JWT_AUDIENCE, JwtConstants.JWT_ROLES, JwtConstants.JWT_EXPIRES_AT,
                JwtConstants.JWT_CLAIMS, JwtConstants.JWT_HEADER, JwtConstants.JWT_VERIFIED)) {
            assertNull(message.getHeader(identity), identity + " is set for a refused token");
        }
    }

    @Test
    void validTokenWithFailOnInvalidFalseIsMarkedValidWithoutError() {
        Message message = accepted(sendToken(HS + "&failOnInvalid=false", hs256(validClaims())));
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VERIFIED));
        assertNull(message.getHeader(JwtConstants.JWT_ERROR));
        assertNull(message.getHeader(JwtConstants.JWT_ERROR_MESSAGE));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void failOnInvalidFalseSupportsContentBasedRouting() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cbr").to(HS + "&failOnInvalid=false")
                        .choice()
                            .when(header(JwtConstants.JWT_VALID).isEqualTo(true)).to("mock:good")
                            .otherwise().to("mock:bad");
            }
        });
        getMockEndpoint("mock:good").expectedHeaderReceived(JwtConstants.JWT_SUBJECT, "alice");
        getMockEndpoint("mock:bad").expectedHeaderReceived(JwtConstants.JWT_ERROR, "EXPIRED");
        template.sendBodyAndHeader("direct:cbr", null, JwtConstants.JWT_TOKEN, hs256(validClaims()));
        template.sendBodyAndHeader("direct:cbr", null, JwtConstants.JWT_TOKEN, hs256(validClaims("exp", now() - 3600)));
        MockEndpoint.assertIsSatisfied(context);
    }

    @ParameterizedTest
    @EnumSource(JwtFailure.class)
    void httpStatusIs401Except403ForRolesAnd503ForUnavailableKeys(JwtFailure failure) {
        int expected = switch (failure.name()) {
            case "INSUFFICIENT_ROLES" -> 403;
            case "KEYS_UNAVAILABLE" -> 503;
            default -> 401;
        };
        assertEquals(expected, failure.httpStatus());
        assertEquals(expected, new JwtValidationException(failure, "test", null).httpStatus());
    }

    @Test
    void failuresAreExactlyTheEighteenOfTheSpec() {
        assertEquals(List.of("TOKEN_MISSING", "MALFORMED", "TOO_LARGE", "ALGORITHM_NOT_ALLOWED", "KEY_NOT_FOUND",
                "SIGNATURE_INVALID", "DECRYPTION_FAILED", "EXPIRED", "NOT_YET_VALID", "TOO_OLD", "ISSUER_MISMATCH",
                "AUDIENCE_MISMATCH", "TYPE_MISMATCH", "CLAIM_MISSING", "CLAIM_MISMATCH", "INSUFFICIENT_ROLES", "REVOKED",
                "KEYS_UNAVAILABLE"), Arrays.stream(JwtFailure.values()).map(Enum::name).toList());
    }

    // --- result headers --------------------------------------------------------------------------------------------

    @Test
    void validTokenSetsEveryHeaderWithTheSpecsTypes() {
        long exp = now() + 300;
        String token = hs256(claims("sub", "alice", "iss", "https://idp.example", "jti", "id-1", "aud", List.of("api", "web"),
                "roles", List.of("admin"), "iat", now(), "exp", exp, "tenant", "acme"));
        Message message = accepted(sendToken(HS, token));

        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT, String.class));
        assertEquals("https://idp.example", message.getHeader(JwtConstants.JWT_ISSUER, String.class));
        assertEquals("id-1", message.getHeader(JwtConstants.JWT_ID, String.class));
        assertEquals(List.of("api", "web"), assertInstanceOf(List.class, message.getHeader(JwtConstants.JWT_AUDIENCE)));
        assertEquals(List.of("admin"), assertInstanceOf(List.class, message.getHeader(JwtConstants.JWT_ROLES)));
        assertEquals(Instant.ofEpochSecond(exp),
                assertInstanceOf(Instant.class, message.getHeader(JwtConstants.JWT_EXPIRES_AT)));
        Map<?, ?> claims = assertInstanceOf(Map.class, message.getHeader(JwtConstants.JWT_CLAIMS));
        assertEquals("acme", claims.get("tenant"));
        assertEquals("alice", claims.get("sub"));
        Map<?, ?> header = assertInstanceOf(Map.class, message.getHeader(JwtConstants.JWT_HEADER));
        assertEquals("HS256", header.get("alg"));
        assertEquals("JWT", header.get("typ"));
        assertEquals(Boolean.TRUE, assertInstanceOf(Boolean.class, message.getHeader(JwtConstants.JWT_VERIFIED)));
    }

    @Test
    void singleAudienceAndSingleRoleStringsBecomeOneElementLists() {
        Message message = accepted(sendToken(HS, hs256(validClaims("aud", "api", "roles", "admin"))));
        assertEquals(List.of("api"), message.getHeader(JwtConstants.JWT_AUDIENCE));
        assertEquals(List.of("admin"), message.getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void forgedUpstreamIdentityHeadersDoNotSurviveAFailedValidation() {
        Map<String, Object> forged = new HashMap<>();
        forged.put(JwtConstants.JWT_TOKEN, hs256(validClaims("exp", now() - 3600)));
        forged.put(JwtConstants.JWT_SUBJECT, "admin");
        forged.put(JwtConstants.JWT_ROLES, List.of("admin"));
        forged.put(JwtConstants.JWT_VERIFIED, true);
        forged.put(JwtConstants.JWT_VALID, true);
        forged.put(JwtConstants.JWT_CLAIMS, Map.of("sub", "admin"));

        Message lenient = accepted(send(HS + "&failOnInvalid=false", null, forged));
        assertEquals(Boolean.FALSE, lenient.getHeader(JwtConstants.JWT_VALID));
        assertNull(lenient.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(lenient.getHeader(JwtConstants.JWT_ROLES));
        assertNull(lenient.getHeader(JwtConstants.JWT_VERIFIED));
        assertNull(lenient.getHeader(JwtConstants.JWT_CLAIMS));

        Exchange strict = send(HS, null, forged);
        refused(strict, JwtFailure.EXPIRED, null);
        assertNull(strict.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(strict.getMessage().getHeader(JwtConstants.JWT_VERIFIED));
    }

    @Test
    void forgedResultHeadersInAnyCaseDoNotSurviveWhenTheTokenComesInAuthorization() {
        Map<String, Object> forged = new HashMap<>();
        forged.put("Authorization", "Bearer " + hs256(validClaims("exp", now() - 3600)));
        forged.put("cameljwtsubject", "admin");
        forged.put("CAMELJWTVERIFIED", true);
        forged.put("CamelJwtRefreshNeeded", false);
        forged.put("X-Other", "kept");

        Message lenient = accepted(send(HS + "&failOnInvalid=false", null, forged));
        assertEquals(Boolean.FALSE, lenient.getHeader(JwtConstants.JWT_VALID));
        assertNull(lenient.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(lenient.getHeader(JwtConstants.JWT_VERIFIED));
        assertNull(lenient.getHeader(JwtConstants.JWT_REFRESH_NEEDED));
        assertEquals("kept", lenient.getHeader("X-Other"));
    }

    @Test
    void forgedUpstreamHeadersAreReplacedByTheTokensOwn() {
        Message message = accepted(send(HS, null, Map.of(JwtConstants.JWT_TOKEN, hs256(validClaims()),
                JwtConstants.JWT_SUBJECT, "admin", JwtConstants.JWT_ROLES, List.of("admin"))));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(message.getHeader(JwtConstants.JWT_ROLES));
    }

    @Test
    void rsaKeyMadeAtTestTimeValidatesRs256() {
        String uri = "jwt:validate?publicKey=RAW(" + Tokens.pemOneLine(Tokens.rsa().getPublicKey()) + ")";
        Message message = accepted(sendToken(uri, Tokens.rs256(validClaims())));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("RS256", ((Map<?, ?>) message.getHeader(JwtConstants.JWT_HEADER)).get("alg"));
    }
}
