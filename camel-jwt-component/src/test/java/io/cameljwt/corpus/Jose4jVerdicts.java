package io.cameljwt.corpus;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.cameljwt.JwtFailure;
import org.apache.camel.util.TimeUtils;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The second opinion: jose4j's {@link JwtConsumer} configured as a corpus endpoint is (keys, allowed algorithms,
 * issuer, audience, clock skew, required exp, typ, required sub/jti, maxAge), with jose4j's own parser and defaults.
 * Options jose4j has no counterpart for ({@code claim.*}, {@code requiredRoles}, {@code maxTokenLength}) are left out;
 * {@link Jose4jDifference} names what that and jose4j's other habits lead to.
 */
final class Jose4jVerdicts {

    /** What jose4j said: accepted, or refused with the failures its error codes map to (empty: none maps). */
    record Verdict(boolean accepted, Set<JwtFailure> failures, String detail) {

        static final Verdict ACCEPTED = new Verdict(true, Set.of(), "accepted");

        /** Whether the component's verdict says the same. */
        boolean agreesWith(String componentVerdict) {
            if (accepted || componentVerdict.equals(VerdictRunner.ACCEPTED)) {
                return accepted && componentVerdict.equals(VerdictRunner.ACCEPTED);
            }
            return failures.isEmpty() || failures.stream().anyMatch(f -> f.name().equals(componentVerdict));
        }

        @Override
        public String toString() {
            return accepted ? "ACCEPTED" : "refused " + failures + " (" + detail + ")";
        }
    }

    /** The consumer of each endpoint, or the reason jose4j could not be configured like it. */
    private final Map<String, Object> consumers = new ConcurrentHashMap<>();

    Verdict verdict(CorpusEndpoint endpoint, String token) {
        Object consumer = consumers.computeIfAbsent(endpoint.name(), name -> {
            try {
                return consumer(endpoint);
            } catch (Exception e) {
                return new Verdict(false, Set.of(), "not configurable: " + e.getClass().getSimpleName());
            }
        });
        if (consumer instanceof Verdict notConfigurable) {
            return notConfigurable;
        }
        try {
            ((JwtConsumer) consumer).process(token);
            return Verdict.ACCEPTED;
        } catch (InvalidJwtException e) {
            return refused(e);
        } catch (RuntimeException e) {
            return new Verdict(false, Set.of(), "exception " + e.getClass().getSimpleName());
        }
    }

    private static JwtConsumer consumer(CorpusEndpoint endpoint) throws Exception {
        JwtConsumerBuilder builder = new JwtConsumerBuilder();
        List<String> defaultAlgorithms = new ArrayList<>();
        if (endpoint.option("secret") != null) {
            if (!"base64".equals(endpoint.option("secretEncoding"))) {
                throw new IllegalArgumentException("corpus secrets are given as base64");
            }
            builder.setVerificationKey(new HmacKey(Base64.getDecoder().decode(endpoint.option("secret"))));
            defaultAlgorithms.add("HS256");
        }
        if (endpoint.option("publicKey") != null) {
            PublicKey key = CorpusKeys.publicKeyPem(CorpusKeys.text(endpoint.option("publicKey").substring("classpath:".length())));
            builder.setVerificationKey(key);
            defaultAlgorithms.add(defaultAlgorithm(key));
        }
        if (endpoint.option("jwks") != null) {
            String json = endpoint.option("jwks");
            JsonWebKeySet set = json.contains("\"keys\"") ? new JsonWebKeySet(json)
                    : new JsonWebKeySet(JsonWebKey.Factory.newJwk(json));
            builder.setVerificationKeyResolver(new JwksVerificationKeyResolver(set.getJsonWebKeys()));
            for (JsonWebKey jwk : set.getJsonWebKeys()) {
                defaultAlgorithms.add(jwk instanceof PublicJsonWebKey pub ? defaultAlgorithm(pub.getPublicKey()) : "HS256");
            }
        }
        if (endpoint.option("decryptionKey") != null) {
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(endpoint.option("decryptionKey"));
            Key key = jwk instanceof PublicJsonWebKey pub ? pub.getPrivateKey() : jwk.getKey();
            builder.setDecryptionKey(key);
        }
        String algorithm = endpoint.option("algorithm");
        String[] algorithms = algorithm != null ? algorithm.split(",") : defaultAlgorithms.toArray(String[]::new);
        builder.setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithms);
        if (endpoint.option("issuer") != null) {
            builder.setExpectedIssuers(true, endpoint.option("issuer").split(","));
        }
        if (endpoint.option("audience") != null) {
            builder.setExpectedAudience(true, endpoint.option("audience").split(","));
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        int skew = endpoint.option("clockSkew") == null ? 60
                : (int) (TimeUtils.toMilliSeconds(endpoint.option("clockSkew")) / 1000);
        builder.setAllowedClockSkewInSeconds(skew);
        if (!"false".equals(endpoint.option("requireExpiration"))) {
            builder.setRequireExpirationTime();
        }
        if (endpoint.option("expectedType") != null) {
            builder.setExpectedType(true, endpoint.option("expectedType"));
        }
        if (endpoint.option("maxAge") != null) {
            int maxAge = (int) (TimeUtils.toMilliSeconds(endpoint.option("maxAge")) / 1000);
            builder.setIssuedAtRestrictions(skew, maxAge + skew);
        }
        String required = endpoint.option("requiredClaims");
        if (required != null && List.of(required.split(",")).contains("sub")) {
            builder.setRequireSubject();
        }
        if (required != null && List.of(required.split(",")).contains("jti")) {
            builder.setRequireJwtId();
        }
        return builder.build();
    }

    /** The component's default algorithm for a key (see docs/keys-and-algorithms.md). */
    private static String defaultAlgorithm(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "RS256";
        }
        if (key instanceof ECPublicKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 384 -> "ES384";
                case 521 -> "ES512";
                default -> "ES256";
            };
        }
        return "EdDSA";
    }

    private static Verdict refused(InvalidJwtException e) {
        Set<JwtFailure> failures = EnumSet.noneOf(JwtFailure.class);
        List<String> codes = new ArrayList<>();
        for (ErrorCodeValidator.Error error : e.getErrorDetails()) {
            codes.add(String.valueOf(error.getErrorCode()));
            JwtFailure failure = failure(error.getErrorCode());
            if (failure != null) {
                failures.add(failure);
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidAlgorithmException) {
                failures.add(JwtFailure.ALGORITHM_NOT_ALLOWED);
            } else if (cause instanceof UnresolvableKeyException) {
                failures.add(JwtFailure.KEY_NOT_FOUND);
            }
        }
        Throwable cause = e.getCause();
        return new Verdict(false, failures, "codes " + codes + (cause == null ? "" : ", " + cause.getClass().getSimpleName()));
    }

    /** jose4j's error code as the failure the component names for the same finding; null where none fits. */
    private static JwtFailure failure(int code) {
        return switch (code) {
            case ErrorCodes.EXPIRED -> JwtFailure.EXPIRED;
            case ErrorCodes.NOT_YET_VALID, ErrorCodes.ISSUED_AT_INVALID_FUTURE -> JwtFailure.NOT_YET_VALID;
            case ErrorCodes.ISSUED_AT_INVALID_PAST -> JwtFailure.TOO_OLD;
            case ErrorCodes.EXPIRATION_MISSING, ErrorCodes.ISSUED_AT_MISSING, ErrorCodes.SUBJECT_MISSING,
                    ErrorCodes.JWT_ID_MISSING -> JwtFailure.CLAIM_MISSING;
            case ErrorCodes.AUDIENCE_MISSING, ErrorCodes.AUDIENCE_INVALID -> JwtFailure.AUDIENCE_MISMATCH;
            case ErrorCodes.ISSUER_MISSING, ErrorCodes.ISSUER_INVALID -> JwtFailure.ISSUER_MISMATCH;
            case ErrorCodes.SIGNATURE_INVALID -> JwtFailure.SIGNATURE_INVALID;
            case ErrorCodes.SIGNATURE_MISSING -> JwtFailure.ALGORITHM_NOT_ALLOWED;
            case ErrorCodes.TYPE_MISSING, ErrorCodes.TYPE_INVALID -> JwtFailure.TYPE_MISMATCH;
            case ErrorCodes.JSON_INVALID, ErrorCodes.MALFORMED_CLAIM -> JwtFailure.MALFORMED;
            default -> null;
        };
    }
}
