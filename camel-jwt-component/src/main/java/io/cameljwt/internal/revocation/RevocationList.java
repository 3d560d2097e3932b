package io.cameljwt.internal.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.JwtRevocationUnavailableException;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The revoked tokens, kept in the {@code revocationRepository}: the id of a token, and the two calls made with it
 * (validate asks, revoke adds). Only tokens whose signature and claims were checked get here, so a forged token
 * costs no lookup and can never be stored. A repository that fails refuses the token: revocation fails closed, with
 * a {@link JwtRevocationUnavailableException}.
 */
public final class RevocationList {

    private final IdempotentRepository repository;

    private RevocationList(IdempotentRepository repository) {
        this.repository = repository;
    }

    /**
     * The list in {@code repository}, started, or null without one. Like Camel's file component does with its
     * idempotentRepository, the repository becomes a service of the CamelContext, which stops it when it stops; it is
     * never stopped here, since other endpoints may share it and Camel's in-memory repository forgets everything
     * when it stops.
     */
    public static RevocationList start(IdempotentRepository repository, CamelContext context) {
        if (repository == null) {
            return null;
        }
        try {
            if (!context.hasService(repository)) {
                context.addService(repository, true);
            }
            ServiceHelper.startService(repository);
        } catch (Exception e) {
            throw new IllegalStateException("Option 'revocationRepository': the repository did not start", e);
        }
        return new RevocationList(repository);
    }

    /** validate: refuses a token whose id is in the repository. */
    public void refuseRevoked(Token token, Message message)
            throws TokenRefusal, JwtRevocationUnavailableException {
        boolean revoked;
        try {
            revoked = repository.contains(message.getExchange(), id(token));
        } catch (RuntimeException e) {
            throw failed("could not be read, so the token is refused", message, e);
        }
        if (revoked) {
            throw new TokenRefusal(JwtFailure.REVOKED, "the token has been revoked");
        }
    }

    /** revoke: adds the token's id to the repository; a token revoked already stays so, without an error. */
    public void revoke(Token token, Message message) throws TokenRefusal, JwtRevocationUnavailableException {
        String id = id(token);
        try {
            repository.add(message.getExchange(), id);
        } catch (RuntimeException e) {
            // two nodes revoking one token at once: a unique key may refuse the second insert, yet the id is there
            if (!containsAfterFailure(message, id)) {
                throw failed("could not be written, so the token is not revoked", message, e);
            }
        }
        message.setHeader(JwtConstants.JWT_REVOKED, true);
    }

    private boolean containsAfterFailure(Message message, String id) {
        try {
            return repository.contains(message.getExchange(), id);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JwtRevocationUnavailableException failed(String what, Message message, RuntimeException cause) {
        return new JwtRevocationUnavailableException(
                "The revocationRepository (" + cause.getClass().getSimpleName() + ") " + what, message.getExchange(), cause);
    }

    /**
     * The key of a token in the repository, of fixed length (47 characters) whatever the token, so it fits any store
     * (Camel's JDBC table holds 100), and holds no part of the token. A token with a {@code jti} (and an {@code iss}
     * that is a string or absent) is keyed by its issuer and id, so two issuers' ids cannot collide: {@code "jti:"} and
     * the SHA-256 of {@code iss}, a NUL character and {@code jti}. Any other token is keyed by what its signature signs:
     * {@code "jws:"} and the SHA-256 of {@code header.payload} as the token has them; the signature is left out, so a
     * second signature of the same content (ECDSA signatures are not unique) is revoked with the first. Both hashes are
     * in unpadded Base64url.
     */
    static String id(Token token) throws TokenRefusal {
        return id(token.encodedHeader() + "." + token.encodedPayload(), token.claims());
    }

    /** @param signingInput the encoded header and payload with the dot between, as the token has them */
    static String id(String signingInput, Map<String, Object> claims) {
        Object jti = claims.get("jti");
        Object iss = claims.get("iss");
        if (jti instanceof String id && !id.isEmpty() && (iss == null || iss instanceof String)) {
            return "jti:" + sha256((iss == null ? "" : (String) iss) + '\0' + id);
        }
        return "jws:" + sha256(signingInput);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every Java platform has it
        }
    }
}
