package io.cameljwt.internal.revocation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.cameljwt.JwtRevocationMemoryStore;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One purge of expired entries, on a clock the test sets: what goes and what stays (the token's exp and the clock
 * skew), from the in-memory store and from camel-sql's JDBC repository on H2; which stores are purged; a purge that
 * fails. The Hazelcast purge is in {@code RevocationHazelcastTest}, the scheduled purge in the route tests.
 */
class ExpiredEntryPurgeTest {

    private static final long NOW = 1_767_225_600L;
    private static final long SKEW = 60_000L;

    private final AtomicLong clock = new AtomicLong(NOW * 1000 + 999);

    private static String key(long exp) {
        return String.format("%013d", exp) + ":jti:" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void memoryStoreLosesOnlyTheEntriesOfTokensExpiredBeyondTheClockSkew() {
        JwtRevocationMemoryStore store = new JwtRevocationMemoryStore();
        String expiredLongAgo = key(NOW - 3600);
        String expiredBeyondSkew = key(NOW - 61);
        String withinSkew = key(NOW - 59);
        String live = key(NOW + 900);
        String noExp = "9999999999999:jws:abc";
        List.of(expiredLongAgo, expiredBeyondSkew, withinSkew, live, noExp).forEach(store::add);

        purge(store).purge();

        assertFalse(store.contains(expiredLongAgo));
        assertFalse(store.contains(expiredBeyondSkew));
        assertTrue(store.contains(withinSkew));
        assertTrue(store.contains(live));
        assertTrue(store.contains(noExp));
        assertEquals(3, store.size());
    }

    @Test
    void entryGoesOnceTheClockPassesItsExpPlusTheClockSkew() {
        JwtRevocationMemoryStore store = new JwtRevocationMemoryStore();
        String entry = key(NOW);
        store.add(entry);
        ExpiredEntryPurge purge = purge(store);

        clock.set((NOW + 60) * 1000); // the token is refused as expired from now on: kept one second more
        purge.purge();
        assertTrue(store.contains(entry));

        clock.set((NOW + 61) * 1000);
        purge.purge();
        assertFalse(store.contains(entry));
    }

    @Test
    void jdbcRepositoryLosesOnlyItsOwnRowsOfExpiredTokens() throws Exception {
        String url = "jdbc:h2:mem:purge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        JdbcMessageIdRepository revoked = new JdbcMessageIdRepository(h2, "jwt-revoked");
        JdbcMessageIdRepository other = new JdbcMessageIdRepository(h2, "orders-consumer");
        revoked.start(); // creates CAMEL_MESSAGEPROCESSED
        other.start();
        try {
            String expired = key(NOW - 3600);
            String live = key(NOW + 900);
            revoked.add(expired);
            revoked.add(live);
            other.add(key(NOW - 3600)); // another processor's row that sorts low: not ours to delete

            ExpiredEntryPurge purge = new ExpiredEntryPurge(ExpiredEntryPurge.storeOf(revoked), "JdbcMessageIdRepository",
                    SKEW, clock::get);
            purge.purge();

            assertFalse(revoked.contains(expired));
            assertTrue(revoked.contains(live));
            assertEquals(List.of("jwt-revoked " + live, "orders-consumer"), rows(url));
        } finally {
            revoked.stop();
            other.stop();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void jdbcPurgeUsesTheRepositorysTableName() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:purge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcMessageIdRepository revoked = new JdbcMessageIdRepository(h2, "jwt-revoked");
        revoked.setTableName("JWT_REVOKED");
        revoked.start();
        try {
            String expired = key(NOW - 3600);
            revoked.add(expired);

            ExpiredEntryPurge.storeOf(revoked).removeBefore(RevocationList.firstLiveKey(NOW, 60));

            assertFalse(revoked.contains(expired));
        } finally {
            revoked.stop();
        }
    }

    @Test
    void storesThisComponentCannotPurgeGetNoPurge() {
        assertNull(ExpiredEntryPurge.storeOf(new MemoryIdempotentRepository()));
        assertNull(ExpiredEntryPurge.start(new MemoryIdempotentRepository(), 1000, SKEW, null, this));
        assertNull(ExpiredEntryPurge.start(new JwtRevocationMemoryStore(), 0, SKEW, null, this),
                "revocationPurgeInterval=0 purges nothing");
        assertInstanceOf(JdbcPurge.class, ExpiredEntryPurge.storeOf(new JdbcMessageIdRepository()));
    }

    @Test
    void purgeThatFailsIsLoggedAndRaisesNothing() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        String loggerName = ExpiredEntryPurge.class.getName();
        AbstractAppender appender = new AbstractAppender("purge-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN) && event.getLoggerName().equals(loggerName)) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(loggerName);
        logger.addAppender(appender, Level.WARN, null);
        logging.updateLoggers();
        try {
            ExpiredEntryPurge purge = new ExpiredEntryPurge(key -> {
                throw new IllegalStateException("Connection refused");
            }, "JdbcMessageIdRepository", SKEW, clock::get);

            purge.purge();

            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("Purging the entries of expired tokens from the revocationRepository"
                                                  + " (JdbcMessageIdRepository) failed"), warnings.get(0));
            assertTrue(warnings.get(0).endsWith("java.lang.IllegalStateException: Connection refused"), warnings.get(0));
        } finally {
            logger.removeAppender(appender.getName());
            logging.updateLoggers();
            appender.stop();
        }
    }

    private ExpiredEntryPurge purge(JwtRevocationMemoryStore store) {
        return new ExpiredEntryPurge(ExpiredEntryPurge.storeOf(store), "JwtRevocationMemoryStore", SKEW, clock::get);
    }

    private static List<String> rows(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT processorName, messageId FROM CAMEL_MESSAGEPROCESSED"
                                          + " ORDER BY processorName")) {
            while (r.next()) {
                rows.add(r.getString(1).equals("jwt-revoked") ? r.getString(1) + " " + r.getString(2) : r.getString(1));
            }
        }
        return rows;
    }
}
