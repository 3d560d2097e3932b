package io.cameljwt;

import org.apache.camel.spi.Metadata;

/**
 * Names of the message headers that the jwt component reads and writes.
 */
public final class JwtConstants {

    @Metadata(description = "The token to validate, decode or revoke. Read before `tokenHeader` and the body.",
              javaType = "String")
    public static final String JWT_TOKEN = "CamelJwtToken";
    @Metadata(description = "generate: claims merged over the body (this header wins), except the very map validate or"
                            + " decode wrote. validate/decode: the token's claims.",
              javaType = "java.util.Map<String, Object>")
    public static final String JWT_CLAIMS = "CamelJwtClaims";
    @Metadata(description = "The token's JOSE header.", javaType = "java.util.Map<String, Object>")
    public static final String JWT_HEADER = "CamelJwtHeader";
    @Metadata(description = "The `sub` claim.", javaType = "String")
    public static final String JWT_SUBJECT = "CamelJwtSubject";
    @Metadata(description = "The `iss` claim.", javaType = "String")
    public static final String JWT_ISSUER = "CamelJwtIssuer";
    @Metadata(description = "The `jti` claim.", javaType = "String")
    public static final String JWT_ID = "CamelJwtId";
    @Metadata(description = "The `aud` claim, always as a list.", javaType = "java.util.List<String>")
    public static final String JWT_AUDIENCE = "CamelJwtAudience";
    @Metadata(description = "The roles found at `rolesClaim`.", javaType = "java.util.List<String>")
    public static final String JWT_ROLES = "CamelJwtRoles";
    @Metadata(description = "The `exp` claim as an instant.", javaType = "java.time.Instant")
    public static final String JWT_EXPIRES_AT = "CamelJwtExpiresAt";
    @Metadata(description = "true after validate (signature and claims checked), false after decode.",
              javaType = "Boolean")
    public static final String JWT_VERIFIED = "CamelJwtVerified";
    @Metadata(description = "validate with failOnInvalid=false: whether the token passed every check.",
              javaType = "Boolean")
    public static final String JWT_VALID = "CamelJwtValid";
    @Metadata(description = "validate with failOnInvalid=false: the `JwtFailure` name of the failed check.",
              javaType = "String")
    public static final String JWT_ERROR = "CamelJwtError";
    @Metadata(description = "validate with failOnInvalid=false: a message naming the failed check (never the token).",
              javaType = "String")
    public static final String JWT_ERROR_MESSAGE = "CamelJwtErrorMessage";
    @Metadata(description = "revoke: true once the token's id is in `revocationRepository` (also when it already was).",
              javaType = "Boolean")
    public static final String JWT_REVOKED = "CamelJwtRevoked";

    @Metadata(description = "validate/decode with `refreshBefore`: true when the token expires within `refreshBefore`,"
                            + " false when it lives longer or has no `exp`. Not set when `refreshBefore` is 0.",
              javaType = "Boolean")
    public static final String JWT_REFRESH_NEEDED = "CamelJwtRefreshNeeded";

    private JwtConstants() {
    }
}
