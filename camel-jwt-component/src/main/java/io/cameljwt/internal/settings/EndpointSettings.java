package io.cameljwt.internal.settings;

/**
 * An endpoint's options, resolved once when its first producer starts into one small value per concern, so that each
 * part of the operation sees only its own (the audience check never sees the keys). Built by the endpoint from its
 * configuration; nothing in {@code io.cameljwt.internal} reads the configuration itself.
 *
 * @param tokenCacheSize {@code tokenCacheSize}: how many verified tokens validate and revoke keep (0: none)
 */
public record EndpointSettings(KeySettings keys, RemoteKeySettings remoteKeys, PolicySettings policy, JweSettings jwe,
                               OutputSettings output, IssueSettings issue, RevocationSettings revocation,
                               int tokenCacheSize) {
}
