package io.cameljwt.corpus;

/**
 * One token of the verdict corpus.
 *
 * @param id       a stable number, for messages
 * @param endpoint the name of the {@link CorpusEndpoint} that validates it
 * @param kind     how the token was made, e.g. {@code ES256/claim-type/exp/string} or
 *                 {@code wycheproof/json_web_signature/tcId-12/rejectsModifiedPayload/invalid}
 * @param token    the token exactly as sent in header {@code CamelJwtToken}
 * @param verdict  {@link VerdictRunner#ACCEPTED}, a {@code JwtFailure} name, or
 *                 {@link VerdictRunner#CONFIGURATION_REFUSED} when the endpoint does not start
 */
record CorpusEntry(String id, String endpoint, String kind, String token, String verdict) {

    CorpusEntry withVerdict(String newVerdict) {
        return new CorpusEntry(id, endpoint, kind, token, newVerdict);
    }

    /** For messages: everything but the token. */
    String describe() {
        return id + " [" + endpoint + "] " + kind;
    }
}
