package io.cameljwt.internal.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What validate checks in the claims of a token whose signature is good. Lists keep the order they were given in,
 * which the refusal messages show.
 *
 * @param clockSkewSeconds  {@code clockSkew}
 * @param requireExpiration {@code requireExpiration}
 * @param maxAgeSeconds     {@code maxAge} (0: no limit)
 * @param issuers           the accepted {@code iss} values: {@code issuer}, or else those of {@code issuerUri}
 * @param audiences         {@code audience}: the token's {@code aud} must hold one of them (empty: not checked)
 * @param expectedType      {@code expectedType}, or null
 * @param requiredClaims    {@code requiredClaims}
 * @param claims            {@code claim.NAME=VALUE}: the claims that must equal (or, as arrays, contain) a value
 * @param rolesClaim        {@code rolesClaim}
 * @param requiredRoles     {@code requiredRoles}
 * @param allRoles          {@code rolesMatch=all}
 */
public record PolicySettings(long clockSkewSeconds, boolean requireExpiration, long maxAgeSeconds, Set<String> issuers,
                             Set<String> audiences, String expectedType, Set<String> requiredClaims,
                             Map<String, String> claims, String rolesClaim, Set<String> requiredRoles, boolean allRoles) {

    public PolicySettings {
        issuers = ordered(issuers);
        audiences = ordered(audiences);
        requiredClaims = ordered(requiredClaims);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        requiredRoles = ordered(requiredRoles);
    }

    private static Set<String> ordered(Set<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
