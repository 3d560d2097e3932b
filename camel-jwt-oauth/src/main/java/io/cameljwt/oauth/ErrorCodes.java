package io.cameljwt.oauth;

import io.cameljwt.JwtFailure;
import org.apache.camel.spi.OAuthTokenValidationResult.ErrorCode;

/**
 * The SPI's error code closest to each {@link JwtFailure}. The SPI has fewer codes than camel-jwt has failures; the
 * failure itself stays in the result's error text.
 */
final class ErrorCodes {

    private ErrorCodes() {
    }

    /**
     * @param failure     why camel-jwt refused the token
     * @param missingExp  whether a {@link JwtFailure#CLAIM_MISSING} is about {@code exp}
     */
    static ErrorCode of(JwtFailure failure, boolean missingExp) {
        return switch (failure) {
            case ALGORITHM_NOT_ALLOWED -> ErrorCode.UNSUPPORTED_ALGORITHM;
            case KEY_NOT_FOUND -> ErrorCode.NO_MATCHING_KEY;
            case SIGNATURE_INVALID -> ErrorCode.INVALID_SIGNATURE;
            case EXPIRED -> ErrorCode.EXPIRED_TOKEN;
            case NOT_YET_VALID -> ErrorCode.NOT_YET_VALID;
            case ISSUER_MISMATCH -> ErrorCode.INVALID_ISSUER;
            case AUDIENCE_MISMATCH -> ErrorCode.INVALID_AUDIENCE;
            case REVOKED -> ErrorCode.INACTIVE_TOKEN;
            case CLAIM_MISSING -> missingExp ? ErrorCode.MISSING_EXPIRATION : ErrorCode.INVALID_TOKEN;
            default -> ErrorCode.INVALID_TOKEN;
        };
    }
}
