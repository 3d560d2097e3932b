package io.cameljwt.internal.settings;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Where revoked tokens are kept, and how revoke purges the entries of expired ones.
 *
 * @param repository          {@code revocationRepository}, or null
 * @param purgeIntervalMillis {@code revocationPurgeInterval} (0: never)
 * @param clockSkewMillis     {@code clockSkew}: an entry is purged once its token is past {@code exp} plus this
 */
public record RevocationSettings(IdempotentRepository repository, long purgeIntervalMillis, long clockSkewMillis) {
}
