package io.cameljwt;

import org.apache.camel.spi.Metadata;

/**
 * Names of the message headers that the jwt component reads and writes.
 */
public final class JwtConstants {

    @Metadata(description = "validate, decode, revoke: the token, read before tokenHeader and the body.",
              javaType = "String")
    public static final String JWT_TOKEN = "CamelJwtToken";
    @Metadata(description = "generate: claims laid over the body's (this header wins), except the very map validate"
                            + " or decode wrote. validate, decode: all the token's claims.",
              javaType = "java.util.Map<String, Object>")
    public static final String JWT_CLAIMS = "CamelJwtClaims";
    @Metadata(description = "validate, decode: the JOSE header (alg, typ, kid and the others); for an encrypted"
                            + " token, the header of the signed token inside.",
              javaType = "java.util.Map<String, Object>")
    public static final String JWT_HEADER = "CamelJwtHeader";
    @Metadata(description = "validate, decode: the sub claim, when present as a string.",
              javaType = "String")
    public static final String JWT_SUBJECT = "CamelJwtSubject";
    @Metadata(description = "validate, decode: the iss claim, when present as a string.",
              javaType = "String")
    public static final String JWT_ISSUER = "CamelJwtIssuer";
    @Metadata(description = "validate, decode: the jti claim, when present as a string.",
              javaType = "String")
    public static final String JWT_ID = "CamelJwtId";
    @Metadata(description = "validate, decode: the strings of the aud claim (a string or an array), always as a"
                            + " list, when aud is present.",
              javaType = "java.util.List<String>")
    public static final String JWT_AUDIENCE = "CamelJwtAudience";
    @Metadata(description = "validate, decode: the roles at rolesClaim, when the token has that claim: the strings"
                            + " of an array, or a space-separated string split.",
              javaType = "java.util.List<String>")
    public static final String JWT_ROLES = "CamelJwtRoles";
    @Metadata(description = "validate, decode: the exp claim as an instant, when present.",
              javaType = "java.time.Instant")
    public static final String JWT_EXPIRES_AT = "CamelJwtExpiresAt";
    @Metadata(description = "validate: true, the signature and claims were checked. decode: false.",
              javaType = "Boolean")
    public static final String JWT_VERIFIED = "CamelJwtVerified";
    @Metadata(description = "validate: true for a valid token; false for an invalid one with failOnInvalid=false.",
              javaType = "Boolean")
    public static final String JWT_VALID = "CamelJwtValid";
    @Metadata(description = "validate with failOnInvalid=false, invalid token: the JwtFailure name of the failed"
                            + " check.",
              javaType = "String")
    public static final String JWT_ERROR = "CamelJwtError";
    @Metadata(description = "validate with failOnInvalid=false, invalid token: which check failed, never the token.",
              javaType = "String")
    public static final String JWT_ERROR_MESSAGE = "CamelJwtErrorMessage";
    @Metadata(description = "revoke: true once the token's id is in revocationRepository, also when it already was.",
              javaType = "Boolean")
    public static final String JWT_REVOKED = "CamelJwtRevoked";

    @Metadata(description = "validate (valid token) and decode, only with refreshBefore set: true when exp is at"
                            + " most refreshBefore away (or passed), false when the token lives longer or has no"
                            + " exp.",
              javaType = "Boolean")
    public static final String JWT_REFRESH_NEEDED = "CamelJwtRefreshNeeded";

    private JwtConstants() {
    }
}
