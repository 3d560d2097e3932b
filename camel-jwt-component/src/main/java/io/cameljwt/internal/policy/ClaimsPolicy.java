package io.cameljwt.internal.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cameljwt.JwtFailure;
import io.cameljwt.internal.settings.PolicySettings;
import io.cameljwt.internal.token.ClaimValues;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;

/**
 * The checks validate makes on a token whose signature is good, in a fixed order: time, issuer, audience, type,
 * required claims, exact claims, roles. Built once per endpoint; each check is a small named method.
 */
public final class ClaimsPolicy {

    @FunctionalInterface
    interface Check {
        void check(Token token, long nowSeconds) throws TokenRefusal;
    }

    private final List<Check> checks;

    private ClaimsPolicy(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public void check(Token token, Instant now) throws TokenRefusal {
        long nowSeconds = now.getEpochSecond();
        for (Check check : checks) {
            check.check(token, nowSeconds);
        }
    }

    public static ClaimsPolicy from(PolicySettings settings) {
        long skew = settings.clockSkewSeconds();
        List<Check> checks = new ArrayList<>();
        checks.add(expiration(settings.requireExpiration(), skew));
        checks.add(notBefore(skew));
        checks.add(issuedAt(skew, settings.maxAgeSeconds()));
        if (!settings.issuers().isEmpty()) {
            checks.add(issuer(settings.issuers()));
        }
        if (!settings.audiences().isEmpty()) {
            checks.add(audience(settings.audiences()));
        }
        if (settings.expectedType() != null) {
            checks.add(type(settings.expectedType()));
        }
        for (String name : settings.requiredClaims()) {
            checks.add(present(name));
        }
        for (Map.Entry<String, String> claim : settings.claims().entrySet()) {
            checks.add(equalTo(claim.getKey(), claim.getValue()));
        }
        if (!settings.requiredRoles().isEmpty()) {
            checks.add(roles(settings.rolesClaim(), settings.requiredRoles(), settings.allRoles()));
        }
        return new ClaimsPolicy(checks);
    }

    static Check expiration(boolean required, long skew) {
        return (token, now) -> {
            Long exp = numericDate(token, "exp");
            if (exp == null) {
                if (required) {
                    throw new TokenRefusal(JwtFailure.CLAIM_MISSING, "the token has no exp and requireExpiration is true");
                }
            } else if (now - skew >= exp) {
                throw new TokenRefusal(JwtFailure.EXPIRED,
                        "the token expired at " + Instant.ofEpochSecond(exp) + " (clockSkew " + skew + "s)");
            }
        };
    }

    static Check notBefore(long skew) {
        return (token, now) -> {
            Long nbf = numericDate(token, "nbf");
            if (nbf != null && now + skew < nbf) {
                throw new TokenRefusal(JwtFailure.NOT_YET_VALID,
                        "the token is not valid before " + Instant.ofEpochSecond(nbf) + " (clockSkew " + skew + "s)");
            }
        };
    }

    static Check issuedAt(long skew, long maxAgeSeconds) {
        return (token, now) -> {
            Long iat = numericDate(token, "iat");
            if (iat == null) {
                if (maxAgeSeconds > 0) {
                    throw new TokenRefusal(JwtFailure.CLAIM_MISSING, "the token has no iat, which maxAge needs");
                }
                return;
            }
            if (iat > now + skew) {
                throw new TokenRefusal(JwtFailure.NOT_YET_VALID, "the token is issued in the future (iat)");
            }
            if (maxAgeSeconds > 0 && now - iat > maxAgeSeconds + skew) {
                throw new TokenRefusal(JwtFailure.TOO_OLD,
                        "the token was issued at " + Instant.ofEpochSecond(iat) + ", more than maxAge ago");
            }
        };
    }

    static Check issuer(Set<String> accepted) {
        return (token, now) -> {
            Object iss = token.claims().get("iss");
            if (!(iss instanceof String) || !accepted.contains(iss)) {
                throw new TokenRefusal(JwtFailure.ISSUER_MISMATCH,
                        iss == null ? "the token has no iss" : "the token's iss is not an accepted issuer");
            }
        };
    }

    static Check audience(Set<String> accepted) {
        return (token, now) -> {
            List<String> aud = token.audience();
            if (aud == null) {
                throw new TokenRefusal(JwtFailure.AUDIENCE_MISMATCH, "the token has no aud");
            }
            for (String value : aud) {
                if (accepted.contains(value)) {
                    return;
                }
            }
            throw new TokenRefusal(JwtFailure.AUDIENCE_MISMATCH, "the token's aud names none of the accepted audiences");
        };
    }

    /** RFC 7515 section 4.1.9: media types compare case-insensitively, and "application/" may be left out. */
    static Check type(String expected) {
        String wanted = mediaType(expected);
        return (token, now) -> {
            Object typ = token.header().get("typ");
            if (!(typ instanceof String text) || !mediaType(text).equals(wanted)) {
                throw new TokenRefusal(JwtFailure.TYPE_MISMATCH,
                        typ == null ? "the token has no typ header, expected " + expected
                                : "the token's typ is not " + expected);
            }
        };
    }

    static Check present(String name) {
        return (token, now) -> {
            if (ClaimValues.resolve(token.claims(), name) == null) {
                throw new TokenRefusal(JwtFailure.CLAIM_MISSING, "the token has no " + name + " claim");
            }
        };
    }

    static Check equalTo(String name, String expected) {
        return (token, now) -> {
            Object value = ClaimValues.resolve(token.claims(), name);
            if (value == null) {
                throw new TokenRefusal(JwtFailure.CLAIM_MISSING, "the token has no " + name + " claim");
            }
            if (!ClaimValues.scalars(value).contains(expected)) {
                throw new TokenRefusal(JwtFailure.CLAIM_MISMATCH, "the token's " + name + " claim is not " + expected);
            }
        };
    }

    static Check roles(String rolesClaim, Set<String> required, boolean all) {
        return (token, now) -> {
            List<String> held = token.roles(rolesClaim);
            boolean ok = held != null
                         && (all ? held.containsAll(required) : required.stream().anyMatch(held::contains));
            if (!ok) {
                throw new TokenRefusal(JwtFailure.INSUFFICIENT_ROLES,
                        "the token holds " + (all ? "not all" : "none") + " of the required roles " + required
                                                                      + " at " + rolesClaim);
            }
        };
    }

    /** A NumericDate claim in whole seconds, null when absent. */
    static Long numericDate(Token token, String name) throws TokenRefusal {
        Long seconds = token.numericDate(name);
        if (seconds != null || token.claims().get(name) == null) {
            return seconds;
        }
        throw new TokenRefusal(JwtFailure.MALFORMED, "the token's " + name + " is not a NumericDate");
    }

    private static String mediaType(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }
}
