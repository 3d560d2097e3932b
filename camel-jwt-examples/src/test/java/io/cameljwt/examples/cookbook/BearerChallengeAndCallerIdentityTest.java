package io.cameljwt.examples.cookbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.examples.cookbook.enrich.CallerIdentity;
import io.cameljwt.examples.cookbook.restauth.BearerChallenge;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The two helpers of the HTTP API cookbook on their own: {@link BearerChallenge}'s challenges and
 * {@link CallerIdentity}, which only a verified token's headers can build.
 */
class BearerChallengeAndCallerIdentityTest {

    @Test
    void withoutARealmTheChallengeHasOnlyTheErrorCode() {
        BearerChallenge challenge = new BearerChallenge();

        assertEquals("Bearer", challenge.challenge(JwtFailure.TOKEN_MISSING));
        assertEquals("Bearer error=\"invalid_token\"", challenge.challenge(JwtFailure.MALFORMED));
        assertEquals("Bearer error=\"insufficient_scope\"", challenge.challenge(JwtFailure.INSUFFICIENT_ROLES));
    }

    @Test
    void keysUnavailableGetsNoChallenge() {
        assertNull(new BearerChallenge("orders").challenge(JwtFailure.KEYS_UNAVAILABLE));
    }

    @Test
    void aRealmThatWouldBreakTheHeaderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BearerChallenge("orders\", error=\"none"));
        assertThrows(IllegalArgumentException.class, () -> new BearerChallenge("orders\\"));
        assertEquals("Bearer", new BearerChallenge(" ").challenge(JwtFailure.TOKEN_MISSING));
    }

    @Test
    void callerIdentityIsBuiltOnlyAfterAVerifiedToken() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader(JwtConstants.JWT_SUBJECT, "alice");
        message.setHeader(JwtConstants.JWT_CLAIMS, Map.of("sub", "alice", "tenant", "acme"));

        assertThrows(IllegalStateException.class, () -> CallerIdentity.from(message));

        message.setHeader(JwtConstants.JWT_VERIFIED, false);
        assertThrows(IllegalStateException.class, () -> CallerIdentity.from(message));

        message.setHeader(JwtConstants.JWT_VERIFIED, true);
        message.setHeader(JwtConstants.JWT_ROLES, List.of("buyer"));
        message.setHeader(JwtConstants.JWT_EXPIRES_AT, Instant.ofEpochSecond(1_900_000_000L));
        assertEquals(new CallerIdentity("alice", null, "acme", List.of("buyer"), Instant.ofEpochSecond(1_900_000_000L)),
                CallerIdentity.from(message));
    }
}
