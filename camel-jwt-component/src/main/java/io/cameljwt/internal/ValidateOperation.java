package io.cameljwt.internal;

import java.time.Instant;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtRevocationUnavailableException;
import io.cameljwt.JwtValidationException;
import io.cameljwt.internal.io.RefreshHint;
import io.cameljwt.internal.io.ResultHeaders;
import io.cameljwt.internal.io.TokenLocator;
import io.cameljwt.internal.io.TokenReadOutputs;
import io.cameljwt.internal.jwe.JweDecrypter;
import io.cameljwt.internal.policy.ClaimsPolicy;
import io.cameljwt.internal.remote.RemoteKeys;
import io.cameljwt.internal.settings.OutputSettings;
import io.cameljwt.internal.settings.PolicySettings;
import io.cameljwt.internal.token.Token;
import io.cameljwt.internal.token.TokenRefusal;
import io.cameljwt.internal.verify.JwsVerifier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jwt:validate}: find the token, verify its signature, check the claims policy, check revocation, write the
 * results. The body is left as it was. {@code jwt:revoke} is the same with another last step.
 */
public final class ValidateOperation implements Processor, AutoCloseable {

    private final TokenLocator locator;
    private final JweDecrypter decrypter;
    private final JwsVerifier verifier;
    private final ClaimsPolicy policy;
    private final String rolesClaim;
    private final boolean failOnInvalid;
    private final Revocation revocation;

    /**
     * The last step, once the signature and every claim passed: validate asks {@code revocationRepository}, revoke
     * adds to it (see {@link io.cameljwt.internal.revocation.RevocationList}). Anything but a refusal is not a verdict
     * on the token, so it is raised even with {@code failOnInvalid=false}.
     */
    @FunctionalInterface
    public interface Revocation {
        Revocation NONE = (token, message) -> {
        };

        void apply(Token token, Message message)
                throws TokenRefusal, JwtRevocationUnavailableException;

        /** Stops what the step runs in the background (revoke's purge of expired entries). */
        default void close() {
        }
    }
    private final RefreshHint refreshHint;
    private final JwtMetrics metrics;
    private final boolean revoke;

    private static final Logger LOG = LoggerFactory.getLogger(ValidateOperation.class);

    /**
     * @param policy    the checks of the claims
     * @param output    where the token is read from, and how the outcome is written
     * @param decrypter opens encrypted tokens before the signed token inside is verified
     * @param metrics   told each outcome: accepted (or revoked, with {@code revoke}) or refused and why
     */
    public ValidateOperation(PolicySettings policy, OutputSettings output, JweDecrypter decrypter, JwsVerifier verifier,
                             Revocation revocation, JwtMetrics metrics, boolean revoke) {
        if (policy.issuers().isEmpty() && policy.audiences().isEmpty()) {
            // RFC 8725 section 3.9: without either, a token the same keys signed for any other service is accepted here
            LOG.warn("A jwt:validate endpoint checks neither 'issuer' nor 'audience': it accepts every token its keys"
                     + " verify, including tokens issued for other services");
        }
        this.locator = new TokenLocator(output.tokenHeader(), output.maxTokenLength());
        this.decrypter = decrypter;
        this.verifier = verifier;
        this.policy = ClaimsPolicy.from(policy);
        this.rolesClaim = output.rolesClaim();
        this.failOnInvalid = output.failOnInvalid();
        this.revocation = revocation;
        this.refreshHint = new RefreshHint(output.refreshBeforeMillis());
        this.metrics = metrics;
        this.revoke = revoke;
    }

    /** The remote keys this operation fetches, for the endpoint's health check; null with configured keys. */
    public RemoteKeys remoteKeys() {
        return verifier.keys() instanceof RemoteKeys remote ? remote : null;
    }

    @Override
    public void close() {
        try {
            verifier.close();
        } finally {
            revocation.close();
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ResultHeaders.clear(message);
        try {
            Token token = verifier.verify(decrypter.unwrap(locator.find(message)));
            Instant now = Instant.now();
            policy.check(token, now);
            revocation.apply(token, message);
            ResultHeaders.write(message, token, true, rolesClaim);
            refreshHint.write(message, token, now);
            message.setHeader(JwtConstants.JWT_VALID, true);
            if (revoke) {
                metrics.onRevoked();
            } else {
                metrics.onAccepted();
            }
        } catch (TokenRefusal refusal) {
            metrics.onRefused(refusal.reason());
            if (failOnInvalid) {
                throw new JwtValidationException(refusal.reason(), refusal.getMessage(), exchange);
            }
            message.setHeader(JwtConstants.JWT_VALID, false);
            message.setHeader(JwtConstants.JWT_ERROR, refusal.reason().name());
            message.setHeader(JwtConstants.JWT_ERROR_MESSAGE, refusal.getMessage());
        } finally {
            // another token's claims, and the caller's request: generate never signs them unasked
            TokenReadOutputs.record(exchange);
        }
    }
}
