package io.cameljwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of the jwt component. An endpoint gets a copy of the component's configuration, then its URI options.
 */
@UriParams
public class JwtConfiguration implements Cloneable {

    /** The floor of {@code jwksRefreshInterval}, in milliseconds. */
    private static final long MIN_JWKS_REFRESH_INTERVAL = 1000;
    private static final long DEFAULT_JWKS_MAX_STALE = 12 * 60 * 60 * 1000L;

    // --- keys and algorithms ---------------------------------------------------------------------------------------

    @UriParam(label = "security",
              description = "generate: the JWS algorithm. validate: a comma list of accepted algorithms."
                            + " Default: what fits the key (HMAC secret: HS256, RSA: RS256, EC: by curve, Ed25519: EdDSA)."
                            + " `none` is never accepted.")
    private String algorithm;
    @UriParam(label = "security", secret = true,
              description = "The HMAC secret. Must be at least as long as the hash (32 bytes for HS256).")
    private String secret;
    @UriParam(label = "security", defaultValue = "utf8", enums = "utf8,base64,base64url,hex",
              description = "How `secret` is written.")
    private String secretEncoding = "utf8";
    @UriParam(label = "security", secret = true,
              description = "A PEM private key (PKCS#8, PKCS#1 or SEC1), as text (one line accepted) or as a resource"
                            + " (`classpath:`, `file:`, `ref:`). Signs tokens in generate.")
    private String privateKey;
    @UriParam(label = "security",
              description = "A PEM public key or X.509 certificate, as text (one line accepted) or as a resource"
                            + " (`classpath:`, `file:`, `ref:`). Verifies tokens in validate.")
    private String publicKey;
    @UriParam(label = "security",
              description = "A PKCS#12 or JKS key store: a resource (`classpath:`, `file:`, `ref:`) or a Camel"
                            + " `KeyStoreParameters` bean (`#name`).")
    private Object keyStore;
    @UriParam(label = "security", secret = true, description = "The password of `keyStore`.")
    private String keyStorePassword;
    @UriParam(label = "security",
              description = "The key store entry to use. generate: the private key entry (required when the store"
                            + " holds several). validate: the certificate of this entry only (default: every entry).")
    private String keyAlias;
    @UriParam(label = "security", secret = true,
              description = "The password of the private key entry (default: `keyStorePassword`).")
    private String keyPassword;
    @UriParam(label = "security", secret = true,
              description = "A JWK or JWK Set, as JSON text or as a resource (`classpath:`, `file:`, `ref:`). Keys are"
                            + " chosen by `kid`, then by `alg`, `kty` and `use`.")
    private String jwks;
    @UriParam(label = "security",
              description = "generate: the `kid` header, and which key of `jwks` (by `kid`) or `keyStore` (by alias)"
                            + " signs. jwks: the `kid` published for that key.")
    private String keyId;

    // --- remote keys (validate) -----------------------------------------------------------------------------------

    @UriParam(label = "security",
              description = "validate: a remote JWK Set (HTTPS; plain HTTP only to a loopback address), fetched and"
                            + " cached (see `jwksCacheTtl`, `jwksRefreshInterval`, `jwksTimeout`).")
    private String jwksUri;
    @UriParam(label = "security",
              description = "validate: an OpenID Connect issuer, or a comma list of them. Its"
                            + " `/.well-known/openid-configuration` names the JWK Set, and the token's `iss` must equal"
                            + " it (unless `issuer` says otherwise). With several, the token's `iss` picks the issuer.")
    private String issuerUri;
    @UriParam(label = "security", defaultValue = "10m", javaType = "java.time.Duration",
              description = "How long fetched keys are used before they are fetched again.")
    private long jwksCacheTtl = 10 * 60 * 1000L;
    @UriParam(label = "security", defaultValue = "12h", javaType = "java.time.Duration",
              description = "How long fetched keys may go on serving while fetching them again fails, counted from the"
                            + " last fetch that succeeded; then, once a refetch has failed, they are dropped, tokens are"
                            + " refused as KEYS_UNAVAILABLE and the health check reports DOWN. At least `jwksCacheTtl`;"
                            + " when not set, 12h or `jwksCacheTtl` if that is longer.")
    private long jwksMaxStale = DEFAULT_JWKS_MAX_STALE;
    /** Whether jwksMaxStale was set: if not, it follows a jwksCacheTtl longer than its default. */
    private boolean jwksMaxStaleSet;
    @UriParam(label = "security", defaultValue = "30s", javaType = "java.time.Duration",
              description = "The least time between two fetches of one JWK Set: a token with an unknown `kid`, or a"
                            + " failed fetch, triggers a new fetch only once this has passed since the last one."
                            + " At least 1s.")
    private long jwksRefreshInterval = 30 * 1000L;
    @UriParam(label = "security", defaultValue = "5s", javaType = "java.time.Duration",
              description = "The longest a message waits for keys being fetched; also one deadline for each whole"
                            + " fetch (with `issuerUri` the discovery document and the JWK Set together; host lookups,"
                            + " connecting, status, headers and body, redirects included).")
    private long jwksTimeout = 5 * 1000L;
    @UriParam(label = "security",
              description = "TLS settings (a trust store for a private CA) for fetching remote keys.")
    private SSLContextParameters sslContextParameters;

    // --- claims written by generate --------------------------------------------------------------------------------

    @UriParam(label = "common",
              description = "generate: the `iss` claim. validate: a comma list of accepted `iss` values.")
    private String issuer;
    @UriParam(label = "generate", description = "The `sub` claim.")
    private String subject;
    @UriParam(label = "common",
              description = "generate: the `aud` claim (a comma list). validate: a comma list; the token's `aud` must"
                            + " contain at least one.")
    private String audience;
    @UriParam(label = "generate", defaultValue = "15m", javaType = "java.time.Duration",
              description = "How long tokens live (`exp` = now + this). 0 writes no `exp`, which needs `allowNoExpiry=true`.")
    private long expiresIn = 15 * 60 * 1000L;
    @UriParam(label = "generate", defaultValue = "false",
              description = "Allow `expiresIn=0`, which issues tokens that never expire.")
    private boolean allowNoExpiry;
    @UriParam(label = "generate", defaultValue = "0", javaType = "java.time.Duration",
              description = "Write `nbf` = now + this offset. 0 writes no `nbf`.")
    private long notBefore;
    @UriParam(label = "generate", defaultValue = "true", description = "Write `iat` (now).")
    private boolean issuedAt = true;
    @UriParam(label = "generate", defaultValue = "true", description = "Write a random `jti`.")
    private boolean jwtId = true;
    @UriParam(label = "common", prefix = "claim.", multiValue = true,
              description = "`claim.NAME=VALUE`. generate: a fixed claim (a string). validate: the claim must equal"
                            + " VALUE, or, where it is an array, contain it.")
    private Map<String, Object> claims = new LinkedHashMap<>();
    @UriParam(label = "generate", defaultValue = "JWT", description = "The `typ` header.")
    private String type = "JWT";
    @UriParam(label = "generate", prefix = "header.", multiValue = true,
              description = "`header.NAME=VALUE`: extra JOSE header parameters.")
    private Map<String, Object> joseHeaders = new LinkedHashMap<>();
    @UriParam(label = "generate",
              description = "Write the token into this header instead of the body (with `Bearer ` in front when the"
                            + " header is `Authorization`); the body is left as it was.")
    private String outputHeader;

    // --- checks made by validate -----------------------------------------------------------------------------------

    @UriParam(label = "validate,decode", defaultValue = "Authorization",
              description = "The header to read the token from when `CamelJwtToken` is absent; a leading `Bearer ` is removed.")
    private String tokenHeader = "Authorization";
    @UriParam(label = "validate", description = "A comma list of claim names that must be present.")
    private String requiredClaims;
    @UriParam(label = "validate", defaultValue = "60s", javaType = "java.time.Duration",
              description = "Leeway for `exp`, `nbf` and `iat`.")
    private long clockSkew = 60_000L;
    @UriParam(label = "validate", defaultValue = "true", description = "Refuse tokens without `exp`.")
    private boolean requireExpiration = true;
    @UriParam(label = "validate", defaultValue = "0", javaType = "java.time.Duration",
              description = "`iat` must be no older than this (0: no limit).")
    private long maxAge;
    @UriParam(label = "validate", description = "The `typ` header must equal this (e.g. `at+jwt`).")
    private String expectedType;
    @UriParam(label = "validate", defaultValue = "roles",
              description = "Where roles are: a claim name or a dotted path (`realm_access.roles`); a space-separated"
                            + " string (such as `scope`) is split.")
    private String rolesClaim = "roles";
    @UriParam(label = "validate", description = "A comma list of roles the token must hold (see `rolesMatch`).")
    private String requiredRoles;
    @UriParam(label = "validate", defaultValue = "any", enums = "any,all",
              description = "Whether `any` or `all` of `requiredRoles` must be held.")
    private String rolesMatch = "any";
    @UriParam(label = "validate", defaultValue = "true",
              description = "true: an invalid token raises `JwtValidationException`. false: the exchange goes on with"
                            + " `CamelJwtValid=false` and `CamelJwtError` set.")
    private boolean failOnInvalid = true;
    @UriParam(label = "validate,decode", defaultValue = "16384",
              description = "Tokens longer than this many characters are refused before any parsing.")
    private int maxTokenLength = 16384;
    @UriParam(label = "validate,revoke", defaultValue = "1000",
              description = "validate, revoke: how many verified tokens the endpoint keeps, so that a token seen again"
                            + " skips its parse and signature check (time, claims and revocation are still checked on"
                            + " every message). Tokens over 8192 characters are not kept. 0 turns the cache off.")
    private int tokenCacheSize = 1000;

    // --- revocation ------------------------------------------------------------------------------------------------

    @UriParam(label = "validate,revoke",
              description = "A Camel `IdempotentRepository` (`#name`) holding the ids of revoked tokens. validate: a"
                            + " token whose id it holds is refused (`REVOKED`), checked after every other check."
                            + " revoke: required; the token's id is added to it. `io.cameljwt.JwtRevocationMemoryStore`"
                            + " serves one JVM; Camel's JDBC, Hazelcast, Redis or Infinispan repositories serve a"
                            + " cluster. Camel's memory and file repositories, which forget entries, are refused.")
    private IdempotentRepository revocationRepository;
    @UriParam(label = "revoke", defaultValue = "15m", javaType = "java.time.Duration",
              description = "revoke: how often the entries of expired tokens (past `exp` + `clockSkew`) are removed from"
                            + " `revocationRepository`, when it is a `JwtRevocationMemoryStore`, a"
                            + " `JdbcMessageIdRepository` or a `HazelcastIdempotentRepository`. 0: never.")
    private long revocationPurgeInterval = 15 * 60 * 1000L;

    // --- lifecycle: refresh hints and token reuse -----------------------------------------------------------------

    @UriParam(label = "validate,decode", defaultValue = "0", javaType = "java.time.Duration",
              description = "Set header `CamelJwtRefreshNeeded`: true when the token expires within this (its `exp` is"
                            + " at most this far from now), false otherwise or without `exp`. 0: the header is not set.")
    private long refreshBefore;
    @UriParam(label = "generate", defaultValue = "0", javaType = "java.time.Duration",
              description = "Reuse the last token made for the same claims while it has more than this left to live,"
                            + " instead of signing a new one per message. Must be shorter than `expiresIn`."
                            + " 0: a new token per message.")
    private long reuseUntil;

    // --- encryption (JWE) ------------------------------------------------------------------------------------------

    @UriParam(label = "security", secret = true,
              description = "generate: sign the token, then encrypt it to this key (a nested JWT, `cty: JWT`). The"
                            + " recipient's PEM public key or certificate, a JWK (`kty: oct` for a secret), a key store"
                            + " entry `keyStore:ALIAS` of `keyStore`, or a `#bean` (a `PublicKey`, `Certificate`,"
                            + " `SecretKey` or text); as text or a resource (`classpath:`, `file:`, `ref:`).")
    private String encryptionKey;
    @UriParam(label = "security", secret = true,
              description = "validate, decode: decrypt encrypted tokens (JWE) with this key, then check the signed"
                            + " token inside as usual. A PEM private key, a JWK or JWK Set with private parts (chosen by"
                            + " `kid`), a key store entry `keyStore:ALIAS` of `keyStore`, or a `#bean` (a `PrivateKey`,"
                            + " `KeyPair`, `SecretKey` or text); as text or a resource.")
    private String decryptionKey;
    @UriParam(label = "security",
              description = "generate: the JWE key management algorithm (default: the key's own `alg`, else RSA:"
                            + " RSA-OAEP-256, EC: ECDH-ES+A256KW, a secret of 16/24/32 bytes: A128KW/A192KW/A256KW)."
                            + " validate, decode: a comma list of accepted ones (default: what fits the key)."
                            + " RSA1_5 and PBES2 are accepted only when named here.")
    private String keyManagementAlgorithm;
    @UriParam(label = "security",
              description = "generate: the JWE content encryption algorithm (default A256GCM; with `dir`, the one whose"
                            + " key size is the secret's). validate, decode: a comma list of accepted ones (default: all"
                            + " of A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512).")
    private String contentEncryptionAlgorithm;
    @UriParam(label = "security", defaultValue = "false",
              description = "validate, decode: refuse tokens that are not encrypted (plain JWS). Needs `decryptionKey`.")
    private boolean requireEncryption;
    @UriParam(label = "security", defaultValue = "false",
              description = "validate, decode: accept encrypted tokens compressed with `zip: DEF`. The inflated token is"
                            + " bounded by `maxTokenLength`.")
    private boolean allowCompression;
    @UriParam(label = "security", defaultValue = "100000",
              description = "validate, decode: the highest PBES2 iteration count (`p2c`) accepted, when"
                            + " `keyManagementAlgorithm` names a PBES2 algorithm; each token costs that many"
                            + " iterations before it can be refused.")
    private int maxPbes2Count = 100_000;

    // --- decode ----------------------------------------------------------------------------------------------------

    @UriParam(label = "decode", defaultValue = "map", enums = "map,json",
              description = "decode: the body becomes the claims as a `Map` or as JSON text.")
    private String outputFormat = "map";

    public JwtConfiguration copy() {
        try {
            JwtConfiguration copy = (JwtConfiguration) clone();
            copy.claims = new LinkedHashMap<>(claims);
            copy.joseHeaders = new LinkedHashMap<>(joseHeaders);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Refuses, naming the option, a value outside an option's fixed list (Camel binds String options without looking
     * at their {@code enums}, and an option that only some operations read would pass unnoticed); and reads back the
     * '+' that a URI turns into a space in the media types {@code type} and {@code expectedType} and in the JWE
     * algorithms of {@code keyManagementAlgorithm}; durations must be whole seconds.
     */
    void checkValues() {
        checkChoice("secretEncoding", secretEncoding, "utf8", "base64", "base64url", "hex");
        checkChoice("rolesMatch", rolesMatch, "any", "all");
        checkChoice("outputFormat", outputFormat, "map", "json");
        checkSeconds("expiresIn", expiresIn);
        checkSeconds("notBefore", notBefore);
        checkSeconds("clockSkew", clockSkew);
        checkSeconds("maxAge", maxAge);
        checkSeconds("refreshBefore", refreshBefore);
        checkSeconds("reuseUntil", reuseUntil);
        checkPositive("jwksCacheTtl", jwksCacheTtl);
        checkPositive("jwksTimeout", jwksTimeout);
        if (getJwksMaxStale() < jwksCacheTtl) {
            throw new IllegalArgumentException("Option 'jwksMaxStale' must be at least 'jwksCacheTtl' ("
                                               + jwksCacheTtl + " ms): keys are not dropped before they are due for"
                                               + " a refetch");
        }
        if (jwksRefreshInterval < MIN_JWKS_REFRESH_INTERVAL) {
            // below it, each token with a made-up kid could make the endpoint fetch: a flood of the provider
            throw new IllegalArgumentException("Option 'jwksRefreshInterval' must be at least 1s");
        }
        if (tokenCacheSize < 0) {
            throw new IllegalArgumentException("Option 'tokenCacheSize' must not be negative (0 turns the cache off)");
        }
        if (revocationPurgeInterval < 0) {
            throw new IllegalArgumentException("Option 'revocationPurgeInterval' must not be negative");
        }
        if (maxPbes2Count < 1000 || maxPbes2Count > 2_499_999) {
            // RFC 7518 section 4.8.1.2 asks senders for at least 1000; jose4j refuses more than 2499999 anyway
            throw new IllegalArgumentException("Option 'maxPbes2Count' must be between 1000 and 2499999");
        }
        keyManagementAlgorithm = plusInAlgorithms(keyManagementAlgorithm);
        type = plusFromUri(type);
        expectedType = plusFromUri(expectedType);
    }

    /** JWT times are whole seconds (RFC 7519 NumericDate): 500ms would silently become 0, so it is refused. */
    private static void checkSeconds(String option, long millis) {
        if (millis < 0 || millis % 1000 != 0) {
            throw new IllegalArgumentException("Option '" + option + "' must be 0 or a whole number of seconds, such as 30s");
        }
    }

    private static void checkPositive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("Option '" + option + "' must be longer than 0");
        }
    }

    /**
     * A URI decodes {@code at+jwt} as {@code at jwt}; a media type never holds a space, so a space there meant '+'.
     */
    private static String plusFromUri(String mediaType) {
        return mediaType == null ? null : mediaType.trim().replace(' ', '+');
    }

    /** As {@link #plusFromUri}, for a comma list of algorithm names (ECDH-ES+A256KW), which never hold a space. */
    private static String plusInAlgorithms(String algorithms) {
        if (algorithms == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String name : algorithms.split(",", -1)) {
            names.add(plusFromUri(name));
        }
        return String.join(",", names);
    }

    private static void checkChoice(String option, String value, String... choices) {
        if (value != null && !List.of(choices).contains(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Option '" + option + "' must be one of "
                                               + String.join(", ", choices) + ", not '" + value + "'");
        }
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getSecretEncoding() {
        return secretEncoding;
    }

    public void setSecretEncoding(String secretEncoding) {
        this.secretEncoding = secretEncoding;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public Object getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(Object keyStore) {
        this.keyStore = keyStore;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    public void setKeyAlias(String keyAlias) {
        this.keyAlias = keyAlias;
    }

    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }

    public String getJwks() {
        return jwks;
    }

    public void setJwks(String jwks) {
        this.jwks = jwks;
    }

    public String getJwksUri() {
        return jwksUri;
    }

    public void setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
    }

    public String getIssuerUri() {
        return issuerUri;
    }

    public void setIssuerUri(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    public long getJwksCacheTtl() {
        return jwksCacheTtl;
    }

    public void setJwksCacheTtl(long jwksCacheTtl) {
        this.jwksCacheTtl = jwksCacheTtl;
    }

    /** The value set, or else the default: 12h, or {@code jwksCacheTtl} if that is longer. */
    public long getJwksMaxStale() {
        return jwksMaxStaleSet ? jwksMaxStale : Math.max(DEFAULT_JWKS_MAX_STALE, jwksCacheTtl);
    }

    public void setJwksMaxStale(long jwksMaxStale) {
        this.jwksMaxStale = jwksMaxStale;
        this.jwksMaxStaleSet = true;
    }

    public long getJwksRefreshInterval() {
        return jwksRefreshInterval;
    }

    public void setJwksRefreshInterval(long jwksRefreshInterval) {
        this.jwksRefreshInterval = jwksRefreshInterval;
    }

    public long getJwksTimeout() {
        return jwksTimeout;
    }

    public void setJwksTimeout(long jwksTimeout) {
        this.jwksTimeout = jwksTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public long getExpiresIn() {
        return expiresIn;
    }

    public void setExpiresIn(long expiresIn) {
        this.expiresIn = expiresIn;
    }

    public boolean isAllowNoExpiry() {
        return allowNoExpiry;
    }

    public void setAllowNoExpiry(boolean allowNoExpiry) {
        this.allowNoExpiry = allowNoExpiry;
    }

    public long getNotBefore() {
        return notBefore;
    }

    public void setNotBefore(long notBefore) {
        this.notBefore = notBefore;
    }

    public boolean isIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(boolean issuedAt) {
        this.issuedAt = issuedAt;
    }

    public boolean isJwtId() {
        return jwtId;
    }

    public void setJwtId(boolean jwtId) {
        this.jwtId = jwtId;
    }

    public Map<String, Object> getClaims() {
        return claims;
    }

    public void setClaims(Map<String, Object> claims) {
        this.claims = claims;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Map<String, Object> getJoseHeaders() {
        return joseHeaders;
    }

    public void setJoseHeaders(Map<String, Object> joseHeaders) {
        this.joseHeaders = joseHeaders;
    }

    public String getOutputHeader() {
        return outputHeader;
    }

    public void setOutputHeader(String outputHeader) {
        this.outputHeader = outputHeader;
    }

    public String getTokenHeader() {
        return tokenHeader;
    }

    public void setTokenHeader(String tokenHeader) {
        this.tokenHeader = tokenHeader;
    }

    public String getRequiredClaims() {
        return requiredClaims;
    }

    public void setRequiredClaims(String requiredClaims) {
        this.requiredClaims = requiredClaims;
    }

    public long getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(long clockSkew) {
        this.clockSkew = clockSkew;
    }

    public boolean isRequireExpiration() {
        return requireExpiration;
    }

    public void setRequireExpiration(boolean requireExpiration) {
        this.requireExpiration = requireExpiration;
    }

    public long getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(long maxAge) {
        this.maxAge = maxAge;
    }

    public String getExpectedType() {
        return expectedType;
    }

    public void setExpectedType(String expectedType) {
        this.expectedType = expectedType;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public String getRequiredRoles() {
        return requiredRoles;
    }

    public void setRequiredRoles(String requiredRoles) {
        this.requiredRoles = requiredRoles;
    }

    public String getRolesMatch() {
        return rolesMatch;
    }

    public void setRolesMatch(String rolesMatch) {
        this.rolesMatch = rolesMatch;
    }

    public boolean isFailOnInvalid() {
        return failOnInvalid;
    }

    public void setFailOnInvalid(boolean failOnInvalid) {
        this.failOnInvalid = failOnInvalid;
    }

    public int getTokenCacheSize() {
        return tokenCacheSize;
    }

    public void setTokenCacheSize(int tokenCacheSize) {
        this.tokenCacheSize = tokenCacheSize;
    }

    public int getMaxTokenLength() {
        return maxTokenLength;
    }

    public void setMaxTokenLength(int maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
    }

    public String getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(String outputFormat) {
        this.outputFormat = outputFormat;
    }

    public IdempotentRepository getRevocationRepository() {
        return revocationRepository;
    }

    public void setRevocationRepository(IdempotentRepository revocationRepository) {
        this.revocationRepository = revocationRepository;
    }

    public long getRevocationPurgeInterval() {
        return revocationPurgeInterval;
    }

    public void setRevocationPurgeInterval(long revocationPurgeInterval) {
        this.revocationPurgeInterval = revocationPurgeInterval;
    }

    public long getRefreshBefore() {
        return refreshBefore;
    }

    public void setRefreshBefore(long refreshBefore) {
        this.refreshBefore = refreshBefore;
    }

    public long getReuseUntil() {
        return reuseUntil;
    }

    public void setReuseUntil(long reuseUntil) {
        this.reuseUntil = reuseUntil;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    public String getDecryptionKey() {
        return decryptionKey;
    }

    public void setDecryptionKey(String decryptionKey) {
        this.decryptionKey = decryptionKey;
    }

    public String getKeyManagementAlgorithm() {
        return keyManagementAlgorithm;
    }

    public void setKeyManagementAlgorithm(String keyManagementAlgorithm) {
        this.keyManagementAlgorithm = keyManagementAlgorithm;
    }

    public String getContentEncryptionAlgorithm() {
        return contentEncryptionAlgorithm;
    }

    public void setContentEncryptionAlgorithm(String contentEncryptionAlgorithm) {
        this.contentEncryptionAlgorithm = contentEncryptionAlgorithm;
    }

    public boolean isRequireEncryption() {
        return requireEncryption;
    }

    public void setRequireEncryption(boolean requireEncryption) {
        this.requireEncryption = requireEncryption;
    }

    public boolean isAllowCompression() {
        return allowCompression;
    }

    public void setAllowCompression(boolean allowCompression) {
        this.allowCompression = allowCompression;
    }

    public int getMaxPbes2Count() {
        return maxPbes2Count;
    }

    public void setMaxPbes2Count(int maxPbes2Count) {
        this.maxPbes2Count = maxPbes2Count;
    }
}
