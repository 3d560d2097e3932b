package io.cameljwt.examples.cookbook.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cameljwt.JwtConstants;
import org.apache.camel.Message;

/**
 * Who sent a message, as a checked token says: what downstream routes and beans need of it, typed, without the
 * token. Built from the headers {@code jwt:validate} wrote, so only from a token that passed every check.
 *
 * @param subject   {@code sub}
 * @param issuer    {@code iss}
 * @param tenant    the custom {@code tenant} claim
 * @param roles     the roles at {@code rolesClaim} (empty when the token has none)
 * @param expiresAt {@code exp}
 */
public record CallerIdentity(String subject, String issuer, String tenant, List<String> roles, Instant expiresAt) {

    /** Reads the identity from the headers of {@code jwt:validate}; call it right after the validate step. */
    public static CallerIdentity from(Message message) {
        if (!Boolean.TRUE.equals(message.getHeader(JwtConstants.JWT_VERIFIED, Boolean.class))) {
            throw new IllegalStateException("no verified token on the message: CallerIdentity follows jwt:validate");
        }
        Map<?, ?> claims = message.getHeader(JwtConstants.JWT_CLAIMS, Map.class);
        List<?> roles = message.getHeader(JwtConstants.JWT_ROLES, List.class);
        return new CallerIdentity(
                message.getHeader(JwtConstants.JWT_SUBJECT, String.class),
                message.getHeader(JwtConstants.JWT_ISSUER, String.class),
                claims.get("tenant") instanceof String tenant ? tenant : null,
                roles == null ? List.of() : roles.stream().map(String::valueOf).toList(),
                message.getHeader(JwtConstants.JWT_EXPIRES_AT, Instant.class));
    }
}
