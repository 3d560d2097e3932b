package io.cameljwt.bench;

import io.cameljwt.JwtEndpointConfigurer;

/**
 * The endpoint option {@code tokenCacheSize} (verified tokens kept, {@code 0}: none). A build whose endpoint does not
 * have it yet validates without any cache, so {@code tokenCacheSize=0} is then left out; the cached case cannot run.
 */
final class TokenCacheOption {

    static final String NAME = "tokenCacheSize";

    private TokenCacheOption() {
    }

    /** Whether this build's {@code jwt:} endpoint knows the option (its generated configurer is the list). */
    static boolean supported() {
        return new JwtEndpointConfigurer().getOptionType(NAME, false) != null;
    }

    /** The URI parameter for a cache of {@code size} entries, starting with {@code &}. */
    static String uriParameter(int size) {
        return size == 0 && !supported() ? "" : "&" + NAME + "=" + size;
    }
}
