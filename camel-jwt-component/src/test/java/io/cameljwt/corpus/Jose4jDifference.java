package io.cameljwt.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.cameljwt.JwtFailure;

/**
 * Where the component and jose4j's JwtConsumer, configured alike ({@link Jose4jVerdicts}), disagree on a corpus token
 * on purpose. Each category says which side refuses, and matches the tokens it explains by how they were made (their
 * kind) or by what they are; {@link Jose4jComparisonTest} fails on a disagreement no category explains, and on a
 * category that explains nothing. The rules behind them are in docs/verdict-corpus.md.
 */
enum Jose4jDifference {

    /** The component refuses the endpoint's key at start (weak, misused or mislabelled keys, RSA1_5 and the like). */
    KEY_REFUSED_AT_START(Side.COMPONENT, (e, j) -> e.verdict().equals(VerdictRunner.CONFIGURATION_REFUSED)),

    /** The component trims whitespace around a token found in a header; jose4j is given the text as it is. */
    TRIMMED_INPUT(Side.JOSE4J, (e, j) -> !e.token().equals(e.token().trim())),

    /** Only canonical Base64url (RFC 7515 section 2, RFC 4648 section 3.5); jose4j's decoder skips what it cannot read. */
    CANONICAL_BASE64URL(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && !canonicalCompact(e.token())),

    /** Header and payload must be UTF-8 (RFC 8725 section 3.7); jose4j reads bad bytes as replacement characters. */
    STRICT_UTF8(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && !utf8Parts(e.token())),

    /**
     * Header and payload must be RFC 8259 JSON; jose4j's parser forgives trailing commas, a missing colon, leading
     * zeros, raw control characters in strings and escapes that are not JSON's.
     */
    STRICT_JSON(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && !rfc8259Parts(e.token())),

    /** JSON nested deeper than 64 levels or a number longer than 64 characters is refused before any parser runs. */
    JSON_LIMITS(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && kind(e, "/(payload|header)/(depth|number)/")),

    /** Tokens over {@code maxTokenLength} (default 16384 characters) are refused unread; jose4j has no such bound. */
    TOKEN_LENGTH(Side.COMPONENT, (e, j) -> is(e, JwtFailure.TOO_LARGE)),

    /** Any {@code crit} and any {@code b64} is refused (RFC 7515 section 4.1.11, RFC 7797); jose4j knows b64. */
    CRIT_AND_B64(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && kind(e, "/header/(crit|b64)/")),

    /** A {@code kid} that is not a string is MALFORMED; jose4j ignores it next to a single configured key. */
    HEADER_MEMBER_TYPES(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && kind(e, "/header/kid/")),

    /** {@code exp}, {@code nbf}, {@code iat} outside the range of {@code Instant} are MALFORMED, not far away. */
    NUMERIC_DATE_RANGE(Side.COMPONENT, (e, j) -> is(e, JwtFailure.MALFORMED) && kind(e, "/claim-type/(exp|nbf|iat)/")),

    /** An {@code iat} in the future (beyond clockSkew) is NOT_YET_VALID; jose4j checks iat only when told to. */
    IAT_IN_FUTURE(Side.COMPONENT, (e, j) -> is(e, JwtFailure.NOT_YET_VALID) && kind(e, "/(claim-type/iat|time/iat-future)")),

    /** Checks jose4j has no option for: {@code claim.NAME}, {@code requiredRoles}, {@code maxAge} without iat. */
    COMPONENT_ONLY_CHECKS(Side.COMPONENT, (e, j) -> kind(e, "^policy/(strict|lenient|max-age)/")
                                                     && (is(e, JwtFailure.INSUFFICIENT_ROLES)
                                                         || is(e, JwtFailure.CLAIM_MISMATCH)
                                                         || is(e, JwtFailure.CLAIM_MISSING))),

    /**
     * The component reads a registered claim's type only where a check uses it; jose4j refuses an {@code iss},
     * {@code sub}, {@code jti} or {@code aud} of another JSON type even when nothing asks for it.
     */
    UNCHECKED_CLAIM_TYPES(Side.JOSE4J, (e, j) -> kind(e, "/claim-type/(iss|sub|jti|aud)/")
                                                  && j.failures().contains(JwtFailure.MALFORMED)),

    /** {@code cty: JWT} in a signed token's header means nothing to the component; jose4j expects a nested JWT inside. */
    NESTED_CONTENT_TYPE(Side.JOSE4J, (e, j) -> kind(e, "/header/cty/jwt$")),

    /**
     * Both refuse, for different first reasons: the component checks form, algorithm and key, signature, then the
     * payload and its claims, and names the first failure; jose4j parses the payload before it verifies the
     * signature and names claims it cannot read MALFORMED_CLAIM.
     */
    OTHER_FIRST_REASON(Side.BOTH, (e, j) -> !e.verdict().equals(VerdictRunner.ACCEPTED) && !j.accepted());

    /** Which side refuses the tokens of a category. */
    enum Side {
        COMPONENT, JOSE4J, BOTH
    }

    /**
     * Jackson with its defaults reads RFC 8259 and nothing more; its bounds are lifted here, so that what is deeper or
     * longer than the component allows still counts as JSON (and as a {@link #JSON_LIMITS} difference).
     */
    private static final JsonFactory RFC_8259 = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private final Side refusedBy;
    private final BiPredicate<CorpusEntry, Jose4jVerdicts.Verdict> matches;

    Jose4jDifference(Side refusedBy, BiPredicate<CorpusEntry, Jose4jVerdicts.Verdict> matches) {
        this.refusedBy = refusedBy;
        this.matches = matches;
    }

    /**
     * The category that explains why jose4j does not agree with the recorded verdict, or null. A category never
     * explains a token accepted by the side it says refuses.
     */
    static Jose4jDifference of(CorpusEntry entry, Jose4jVerdicts.Verdict jose4j) {
        for (Jose4jDifference difference : values()) {
            if (difference.matches.test(entry, jose4j) && difference.refusedByTheRightSide(entry, jose4j)) {
                return difference;
            }
        }
        return null;
    }

    private boolean refusedByTheRightSide(CorpusEntry entry, Jose4jVerdicts.Verdict jose4j) {
        boolean componentRefuses = !entry.verdict().equals(VerdictRunner.ACCEPTED);
        return switch (refusedBy) {
            case COMPONENT -> componentRefuses;
            case JOSE4J -> !jose4j.accepted();
            case BOTH -> componentRefuses && !jose4j.accepted();
        };
    }

    private static boolean is(CorpusEntry entry, JwtFailure failure) {
        return entry.verdict().equals(failure.name());
    }

    private static boolean kind(CorpusEntry entry, String regex) {
        return Pattern.compile(regex).matcher(entry.kind()).find();
    }

    /** Three or more parts, each only of Base64url characters, with a possible length and zero unused bits. */
    static boolean canonicalCompact(String token) {
        for (String part : token.split("\\.", -1)) {
            if (!part.matches("[A-Za-z0-9_-]*") || part.length() % 4 == 1) {
                return false;
            }
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the header and payload of a canonical token are UTF-8 text (true when they cannot be decoded at all). */
    private static boolean utf8Parts(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2 || !canonicalCompact(token)) {
            return true;
        }
        for (int i = 0; i < 2; i++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts[i])));
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the header and payload of a canonical token are each one RFC 8259 JSON text (true when they cannot be
     * read as UTF-8 at all: that is another difference). Member names may repeat, as RFC 8259 allows.
     */
    private static boolean rfc8259Parts(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2 || !canonicalCompact(token) || !utf8Parts(token)) {
            return true;
        }
        for (int i = 0; i < 2; i++) {
            try (JsonParser parser = RFC_8259.createParser(Base64.getUrlDecoder().decode(parts[i]))) {
                if (parser.nextToken() == null) {
                    return false; // no value at all
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    return false; // a second value after the first
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
