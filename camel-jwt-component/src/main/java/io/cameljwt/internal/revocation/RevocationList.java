package io.cameljwt.internal.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.JwtRevocationUnavailableException;
import io.cameljwt.internal.token.ClaimValues;
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
 * a {@link JwtRevocationUnavailableException}. A store known to forget entries before their token expires is refused;
 * a revoke endpoint purges the entries of expired tokens from a store it knows how to purge ({@link ExpiredEntryPurge}).
 */
public final class RevocationList implements AutoCloseable {

    /** Digits of the {@code exp} in front of a key: NumericDates up to the year 318857. */
    private static final int EXP_DIGITS = 13;
    /** The {@code exp} written for a token without one: its entry sorts after every other and is never purged. */
    private static final long NEVER = 9_999_999_999_999L;

    /**
     * Camel's stores that may forget a revoked token before it expires, by class name (some are in artifacts this
     * component does not depend on), and why.
     */
    private static final Map<String, String> FORGETFUL_STORES = new LinkedHashMap<>();

    static {
        String lru = "drops its oldest entries once it holds cacheSize of them";
        FORGETFUL_STORES.put("org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository", lru);
        FORGETFUL_STORES.put("org.apache.camel.support.processor.idempotent.FileIdempotentRepository", lru);
        FORGETFUL_STORES.put("org.apache.camel.processor.idempotent.jdbc.JdbcCachedMessageIdRepository",
                "answers from a copy of the table loaded at start, blind to what other nodes revoke afterwards");
        FORGETFUL_STORES.put("org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository",
                "learns other nodes' entries late, into a cache that drops its oldest entries once full");
    }

    private final IdempotentRepository repository;
    /** The purge of expired entries a revoke endpoint runs, or null. */
    private ExpiredEntryPurge purge;

    private RevocationList(IdempotentRepository repository) {
        this.repository = repository;
    }

    /**
     * The list in {@code repository}, started, or null without one; a store that forgets is refused. Like Camel's
     * file component does with its idempotentRepository, the repository becomes a service of the CamelContext, which
     * stops it when it stops; it is never stopped here, since other endpoints may share it and a store may forget
     * everything when it stops.
     */
    public static RevocationList start(IdempotentRepository repository, CamelContext context) {
        if (repository == null) {
            return null;
        }
        refuseForgetfulStore(repository);
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

    /** Refuses, naming the option, a store that may forget a revoked token before the token expires. */
    private static void refuseForgetfulStore(IdempotentRepository repository) {
        Class<?> type = StoreClasses.firstNamed(repository, FORGETFUL_STORES.keySet());
        if (type != null) {
            throw new IllegalArgumentException("Option 'revocationRepository': Camel's " + type.getSimpleName() + " "
                                               + FORGETFUL_STORES.get(type.getName())
                                               + ", so a revoked token could be accepted again. Use"
                                               + " io.cameljwt.JwtRevocationMemoryStore in one JVM, or a shared store"
                                               + " such as JdbcMessageIdRepository or HazelcastIdempotentRepository");
        }
    }

    /**
     * revoke: removes the entries of expired tokens every {@code interval} milliseconds, from a store that can be
     * purged, until {@link #close()}. An entry goes once its token is refused as expired anyway: after its {@code exp}
     * and {@code clockSkew}.
     */
    public void purgeExpiredEntries(long interval, long clockSkew, CamelContext context, Object owner) {
        purge = ExpiredEntryPurge.start(repository, interval, clockSkew, context, owner);
    }

    /** Stops the purge; the repository itself is left running (see {@link #start}). */
    @Override
    public void close() {
        if (purge != null) {
            purge.close();
            purge = null;
        }
    }

    /** validate: refuses a token whose key is in the repository. */
    public void refuseRevoked(Token token, Message message)
            throws TokenRefusal, JwtRevocationUnavailableException {
        String key = key(token);
        boolean revoked;
        try {
            revoked = repository.contains(message.getExchange(), key);
        } catch (RuntimeException e) {
            throw failed("could not be read, so the token is refused", message, e);
        }
        if (revoked) {
            throw new TokenRefusal(JwtFailure.REVOKED, "the token has been revoked");
        }
    }

    /** revoke: adds the token's key to the repository; a token revoked already stays so, without an error. */
    public void revoke(Token token, Message message) throws TokenRefusal, JwtRevocationUnavailableException {
        String key = key(token);
        try {
            repository.add(message.getExchange(), key);
        } catch (RuntimeException e) {
            // two nodes revoking one token at once: a unique key may refuse the second insert, yet the key is there
            if (!containsAfterFailure(message, key)) {
                throw failed("could not be written, so the token is not revoked", message, e);
            }
        }
        message.setHeader(JwtConstants.JWT_REVOKED, true);
    }

    private boolean containsAfterFailure(Message message, String key) {
        try {
            return repository.contains(message.getExchange(), key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JwtRevocationUnavailableException failed(String what, Message message, RuntimeException cause) {
        return new JwtRevocationUnavailableException(
                "The revocationRepository (" + cause.getClass().getSimpleName() + ") " + what, message.getExchange(), cause);
    }

    /**
     * The key of a token in the repository: its {@code exp}, a colon and its {@link #id}; 61 characters whatever the
     * token, so it fits any store (Camel's JDBC table holds 100), and no part of the token. The {@code exp} is the
     * signed claim, in seconds, zero-padded to 13 digits, so keys sort by expiry and the entries of expired tokens are
     * those below {@link #firstLiveKey}; a token without {@code exp} gets 9999999999999 and its entry is never purged.
     */
    static String key(Token token) throws TokenRefusal {
        return key(token.encodedHeader() + "." + token.encodedPayload(), token.claims());
    }

    /** @param signingInput the encoded header and payload with the dot between, as the token has them */
    static String key(String signingInput, Map<String, Object> claims) {
        Long exp = ClaimValues.numericDate(claims.get("exp"));
        return expiry(exp == null ? NEVER : exp) + ":" + id(signingInput, claims);
    }

    /**
     * The least key a token still accepted at {@code nowSeconds} can have, with {@code clockSkewSeconds} of leeway:
     * validate accepts a token until {@code exp + clockSkew}, so every key below this one is of a token it refuses as
     * expired.
     */
    static String firstLiveKey(long nowSeconds, long clockSkewSeconds) {
        return expiry(nowSeconds - clockSkewSeconds);
    }

    private static String expiry(long seconds) {
        return String.format("%0" + EXP_DIGITS + "d", Math.max(0, Math.min(seconds, NEVER)));
    }

    /**
     * The id of a token, of fixed length (47 characters) whatever the token, holding no part of it. A token with a {@code jti} (and an {@code iss}
     * that is a string or absent) is keyed by its issuer and id, so two issuers' ids cannot collide: {@code "jti:"} and
     * the SHA-256 of {@code iss}, a NUL character and {@code jti}. Any other token is keyed by what its signature signs:
     * {@code "jws:"} and the SHA-256 of {@code header.payload} as the token has them; the signature is left out, so a
     * second signature of the same content (ECDSA signatures are not unique) is revoked with the first. Both hashes are
     * in unpadded Base64url.
     */
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
