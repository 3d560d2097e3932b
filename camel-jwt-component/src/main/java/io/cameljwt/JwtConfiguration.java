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
 * <p>
 * Each option's {@code label} is its one group in the catalog ({@code jwt.json}), and its description goes there as
 * written, except that Camel's generator drops {@code + ` * [ ] < > " ? | ~ ^ @}: say those in words
 * ({@code CatalogDescriptionsTest}); docs/options.md repeats each description word for word.
 */
@UriParams
public class JwtConfiguration implements Cloneable {

    /** The floor of {@code jwksRefreshInterval}, in milliseconds. */
    private static final long MIN_JWKS_REFRESH_INTERVAL = 1000;
    private static final long DEFAULT_JWKS_MAX_STALE = 12 * 60 * 60 * 1000L;

    // --- keys and algorithms ---------------------------------------------------------------------------------------

    @UriParam(label = "keys",
              description = "generate: the JWS algorithm that signs. validate: a comma list of accepted algorithms."
                            + " Default: what fits the key (HS256 for a secret, RS256 for RSA, ES256, ES384 or ES512"
                            + " by curve, EdDSA, or a JWK's own alg); the algorithm none is never accepted.")
    private String algorithm;
    @UriParam(label = "keys", secret = true,
              description = "The HMAC secret that signs (generate) and verifies (validate, revoke) HS256, HS384 and"
                            + " HS512 tokens. It must be at least as long as the hash: 32, 48 or 64 bytes once"
                            + " decoded (see secretEncoding). Text, a bean, or a resource (classpath:, file:, ref:)"
                            + " whose content, without a final line break, is the secret.")
    private String secret;
    @UriParam(label = "keys", defaultValue = "utf8", enums = "utf8,base64,base64url,hex",
              description = "How secret is written: utf8 (its UTF-8 bytes are the key), base64, base64url or hex."
                            + " Any other value stops the route from starting.")
    private String secretEncoding = "utf8";
    @UriParam(label = "keys", secret = true,
              description = "A PEM private key (PKCS#8, PKCS#1 or SEC1; RSA, EC, Ed25519 or Ed448), as text (one"
                            + " line accepted) or a resource (classpath:, file:, ref:). generate: signs. An RSA key"
                            + " also verifies in validate; an EC or EdDSA key needs publicKey for that.")
    private String privateKey;
    @UriParam(label = "keys",
              description = "A PEM public key or X.509 certificate, as text (one line accepted) or a resource"
                            + " (classpath:, file:, ref:). validate, revoke: verifies signatures.")
    private String publicKey;
    @UriParam(label = "keys",
              description = "A PKCS#12 or JKS key store: a resource (classpath:, file:, ref:), or a"
                            + " KeyStoreParameters or KeyStore bean (#name). generate signs with its private key"
                            + " entry; validate verifies with its certificates.")
    private Object keyStore;
    @UriParam(label = "keys", secret = true,
              description = "The password of keyStore (for a KeyStoreParameters bean, default: its own).")
    private String keyStorePassword;
    @UriParam(label = "keys",
              description = "The keyStore entry to use (default: every entry). generate: the private key entry,"
                            + " whose alias is the token's kid unless keyId is set. validate: only this entry's"
                            + " certificate. jwks: only this entry.")
    private String keyAlias;
    @UriParam(label = "keys", secret = true,
              description = "The password of the private key entry of keyStore (default: the store's password).")
    private String keyPassword;
    @UriParam(label = "keys", secret = true,
              description = "A JWK or JWK Set, as JSON text or a resource (classpath:, file:, ref:). Keys are chosen"
                            + " by kid, then by alg, kty and use; a key whose alg is no supported JWS algorithm is"
                            + " skipped.")
    private String jwks;
    @UriParam(label = "keys",
              description = "generate: the kid header, and which key signs: the key of jwks with this kid, or the"
                            + " keyStore entry with this alias. jwks: the kid published for that key.")
    private String keyId;

    // --- remote keys (validate) -----------------------------------------------------------------------------------

    @UriParam(label = "remote",
              description = "validate, revoke: a remote JWK Set, fetched when the route starts and cached: https, or"
                            + " http to a loopback address only (127.0.0.1, ::1, localhost). Cannot be set with"
                            + " issuerUri.")
    private String jwksUri;
    @UriParam(label = "remote",
              description = "validate, revoke: an OpenID Connect issuer, or a comma list of them. Its"
                            + " /.well-known/openid-configuration names the JWK Set, and the token's iss must equal"
                            + " the issuer (unless issuer is set); with several, the token's iss picks one, and a"
                            + " token from any other is refused (ISSUER_MISMATCH).")
    private String issuerUri;
    @UriParam(label = "remote", defaultValue = "10m", javaType = "java.time.Duration",
              description = "How long fetched keys are used before the next token starts a refetch, the cached keys"
                            + " serving meanwhile. The provider's Cache-Control is not used.")
    private long jwksCacheTtl = 10 * 60 * 1000L;
    @UriParam(label = "remote", defaultValue = "12h", javaType = "java.time.Duration",
              description = "How long cached keys go on serving while refetches fail, counted from the last fetch"
                            + " that succeeded; then, once a refetch has failed, they are dropped, tokens are"
                            + " refused as KEYS_UNAVAILABLE and the health check is DOWN. At least jwksCacheTtl;"
                            + " when not set, 12h or jwksCacheTtl if that is longer.")
    private long jwksMaxStale = DEFAULT_JWKS_MAX_STALE;
    /** Whether jwksMaxStale was set: if not, it follows a jwksCacheTtl longer than its default. */
    private boolean jwksMaxStaleSet;
    @UriParam(label = "remote", defaultValue = "30s", javaType = "java.time.Duration",
              description = "The least time between two fetches of one JWK Set: a token with an unknown kid, or a"
                            + " failed fetch, starts a new fetch only once this much has passed since the last one."
                            + " At least 1s.")
    private long jwksRefreshInterval = 30 * 1000L;
    @UriParam(label = "remote", defaultValue = "5s", javaType = "java.time.Duration",
              description = "The longest a message waits for keys being fetched, and one deadline for each whole"
                            + " fetch: with issuerUri the discovery document and the JWK Set together, host lookups,"
                            + " connecting, status, headers, body and redirects included.")
    private long jwksTimeout = 5 * 1000L;
    @UriParam(label = "security",
              description = "validate, revoke: TLS for fetching remote keys (jwksUri, issuerUri), such as a trust"
                            + " store for a private CA. Default: the JVM's trust store.")
    private SSLContextParameters sslContextParameters;

    // --- claims written by generate --------------------------------------------------------------------------------

    @UriParam(label = "common",
              description = "generate: the iss claim. validate: a comma list of accepted iss values. Set on the"
                            + " component, it is written by every generate endpoint and required by every validate"
                            + " endpoint.")
    private String issuer;
    @UriParam(label = "generate",
              description = "generate: the sub claim.")
    private String subject;
    @UriParam(label = "common",
              description = "generate: the aud claim, a comma list (one value is written as a string). validate: a"
                            + " comma list, of which the token's aud must hold at least one.")
    private String audience;
    @UriParam(label = "generate", defaultValue = "15m", javaType = "java.time.Duration",
              description = "generate: how long tokens live, exp being now plus this, in whole seconds. 0 writes no"
                            + " exp, which needs allowNoExpiry=true.")
    private long expiresIn = 15 * 60 * 1000L;
    @UriParam(label = "generate", defaultValue = "false",
              description = "generate: allow expiresIn=0, which issues tokens that never expire.")
    private boolean allowNoExpiry;
    @UriParam(label = "generate", defaultValue = "0", javaType = "java.time.Duration",
              description = "generate: write nbf, now plus this offset, in whole seconds. 0 writes no nbf.")
    private long notBefore;
    @UriParam(label = "generate", defaultValue = "true",
              description = "generate: write iat, the time the token is made.")
    private boolean issuedAt = true;
    @UriParam(label = "generate", defaultValue = "true",
              description = "generate: write a random jti (a UUID).")
    private boolean jwtId = true;
    @UriParam(label = "common", prefix = "claim.", multiValue = true,
              description = "claim.NAME=VALUE, any number. generate: a fixed claim, a string (exp, nbf and iat are"
                            + " refused). validate: the claim, a name or dotted path, must equal VALUE, or be an"
                            + " array holding it.")
    private Map<String, Object> claims = new LinkedHashMap<>();
    @UriParam(label = "generate", defaultValue = "JWT",
              description = "generate: the typ header; empty writes none.")
    private String type = "JWT";
    @UriParam(label = "generate", prefix = "header.", multiValue = true,
              description = "header.NAME=VALUE, any number. generate: extra JOSE header parameters; alg, kid, typ,"
                            + " crit, b64, zip, enc and cty are refused, key pointers (jku, x5u, x5c, jwk) are"
                            + " allowed.")
    private Map<String, Object> joseHeaders = new LinkedHashMap<>();
    @UriParam(label = "message",
              description = "generate: write the token into this header instead of the body, with Bearer in front"
                            + " when the header is Authorization; the body is left as it was.")
    private String outputHeader;

    // --- checks made by validate -----------------------------------------------------------------------------------

    @UriParam(label = "message", defaultValue = "Authorization",
              description = "validate, decode, revoke: the header read when CamelJwtToken is absent, a leading"
                            + " Bearer removed; without either, the body is the token.")
    private String tokenHeader = "Authorization";
    @UriParam(label = "validate",
              description = "validate: a comma list of claims that must be present, names or dotted paths (the path"
                            + " is walked first, then the literal name is tried).")
    private String requiredClaims;
    @UriParam(label = "validate", defaultValue = "60s", javaType = "java.time.Duration",
              description = "validate: the leeway for exp, nbf and iat, in whole seconds.")
    private long clockSkew = 60_000L;
    @UriParam(label = "validate", defaultValue = "true",
              description = "validate: refuse tokens without exp (CLAIM_MISSING).")
    private boolean requireExpiration = true;
    @UriParam(label = "validate", defaultValue = "0", javaType = "java.time.Duration",
              description = "validate: iat must be present and no older than this, in whole seconds. 0: no limit.")
    private long maxAge;
    @UriParam(label = "validate",
              description = "validate: the typ header must equal this, ignoring case and an application/ prefix,"
                            + " such as the type of OAuth access tokens of RFC 9068.")
    private String expectedType;
    @UriParam(label = "validate", defaultValue = "roles",
              description = "validate, decode: where the roles are, a claim name or a dotted path such as"
                            + " realm_access.roles; the strings of an array, or a space-separated string such as"
                            + " scope, split. They fill CamelJwtRoles and are what requiredRoles checks.")
    private String rolesClaim = "roles";
    @UriParam(label = "validate",
              description = "validate: a comma list of roles the token must hold, any or all of them (see"
                            + " rolesMatch); otherwise it is refused as INSUFFICIENT_ROLES (HTTP 403).")
    private String requiredRoles;
    @UriParam(label = "validate", defaultValue = "any", enums = "any,all",
              description = "validate: whether any or all of requiredRoles must be held.")
    private String rolesMatch = "any";
    @UriParam(label = "validate", defaultValue = "true",
              description = "validate, revoke: true, an invalid token raises JwtValidationException; false, the"
                            + " exchange goes on with CamelJwtValid=false, CamelJwtError and CamelJwtErrorMessage,"
                            + " for content-based routing.")
    private boolean failOnInvalid = true;
    @UriParam(label = "security", defaultValue = "16384",
              description = "validate, decode, revoke: tokens longer than this many characters are refused"
                            + " (TOO_LARGE) before any parsing, and a body is read no further than 1024 characters"
                            + " past it. Must be positive.")
    private int maxTokenLength = 16384;
    @UriParam(label = "advanced", defaultValue = "1000",
              description = "validate, revoke: how many verified tokens the endpoint keeps, so that a token seen"
                            + " again skips its parse and signature check; time, claims and revocation are still"
                            + " checked on every message. Tokens over 8192 characters are not kept; 0 turns the"
                            + " cache off.")
    private int tokenCacheSize = 1000;

    // --- revocation ------------------------------------------------------------------------------------------------

    @UriParam(label = "revocation",
              description = "A Camel IdempotentRepository (#name) of revoked token ids. validate: a token whose id"
                            + " it holds is refused (REVOKED), after every other check; revoke: required, the"
                            + " token's id is added to it. JwtRevocationMemoryStore serves one JVM, Camel's JDBC,"
                            + " Hazelcast, Redis or Infinispan repositories a cluster; Camel's memory, file, cached"
                            + " JDBC and Kafka ones are refused at start.")
    private IdempotentRepository revocationRepository;
    @UriParam(label = "revocation", defaultValue = "15m", javaType = "java.time.Duration",
              description = "revoke: how often the entries of expired tokens (past exp and clockSkew) are removed"
                            + " from revocationRepository, when that is a JwtRevocationMemoryStore, a"
                            + " JdbcMessageIdRepository or a HazelcastIdempotentRepository. 0: never.")
    private long revocationPurgeInterval = 15 * 60 * 1000L;

    // --- lifecycle: refresh hints and token reuse -----------------------------------------------------------------

    @UriParam(label = "message", defaultValue = "0", javaType = "java.time.Duration",
              description = "validate, decode: set header CamelJwtRefreshNeeded, true when the token's exp is at"
                            + " most this far from now (or passed), false when it lives longer or has no exp; whole"
                            + " seconds. 0: the header is not set.")
    private long refreshBefore;
    @UriParam(label = "generate", defaultValue = "0", javaType = "java.time.Duration",
              description = "generate: hand out the token made last for the same claims while it has more than this"
                            + " left to live, instead of a new token per message; whole seconds, shorter than"
                            + " expiresIn. 0: a new token per message.")
    private long reuseUntil;

    // --- encryption (JWE) ------------------------------------------------------------------------------------------

    @UriParam(label = "encryption", secret = true,
              description = "generate: sign, then encrypt the token to this key (a nested JWT, cty JWT): the"
                            + " recipient's PEM public key or certificate, a JWK (a secret as kty oct),"
                            + " keyStore:ALIAS (an entry of keyStore) or a #name bean (PublicKey, Certificate,"
                            + " KeyPair, SecretKey or text); text or a resource.")
    private String encryptionKey;
    @UriParam(label = "encryption", secret = true,
              description = "validate, decode: decrypt encrypted tokens with this key, then check the signed token"
                            + " inside as usual: a PEM private key, a JWK or JWK Set with private parts (chosen by"
                            + " kid), a secret as oct JWK, keyStore:ALIAS or a #name bean (PrivateKey, KeyPair,"
                            + " SecretKey or text). Without it, encrypted tokens are MALFORMED.")
    private String decryptionKey;
    @UriParam(label = "encryption",
              description = "generate: the JWE alg (default: the key's alg, else RSA-OAEP-256 for RSA, ECDH-ES with"
                            + " A256KW key wrapping for EC, A128KW, A192KW or A256KW for a secret of 16, 24 or 32"
                            + " bytes). validate, decode: a comma list of accepted ones (default: what fits the"
                            + " key); RSA1_5, PBES2 and dir only when named here.")
    private String keyManagementAlgorithm;
    @UriParam(label = "encryption",
              description = "generate: the JWE enc (default A256GCM; with dir, the one of the secret's size)."
                            + " validate, decode: a comma list of accepted ones (default: A128GCM, A192GCM, A256GCM,"
                            + " A128CBC-HS256, A192CBC-HS384 and A256CBC-HS512).")
    private String contentEncryptionAlgorithm;
    @UriParam(label = "encryption", defaultValue = "false",
              description = "validate, decode: refuse tokens that are not encrypted (MALFORMED). Needs"
                            + " decryptionKey.")
    private boolean requireEncryption;
    @UriParam(label = "security", defaultValue = "false",
              description = "validate, decode: accept encrypted tokens compressed with zip DEF, which RFC 8725"
                            + " advises against; the inflated token is bounded by maxTokenLength.")
    private boolean allowCompression;
    @UriParam(label = "security", defaultValue = "100000",
              description = "validate, decode: the highest PBES2 iteration count (p2c) accepted, checked before"
                            + " PBKDF2 runs; 1000 to 2499999. Matters only when keyManagementAlgorithm names a PBES2"
                            + " algorithm.")
    private int maxPbes2Count = 100_000;

    // --- decode ----------------------------------------------------------------------------------------------------

    @UriParam(label = "message", defaultValue = "map", enums = "map,json",
              description = "decode: the body after decode, the claims as a Map (map) or the payload's JSON text"
                            + " (json).")
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
