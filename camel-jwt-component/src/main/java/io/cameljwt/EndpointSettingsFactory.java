package io.cameljwt;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cameljwt.internal.settings.EndpointSettings;
import io.cameljwt.internal.settings.IssueSettings;
import io.cameljwt.internal.settings.JweSettings;
import io.cameljwt.internal.settings.KeySettings;
import io.cameljwt.internal.settings.KeyStoreSettings;
import io.cameljwt.internal.settings.OptionValues;
import io.cameljwt.internal.settings.OutputSettings;
import io.cameljwt.internal.settings.PolicySettings;
import io.cameljwt.internal.settings.RemoteKeySettings;
import io.cameljwt.internal.settings.RevocationSettings;

/**
 * Turns an endpoint's {@link JwtConfiguration} into the per-concern {@link EndpointSettings} its operation is built
 * from. The only place that reads the configuration for the internals, so they depend on the settings values only.
 * The values are taken as they are: each is checked, naming its option, by the part that uses it.
 */
final class EndpointSettingsFactory {

    /** The options of validate's local keys, as {@link #dropInherited} tells them from remote ones. */
    private static final Set<String> LOCAL_KEY_OPTIONS = Set.of("secret", "privateKey", "publicKey", "keyStore", "jwks");

    private EndpointSettingsFactory() {
    }

    /**
     * @param config     a snapshot of the endpoint's configuration, its values checked ({@code checkValues})
     * @param uriOptions the names of the options the endpoint's URI set (the others came from the component)
     */
    static EndpointSettings create(JwtOperation operation, JwtConfiguration config, Set<String> uriOptions) {
        Inherited drop = operation == JwtOperation.validate || operation == JwtOperation.revoke
                ? dropInherited(uriOptions) : Inherited.KEEP_ALL;
        boolean local = drop != Inherited.DROP_LOCAL;
        boolean remote = drop != Inherited.DROP_REMOTE;
        KeyStoreSettings keyStore = new KeyStoreSettings(local ? config.getKeyStore() : null,
                config.getKeyStorePassword(), config.getKeyAlias(), config.getKeyPassword());
        KeySettings keys = new KeySettings(config.getAlgorithm(), local ? config.getSecret() : null,
                config.getSecretEncoding(), local ? config.getPrivateKey() : null, local ? config.getPublicKey() : null,
                keyStore, local ? config.getJwks() : null, config.getKeyId());
        RemoteKeySettings remoteKeys = new RemoteKeySettings(remote ? config.getJwksUri() : null,
                remote ? config.getIssuerUri() : null, OptionValues.commaList(config.getIssuer()), config.getAlgorithm(),
                config.getJwksCacheTtl(), config.getJwksMaxStale(), config.getJwksRefreshInterval(),
                config.getJwksTimeout(), config.getSslContextParameters());
        return new EndpointSettings(keys, remoteKeys, policy(config, remoteKeys.issuerUri()), jwe(config, keyStore),
                output(config), issue(config),
                new RevocationSettings(config.getRevocationRepository(), config.getRevocationPurgeInterval(),
                        config.getClockSkew()),
                config.getTokenCacheSize());
    }

    /** Which of the component's key options an endpoint of validate or revoke leaves out. */
    private enum Inherited {
        KEEP_ALL,
        DROP_LOCAL,
        DROP_REMOTE
    }

    /**
     * Where validate's keys come from is chosen per endpoint: a URI that names local keys but no remote ones ignores
     * remote keys set on the component, and a URI that names remote keys but no local ones ignores local keys set on
     * the component. So the component can hold the keys of most endpoints while one endpoint checks the tokens of an
     * identity provider. Both kinds on one level (the URI, or the component) stay a configuration error.
     */
    private static Inherited dropInherited(Set<String> uriOptions) {
        boolean uriLocal = uriOptions.stream().anyMatch(LOCAL_KEY_OPTIONS::contains);
        boolean uriRemote = uriOptions.contains("jwksUri") || uriOptions.contains("issuerUri");
        if (uriRemote && !uriLocal) {
            return Inherited.DROP_LOCAL;
        }
        return uriLocal && !uriRemote ? Inherited.DROP_REMOTE : Inherited.KEEP_ALL;
    }

    /**
     * @param issuerUri the endpoint's {@code issuerUri} (after {@link #dropInherited}): without {@code issuer}, its
     *                  issuers are the accepted ones (an OpenID provider's tokens carry its issuer identifier, which its
     *                  discovery URL starts with)
     */
    private static PolicySettings policy(JwtConfiguration config, String issuerUri) {
        Set<String> issuers = commaSet(config.getIssuer());
        Map<String, String> claims = new LinkedHashMap<>();
        config.getClaims().forEach((name, value) -> claims.put(name, String.valueOf(value)));
        String expectedType = config.getExpectedType();
        return new PolicySettings(config.getClockSkew() / 1000, config.isRequireExpiration(), config.getMaxAge() / 1000,
                issuers.isEmpty() ? commaSet(issuerUri) : issuers, commaSet(config.getAudience()),
                expectedType == null || expectedType.isBlank() ? null : expectedType,
                commaSet(config.getRequiredClaims()), claims, config.getRolesClaim(), commaSet(config.getRequiredRoles()),
                // rolesMatch is any or all: JwtConfiguration.checkValues() refused anything else
                "all".equalsIgnoreCase(config.getRolesMatch()));
    }

    private static JweSettings jwe(JwtConfiguration config, KeyStoreSettings keyStore) {
        return new JweSettings(config.getEncryptionKey(), config.getDecryptionKey(), config.getKeyManagementAlgorithm(),
                config.getContentEncryptionAlgorithm(), config.isRequireEncryption(), config.isAllowCompression(),
                config.getMaxPbes2Count(), config.getMaxTokenLength(), keyStore);
    }

    private static OutputSettings output(JwtConfiguration config) {
        // outputFormat is map or json: JwtConfiguration.checkValues() refused anything else
        return new OutputSettings(config.getTokenHeader(), config.getMaxTokenLength(), config.getRolesClaim(),
                config.getRefreshBefore(), config.isFailOnInvalid(), "json".equalsIgnoreCase(config.getOutputFormat()),
                config.getOutputHeader());
    }

    private static IssueSettings issue(JwtConfiguration config) {
        List<String> audiences = OptionValues.commaList(config.getAudience());
        return new IssueSettings(config.getIssuer(), config.getSubject(), audiences, config.getExpiresIn(),
                config.isAllowNoExpiry(), config.getNotBefore(), config.isIssuedAt(), config.isJwtId(),
                config.getClaims(), config.getType(), config.getJoseHeaders(), config.getReuseUntil());
    }

    private static Set<String> commaSet(String value) {
        return new LinkedHashSet<>(OptionValues.commaList(value));
    }
}
