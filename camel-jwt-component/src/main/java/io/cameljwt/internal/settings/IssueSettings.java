package io.cameljwt.internal.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What generate writes into each token besides the message's claims.
 *
 * @param issuer          {@code issuer} ({@code iss}), or null
 * @param subject         {@code subject} ({@code sub}), or null
 * @param audiences       {@code audience} ({@code aud}: one value is written as a string)
 * @param expiresInMillis {@code expiresIn} (0: no {@code exp})
 * @param allowNoExpiry   {@code allowNoExpiry}
 * @param notBeforeMillis {@code notBefore} (0: no {@code nbf})
 * @param issuedAt        {@code issuedAt}
 * @param jwtId           {@code jwtId}
 * @param claims          {@code claim.NAME=VALUE}
 * @param type            {@code type} ({@code typ} header)
 * @param joseHeaders     {@code header.NAME=VALUE}
 * @param reuseUntilMillis {@code reuseUntil} (0: a new token per message)
 */
public record IssueSettings(String issuer, String subject, List<String> audiences, long expiresInMillis,
                            boolean allowNoExpiry, long notBeforeMillis, boolean issuedAt, boolean jwtId,
                            Map<String, Object> claims, String type, Map<String, Object> joseHeaders,
                            long reuseUntilMillis) {

    public IssueSettings {
        audiences = List.copyOf(audiences);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        joseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(joseHeaders));
    }
}
