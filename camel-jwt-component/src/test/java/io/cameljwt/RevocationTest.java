package io.cameljwt;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcCachedMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.jose4j.keys.AesKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jwt:revoke} and the revocation check of {@code jwt:validate} through real routes, with
 * {@link JwtRevocationMemoryStore}: what gets revoked and how it is keyed, what can never be revoked, the headers, that
 * nothing is forgotten before it expires, the purge of expired entries, a repository that fails, the repository's
 * lifecycle, and the configuration errors (Camel's stores that forget are refused).
 */
class RevocationTest extends JwtRouteTestSupport {

    private static final String KEY = "secret=" + Tokens.SECRET;
    private static final String REVOKE = "jwt:revoke?" + KEY + "&revocationRepository=#revoked";
    private static final String VALIDATE = "jwt:validate?" + KEY + "&revocationRepository=#revoked";

    /** The in-memory store, counting the calls the component makes; not started: the component starts it. */
    static final class CountingRepository extends JwtRevocationMemoryStore {
        final AtomicInteger lookups = new AtomicInteger();
        final List<String> added = new CopyOnWriteArrayList<>();

        @Override
        public boolean contains(String key) {
            lookups.incrementAndGet();
            return super.contains(key);
        }

        @Override
        public boolean add(String key) {
            added.add(key);
            return super.add(key);
        }
    }

    /** A repository whose store is down: every call fails, or only adds when {@code addsFailButLand}. */
    static final class BrokenRepository extends ServiceSupport implements IdempotentRepository {
        final List<String> landed = new ArrayList<>();
        private final boolean addsFailButLand;

        BrokenRepository(boolean addsFailButLand) {
            this.addsFailButLand = addsFailButLand;
        }

        @Override
        public boolean add(String key) {
            if (addsFailButLand) {
                landed.add(key); // another node inserted it a moment ago: the unique key refuses this insert
                throw new IllegalStateException("duplicate key");
            }
            throw new IllegalStateException("connection refused");
        }

        @Override
        public boolean contains(String key) {
            if (addsFailButLand) {
                return landed.contains(key);
            }
            throw new IllegalStateException("connection refused");
        }

        @Override
        public boolean remove(String key) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
            throw new IllegalStateException("connection refused");
        }
    }

    /** A repository whose writes fail without landing, while it still answers reads: the key is not there. */
    static final class LossyRepository extends JwtRevocationMemoryStore {
        @Override
        public boolean add(String key) {
            throw new IllegalStateException("disk full");
        }
    }

    /** A repository that cannot start, as a JDBC one whose table is missing. */
    static final class UnstartableRepository extends JwtRevocationMemoryStore {
        @Override
        protected void doStart() {
            throw new IllegalStateException("Table CAMEL_MESSAGEPROCESSED not found");
        }
    }

    private final CountingRepository revoked = new CountingRepository();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("revoked", revoked);
        registry.bind("broken", new BrokenRepository(false));
        registry.bind("racing", new BrokenRepository(true));
        registry.bind("lossy", new LossyRepository());
        registry.bind("notARepository", "just text");
        registry.bind("unstartable", new UnstartableRepository());
    }

    private Exchange revoke(String token) {
        return sendToken(REVOKE, token);
    }

    private Exchange validate(String token) {
        return sendToken(VALIDATE, token);
    }

    // --- revoke, then validate ----------------------------------------------------------------------------------------

    @Test
    void revokedTokenIsRefusedAsRevokedWhileOtherTokensStillPass() {
        String token = hs256(validClaims("jti", "token-1"));
        String other = hs256(validClaims("jti", "token-2"));
        accepted(validate(token));

        accepted(revoke(token));

        assertEquals("REVOKED: the token has been revoked",
                refused(validate(token), JwtFailure.REVOKED, token).getMessage());
        accepted(validate(other));
    }

    @Test
    void revokeWritesTheValidateHeadersAndCamelJwtRevokedAndLeavesTheBody() {
        String token = hs256(validClaims("jti", "token-1", "iss", "https://login.example.com"));
        Exchange result = send(REVOKE, "logout request", Map.of("Authorization", "Bearer " + token));

        Message message = accepted(result);
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_REVOKED));
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VERIFIED));
        assertEquals("token-1", message.getHeader(JwtConstants.JWT_ID));
        assertEquals("alice", message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals("logout request", message.getBody());
    }

    @Test
    void revokingATokenTwiceIsNoErrorAndStoresOneEntry() {
        String token = hs256(validClaims("jti", "token-1"));
        accepted(revoke(token));
        Message again = accepted(revoke(token));

        assertEquals(Boolean.TRUE, again.getHeader(JwtConstants.JWT_REVOKED));
        assertEquals(1, revoked.size());
        refused(validate(token), JwtFailure.REVOKED, token);
    }

    @Test
    void tokenWithoutJtiIsRevokedByTheHashOfItsSigningInputNeverTheTokenItself() {
        String token = hs256(validClaims());
        String sameClaimsButIat = hs256(validClaims("iat", now() - 1));
        accepted(revoke(token));

        refused(validate(token), JwtFailure.REVOKED, token);
        accepted(validate(sameClaimsButIat));
        String key = revoked.added.get(0);
        assertTrue(key.matches("\\d{13}:jws:[A-Za-z0-9_-]{43}"), key);
        for (String part : Tokens.parts(token)) {
            assertFalse(key.contains(part), "the key holds a part of the token");
        }
    }

    @Test
    void secondSignatureOfTheSameContentIsRevokedWithTheFirst() {
        // ECDSA signs the same content differently each time: the key leaves the signature out
        String uri = "jwt:revoke?publicKey=RAW(" + Tokens.pemOneLine(Tokens.ec().getPublicKey())
                     + ")&revocationRepository=#revoked";
        String header = Tokens.json(Tokens.header("ES256"));
        String payload = Tokens.json(validClaims());
        String first = Tokens.sign(header, payload, "ES256", Tokens.ec().getPrivateKey());
        String second = Tokens.sign(header, payload, "ES256", Tokens.ec().getPrivateKey());
        assertNotEquals(Tokens.signaturePart(first), Tokens.signaturePart(second));

        accepted(sendToken(uri, first));

        refused(sendToken(uri.replace("jwt:revoke", "jwt:validate"), second), JwtFailure.REVOKED, second);
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void tokenRevokedInOneFormIsRefusedInEveryOtherEncryptedOrNot(boolean withJti) {
        // the entry is keyed by the signed token inside, so neither unwrapping nor a fresh encryption escapes it
        String decrypt = "&" + EncryptionTest.secret("decryptionKey", EncryptionTest.SECRET_32);
        String signed = withJti ? hs256(validClaims("jti", "token-1")) : hs256(validClaims());
        String encrypted = encryptedCopy(signed);
        String encryptedAgain = encryptedCopy(signed);
        assertNotEquals(encrypted, encryptedAgain);

        accepted(sendToken(REVOKE + decrypt, encrypted));

        refused(sendToken(VALIDATE + decrypt, signed), JwtFailure.REVOKED, signed);
        refused(sendToken(VALIDATE + decrypt, encrypted), JwtFailure.REVOKED, encrypted);
        refused(sendToken(VALIDATE + decrypt, encryptedAgain), JwtFailure.REVOKED, encryptedAgain);

        String other = withJti ? hs256(validClaims("jti", "token-2")) : hs256(validClaims("iat", now() - 1));
        accepted(revoke(other)); // and the other way round: revoked plain, refused encrypted
        String otherEncrypted = encryptedCopy(other);
        refused(sendToken(VALIDATE + decrypt, otherEncrypted), JwtFailure.REVOKED, otherEncrypted);
    }

    private static String encryptedCopy(String signed) {
        return EncryptionTest.encrypt(signed, "A256KW", "A256GCM", new AesKey(EncryptionTest.SECRET_32),
                jwe -> jwe.setContentTypeHeaderValue("JWT"));
    }

    @Test
    void sameJtiFromAnotherIssuerIsNotRevoked() {
        String issuers = "&issuer=https://a.example,https://b.example";
        String fromA = hs256(validClaims("iss", "https://a.example", "jti", "42"));
        String fromB = hs256(validClaims("iss", "https://b.example", "jti", "42"));
        accepted(sendToken(REVOKE + issuers, fromA));

        refused(sendToken(VALIDATE + issuers, fromA), JwtFailure.REVOKED, fromA);
        accepted(sendToken(VALIDATE + issuers, fromB));
    }

    @Test
    void entryIsKeyedByTheTokensExpSoThatItCanBePurgedOnceTheTokenExpired() {
        long exp = now() + 600;
        String token = hs256(validClaims("jti", "token-1", "exp", exp));

        accepted(revoke(token));

        assertTrue(revoked.added.get(0).startsWith(String.format("%013d:jti:", exp)), revoked.added.get(0));
    }

    // --- nothing is forgotten before it expires (issue 9, reproduction 2) -------------------------------------------

    @Test
    void revokedTokenStaysRefusedAfterElevenHundredOtherRevocations() {
        String stolen = hs256(validClaims("jti", "stolen"));
        accepted(revoke(stolen));

        for (int i = 0; i < 1100; i++) {
            accepted(revoke(hs256(validClaims("jti", "logout-" + i))));
        }

        refused(validate(stolen), JwtFailure.REVOKED, stolen);
        assertEquals(1101, revoked.size());
    }

    @Test
    void camelsRepositoriesThatForgetEntriesAreRefusedAtStartNamingTheOptionAndWhatToUseInstead() {
        context.getRegistry().bind("memory", MemoryIdempotentRepository.memoryIdempotentRepository(100_000));
        context.getRegistry().bind("file", FileIdempotentRepository.fileIdempotentRepository(
                new File("target/revoked-" + UUID.randomUUID() + ".dat")));
        context.getRegistry().bind("memorySubclass", new MemoryIdempotentRepository() {
        });
        for (String repository : List.of("memory", "file", "memorySubclass")) {
            for (String operation : List.of("revoke", "validate")) {
                Exception e = startFailure("jwt:" + operation + "?" + KEY + "&revocationRepository=#" + repository);

                String why = repository.equals("file") ? "Camel's FileIdempotentRepository" : "Camel's MemoryIdempotentRepository";
                assertTrue(messages(e).contains("Option 'revocationRepository': " + why
                                                + " drops its oldest entries once it holds cacheSize of them, so a revoked"
                                                + " token could be accepted again. Use io.cameljwt.JwtRevocationMemoryStore"
                                                + " in one JVM"), messages(e));
            }
        }
    }

    @Test
    void camelsCachedJdbcRepositoryIsRefusedSinceItDoesNotSeeWhatOtherNodesRevoke() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:cached-" + UUID.randomUUID());
        context.getRegistry().bind("cached", new JdbcCachedMessageIdRepository(h2, "jwt-revoked"));

        Exception e = startFailure("jwt:validate?" + KEY + "&revocationRepository=#cached");

        assertTrue(messages(e).contains("Option 'revocationRepository': Camel's JdbcCachedMessageIdRepository answers"
                                        + " from a copy of the table loaded at start, blind to what other nodes revoke"
                                        + " afterwards"), messages(e));
    }

    // --- the purge of expired entries ---------------------------------------------------------------------------------

    @Test
    void revokeEndpointPurgesEntriesOfExpiredTokensAndKeepsTheOthers() throws Exception {
        String expiredLongAgo = "0000000000001:jti:revoked-in-1970";
        revoked.add(expiredLongAgo);
        String token = hs256(validClaims("jti", "token-1"));

        accepted(sendToken(REVOKE + "&revocationPurgeInterval=1s", token));

        waitUntil(() -> !revoked.contains(expiredLongAgo), "the expired entry is purged");
        assertEquals(1, revoked.size());
        refused(validate(token), JwtFailure.REVOKED, token);
    }

    @Test
    void entryOfARevokedTokenLeavesOnceTheTokenExpiredAndTheTokenIsThenRefusedAsExpired() throws Exception {
        String noSkew = "&clockSkew=0";
        String revoke = REVOKE + noSkew + "&revocationPurgeInterval=1s";
        String longLived = hs256(validClaims("jti", "long-lived"));
        accepted(sendToken(revoke, longLived));
        // made once the route has served a first message, so it is still valid when it reaches it
        String token = hs256(validClaims("jti", "short-lived", "exp", now() + 3));
        accepted(sendToken(revoke, token));
        assertEquals(2, revoked.size());

        waitUntil(() -> revoked.size() == 1, "the entry is purged once the token expired");

        refused(sendToken(VALIDATE + noSkew, token), JwtFailure.EXPIRED, token);
        refused(sendToken(VALIDATE + noSkew, longLived), JwtFailure.REVOKED, longLived);
    }

    @Test
    void purgeStopsWithTheRevokeRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:revoke").routeId("revoke").to(REVOKE + "&revocationPurgeInterval=1s");
            }
        });
        assertTrue(purgeThreads() > 0, "a revoke endpoint runs a purge");

        context.getRouteController().stopRoute("revoke");

        waitUntil(() -> purgeThreads() == 0, "the purge thread ends with the route");
    }

    @Test
    void validateEndpointsAndRevocationPurgeIntervalZeroRunNoPurge() throws Exception {
        routeTo(VALIDATE + "&revocationPurgeInterval=1s");
        routeTo(REVOKE + "&revocationPurgeInterval=0");

        assertEquals(0, purgeThreads());
    }

    @Test
    void negativeRevocationPurgeIntervalIsRefusedNamingTheOption() {
        Exception e = startFailure(REVOKE + "&revocationPurgeInterval=-1");

        assertTrue(messages(e).contains("Option 'revocationPurgeInterval' must not be negative"), messages(e));
    }

    /** The purge threads of this test's CamelContext, which Camel names "Camel (name) thread #n - JwtRevocationPurge". */
    private long purgeThreads() {
        String context = "(" + this.context.getName() + ")";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(context) && t.getName().endsWith("JwtRevocationPurge"))
                .count();
    }

    /** Polls for what a background purge does, with a generous bound for a busy machine. */
    static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, "timed out: " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void validateWithoutRevocationRepositoryDoesNotLookAtRevocation() {
        String token = hs256(validClaims("jti", "token-1"));
        accepted(revoke(token));

        accepted(sendToken("jwt:validate?" + KEY, token));
    }

    @Test
    void revocationRepositoryOnTheComponentServesEveryValidateEndpoint() {
        context.getComponent("jwt", JwtComponent.class).getConfiguration().setRevocationRepository(revoked);
        String token = hs256(validClaims("jti", "token-1"));
        accepted(sendToken("jwt:revoke?" + KEY, token));

        refused(sendToken("jwt:validate?" + KEY, token), JwtFailure.REVOKED, token);
    }

    // --- what can never be revoked ------------------------------------------------------------------------------------

    @Test
    void forgedTokensCanNeitherBeRevokedNorCostALookup() {
        for (int i = 0; i < 50; i++) {
            String forged = Tokens.sign(Tokens.json(Tokens.header("HS256")), Tokens.json(validClaims("jti", "f-" + i)),
                    "HS256", Tokens.OTHER_HMAC_KEY);
            refused(revoke(forged), JwtFailure.SIGNATURE_INVALID, forged);
            refused(validate(forged), JwtFailure.SIGNATURE_INVALID, forged);
        }
        assertEquals(0, revoked.size());
        assertEquals(List.of(), revoked.added);
        assertEquals(0, revoked.lookups.get(), "revocation is checked after the signature");
    }

    @Test
    void expiredTokenIsNotRevoked() {
        String expired = hs256(validClaims("jti", "old", "exp", now() - 3600));

        refused(revoke(expired), JwtFailure.EXPIRED, expired);

        assertEquals(0, revoked.size());
    }

    @Test
    void revokeChecksTheEndpointsClaimsPolicyFirst() {
        String forOtherService = hs256(validClaims("jti", "t", "aud", "billing"));

        refused(sendToken(REVOKE + "&audience=orders", forOtherService), JwtFailure.AUDIENCE_MISMATCH, forOtherService);

        assertEquals(0, revoked.size());
    }

    @Test
    void revokeWithoutTokenIsTokenMissing() {
        refused(revoke(null), JwtFailure.TOKEN_MISSING, null);
    }

    // --- failOnInvalid=false ------------------------------------------------------------------------------------------

    @Test
    void revokeWithFailOnInvalidFalseRevokesNothingAndSaysWhy() {
        String expired = hs256(validClaims("jti", "old", "exp", now() - 3600));
        Map<String, Object> headers = new HashMap<>();
        headers.put(JwtConstants.JWT_TOKEN, expired);
        headers.put(JwtConstants.JWT_REVOKED, true); // forged by the caller: removed

        Message message = accepted(send(REVOKE + "&failOnInvalid=false", "body", headers));

        assertEquals(Boolean.FALSE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals("EXPIRED", message.getHeader(JwtConstants.JWT_ERROR));
        assertNull(message.getHeader(JwtConstants.JWT_REVOKED));
        assertNull(message.getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(0, revoked.size());
    }

    @Test
    void revokeWithFailOnInvalidFalseRevokesAValidToken() {
        String token = hs256(validClaims("jti", "token-1"));

        Message message = accepted(sendToken(REVOKE + "&failOnInvalid=false", token));

        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_REVOKED));
        refused(validate(token), JwtFailure.REVOKED, token);
    }

    @Test
    void validateWithFailOnInvalidFalseReportsRevokedWithoutIdentityHeaders() {
        String token = hs256(validClaims("jti", "token-1"));
        accepted(revoke(token));

        Message message = accepted(sendToken(VALIDATE + "&failOnInvalid=false", token));

        assertEquals(Boolean.FALSE, message.getHeader(JwtConstants.JWT_VALID));
        assertEquals("REVOKED", message.getHeader(JwtConstants.JWT_ERROR));
        assertEquals("the token has been revoked", message.getHeader(JwtConstants.JWT_ERROR_MESSAGE));
        assertNull(message.getHeader(JwtConstants.JWT_SUBJECT));
        assertNull(message.getHeader(JwtConstants.JWT_CLAIMS));
        assertNull(message.getHeader(JwtConstants.JWT_VERIFIED));
    }

    // --- a repository that fails --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "", "&failOnInvalid=false" })
    void validateRefusesEveryTokenWhenTheRepositoryFailsWithJwtRevocationUnavailableException(String mode) {
        String token = hs256(validClaims("jti", "token-1"));

        Exchange result = sendToken("jwt:validate?" + KEY + "&revocationRepository=#broken" + mode, token);

        JwtRevocationUnavailableException e =
                assertInstanceOf(JwtRevocationUnavailableException.class, result.getException());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(503, e.httpStatus());
        assertEquals("The revocationRepository (IllegalStateException) could not be read, so the token is refused",
                e.getMessage());
        assertQuotesNoToken(e.getMessage(), token);
        assertNull(result.getMessage().getHeader(JwtConstants.JWT_VALID));
        assertNull(result.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void revokeFailsWhenTheRepositoryCannotBeWritten() {
        String token = hs256(validClaims("jti", "token-1"));

        Exchange result = sendToken("jwt:revoke?" + KEY + "&revocationRepository=#broken", token);

        JwtRevocationUnavailableException e =
                assertInstanceOf(JwtRevocationUnavailableException.class, result.getException());
        assertEquals("The revocationRepository (IllegalStateException) could not be written, so the token is not revoked",
                e.getMessage());
        assertNull(result.getMessage().getHeader(JwtConstants.JWT_REVOKED));
    }

    @Test
    void revokeFailsWhenTheWriteFailsAndTheRepositoryThenAnswersThatTheIdIsNotThere() {
        String token = hs256(validClaims("jti", "token-1"));

        Exchange result = sendToken("jwt:revoke?" + KEY + "&revocationRepository=#lossy", token);

        JwtRevocationUnavailableException e =
                assertInstanceOf(JwtRevocationUnavailableException.class, result.getException());
        assertEquals("The revocationRepository (IllegalStateException) could not be written, so the token is not revoked",
                e.getMessage());
        assertNull(result.getMessage().getHeader(JwtConstants.JWT_REVOKED));
    }

    @Test
    void revokeSucceedsWhenTheWriteFailsBecauseAnotherNodeStoredTheSameIdFirst() {
        String token = hs256(validClaims("jti", "token-1"));

        Message message = accepted(sendToken("jwt:revoke?" + KEY + "&revocationRepository=#racing", token));

        assertEquals(Boolean.TRUE, message.getHeader(JwtConstants.JWT_REVOKED));
    }

    // --- the repository's lifecycle -----------------------------------------------------------------------------------

    @Test
    void repositoryIsStartedByTheRouteAndSurvivesTheRouteStopping() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:revoke").routeId("revoke").to(REVOKE);
                from("direct:validate").routeId("validate").to(VALIDATE);
            }
        });
        assertTrue(revoked.isStarted());
        assertTrue(context.hasService(revoked), "the CamelContext stops it when it stops");
        String token = hs256(validClaims("jti", "token-1"));
        template.sendBodyAndHeader("direct:revoke", null, JwtConstants.JWT_TOKEN, token);

        context.getRouteController().stopRoute("revoke");
        context.getRouteController().stopRoute("validate");
        context.getRouteController().startRoute("validate");

        assertTrue(revoked.isStarted());
        Exchange result = template.request("direct:validate", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));
        refused(result, JwtFailure.REVOKED, token);
    }

    // --- configuration errors -----------------------------------------------------------------------------------------

    @Test
    void revokeWithoutRevocationRepositoryDoesNotStartAndNamesTheOption() {
        Exception e = startFailure("jwt:revoke?" + KEY);

        assertTrue(messages(e).contains("Option 'revocationRepository' is required by jwt:revoke"), messages(e));
        assertFalse(messages(e).contains(Tokens.SECRET), "a message shows the secret");
    }

    @Test
    void revokeWithoutKeysDoesNotStartAndNamesTheKeyOption() {
        Exception e = startFailure("jwt:revoke?revocationRepository=#revoked");

        assertTrue(messages(e).contains("'publicKey'"), messages(e));
    }

    @Test
    void revocationRepositoryThatIsNoBeanOrNoRepositoryIsRefusedNamingTheOption() {
        for (String reference : List.of("#noSuchBean", "#notARepository")) {
            Exception e = startFailure("jwt:validate?" + KEY + "&revocationRepository=" + reference);
            assertTrue(messages(e).contains("revocationRepository"), messages(e));
        }
    }

    @Test
    void repositoryThatCannotStartStopsTheRouteFromStartingNamingTheOption() {
        Exception e = startFailure("jwt:validate?" + KEY + "&revocationRepository=#unstartable");

        assertTrue(messages(e).contains("Option 'revocationRepository': the repository did not start"), messages(e));
        assertTrue(messages(e).contains("Table CAMEL_MESSAGEPROCESSED not found"), messages(e));
    }

    /** Why a route to this endpoint does not start. */
    private Exception startFailure(String uri) {
        return assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        }));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void revokeIsAnOperationOfTheUri() {
        assertSame(JwtOperation.revoke, context.getEndpoint(REVOKE, JwtEndpoint.class).getOperation());
    }
}
