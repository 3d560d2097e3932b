package io.cameljwt.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second part of the demonstration: {@link OAuthClientRoutes} keeps its access token fresh. The demo provider's
 * first login gives an access token that expires within {@code oauth.refreshBefore}, so the first call refreshes it
 * before calling the partner API; the second call uses the new token as it is. Logs what happened, never a token.
 */
final class OAuthDemo {

    private static final Logger LOG = LoggerFactory.getLogger("demo");
    /** The life of the first access token: less than oauth.refreshBefore (60s), so the first call refreshes it. */
    static final Duration FIRST_TOKEN_LIFETIME = Duration.ofSeconds(30);

    private final CamelContext context;
    private final OAuthTokens tokens;
    private final List<DemoClient.Step> steps = new ArrayList<>();

    OAuthDemo(CamelContext context) {
        this.context = context;
        this.tokens = context.getRegistry().lookupByNameAndType(OAuthClientRoutes.TOKENS, OAuthTokens.class);
    }

    /** @return every check, in order: each call's status and whether it refreshed the token */
    List<DemoClient.Step> run() throws Exception {
        DemoOAuthProvider provider = context.getRegistry()
                .lookupByNameAndType(OAuthClientRoutes.DEMO_PROVIDER, DemoOAuthProvider.class);
        DemoOAuthProvider.Grant grant = provider.login("reporting-job", FIRST_TOKEN_LIFETIME);
        tokens.hold(grant.accessToken(), grant.refreshToken());
        LOG.info("OAuth login as reporting-job at {} -> an access token for {} s and a refresh token",
                provider.issuerUrl(), FIRST_TOKEN_LIFETIME.toSeconds());

        call("direct:call-partner-api with an access token that expires within oauth.refreshBefore", true);
        call("direct:call-partner-api again", false);
        return steps;
    }

    private void call(String what, boolean refreshExpected) {
        int refreshesBefore = tokens.refreshes();
        int status;
        String answer;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            Exchange exchange = template.send("direct:call-partner-api", e -> {
            });
            Exception failure = exchange.getException();
            if (failure == null) {
                status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
                answer = exchange.getMessage().getBody(String.class);
            } else {
                status = failure instanceof HttpOperationFailedException http ? http.getStatusCode() : 0;
                answer = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean refreshed = tokens.refreshes() > refreshesBefore;
        steps.add(new DemoClient.Step(what + ": status", 200, status));
        steps.add(new DemoClient.Step(what + ": refreshed", refreshExpected ? 1 : 0, refreshed ? 1 : 0));
        String detail = (refreshed ? "token refreshed first, " : "token used as it was, ") + status + " " + answer;
        if (status == 200 && refreshed == refreshExpected) {
            LOG.info("{} -> {}", what, detail);
        } else {
            LOG.warn("{} -> {} (expected {}200)", what, detail, refreshExpected ? "a refresh, then " : "no refresh, ");
        }
    }
}
