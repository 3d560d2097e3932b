package io.cameljwt.internal.settings;

/**
 * Where a token is read from and how the outcome is written to the message.
 *
 * @param tokenHeader         {@code tokenHeader}: validate and decode read the token from it
 * @param maxTokenLength      {@code maxTokenLength}
 * @param rolesClaim          {@code rolesClaim}, for the {@code CamelJwtRoles} header
 * @param refreshBeforeMillis {@code refreshBefore} (0: no {@code CamelJwtRefreshNeeded} header)
 * @param failOnInvalid       {@code failOnInvalid}: validate raises a refusal, or writes it in headers
 * @param claimsAsJson        {@code outputFormat=json}: decode's body is the claims as JSON text, not a map
 * @param outputHeader        {@code outputHeader}: generate writes the token into it instead of the body, or null
 */
public record OutputSettings(String tokenHeader, int maxTokenLength, String rolesClaim, long refreshBeforeMillis,
                             boolean failOnInvalid, boolean claimsAsJson, String outputHeader) {
}
