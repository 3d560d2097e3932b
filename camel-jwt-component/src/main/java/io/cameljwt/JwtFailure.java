package io.cameljwt;

/**
 * Why a token was refused. Each reason maps to the HTTP status a REST route should answer with.
 */
public enum JwtFailure {
    TOKEN_MISSING,
    MALFORMED,
    TOO_LARGE,
    ALGORITHM_NOT_ALLOWED,
    KEY_NOT_FOUND,
    SIGNATURE_INVALID,
    DECRYPTION_FAILED,
    EXPIRED,
    NOT_YET_VALID,
    TOO_OLD,
    ISSUER_MISMATCH,
    AUDIENCE_MISMATCH,
    TYPE_MISMATCH,
    CLAIM_MISSING,
    CLAIM_MISMATCH,
    INSUFFICIENT_ROLES,
    REVOKED,
    KEYS_UNAVAILABLE;

    /**
     * The HTTP status that fits this failure: 403 when the caller is known but lacks a role, 503 when keys could not be
     * had, 401 otherwise.
     */
    public int httpStatus() {
        return switch (this) {
            case INSUFFICIENT_ROLES -> 403;
            case KEYS_UNAVAILABLE -> 503;
            default -> 401;
        };
    }
}
