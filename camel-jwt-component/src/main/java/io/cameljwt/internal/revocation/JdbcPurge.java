package io.cameljwt.internal.revocation;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The purge of camel-sql's {@code JdbcMessageIdRepository}: one delete of this repository's rows (its
 * {@code processorName}) whose {@code messageId} sorts below the first live key, in its table (default
 * {@code CAMEL_MESSAGEPROCESSED}), with the columns of Camel's default schema.
 */
final class JdbcPurge implements ExpiredEntryPurge.Store {

    /** Camel's table, unless the repository names another (its {@code tableName}). */
    private static final String DEFAULT_TABLE = "CAMEL_MESSAGEPROCESSED";

    private final JdbcMessageIdRepository repository;

    /** @param repository a {@code JdbcMessageIdRepository}: the caller checked, without loading camel-sql's classes */
    JdbcPurge(IdempotentRepository repository) {
        this.repository = (JdbcMessageIdRepository) repository;
    }

    @Override
    public void removeBefore(String key) {
        String table = repository.getTableName() == null ? DEFAULT_TABLE : repository.getTableName();
        repository.getJdbcTemplate().update("DELETE FROM " + table + " WHERE processorName = ? AND messageId < ?",
                repository.getProcessorName(), key);
    }
}
