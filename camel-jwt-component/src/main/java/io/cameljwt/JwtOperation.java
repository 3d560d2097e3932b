package io.cameljwt;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an endpoint does with each message.
 */
public enum JwtOperation {
    /** Sign claims into a compact token. */
    generate,
    /** Verify a token's signature and claims, and expose them as headers. */
    validate,
    /** Unpack a token without verifying it. */
    decode,
    /** Validate a token, then add its id to the revocation repository, so validate refuses it from then on. */
    revoke,
    /** Publish the public JWK Set of the configured keys. */
    jwks;

    static JwtOperation parse(String text) {
        for (JwtOperation operation : values()) {
            if (operation.name().equals(text)) {
                return operation;
            }
        }
        throw new IllegalArgumentException(
                "Unknown jwt operation '" + text + "': use one of "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
