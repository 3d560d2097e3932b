package io.cameljwt.examples;

import io.cameljwt.JwtConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A client that calls the partner API with an OAuth access token and keeps that token fresh: before each call,
 * {@code jwt:decode?refreshBefore=...} reads when the held token expires, and when it expires within
 * {@code oauth.refreshBefore} ({@code CamelJwtRefreshNeeded}), the route asks the provider's token endpoint for a new
 * one with the refresh_token grant.
 */
public class OAuthClientRoutes extends RouteBuilder {

    /** Registry names of the token holder and, when started, the demo provider. */
    static final String TOKENS = "oauthTokens";
    static final String DEMO_PROVIDER = "demoOAuthProvider";

    @Override
    public void configure() throws Exception {
        OAuthTokens tokens = new OAuthTokens(setting("oauth.clientId"), setting("oauth.clientSecret"));
        bindToRegistry(TOKENS, tokens);
        if (Boolean.parseBoolean(setting("oauth.demoProvider.enabled"))) {
            // started now, before any route: the partner API fetches the provider's keys as it starts
            DemoOAuthProvider provider = new DemoOAuthProvider(Integer.parseInt(setting("oauth.demoProvider.port")),
                    setting("oauth.clientId"), setting("oauth.audience"));
            getContext().addService(provider, true, true);
            bindToRegistry(DEMO_PROVIDER, provider);
        }

        // the message (its body, its headers) goes to the partner API as it is, with the access token added
        from("direct:call-partner-api").routeId("partner-api-client")
                .enrich("direct:access-token", OAuthClientRoutes::withAccessToken)
                .to("{{oauth.partnerApiUrl}}")
                .convertBodyTo(String.class);

        // the access token to call with: the one held, refreshed first when it expires within oauth.refreshBefore
        from("direct:access-token").routeId("access-token")
                .setBody(exchange -> tokens.accessToken())
                // the client reads its token, it does not verify it: the API it is for does (see PartnerApiRoute)
                .to("jwt:decode?refreshBefore={{oauth.refreshBefore}}")
                .filter(header(JwtConstants.JWT_REFRESH_NEEDED))
                    .log("the access token expires at ${header.CamelJwtExpiresAt}, within ${properties:oauth.refreshBefore}:"
                         + " refreshing it")
                    .removeHeaders("*") // the token endpoint gets the form and nothing else
                    .setBody(exchange -> tokens.refreshRequest())
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/x-www-form-urlencoded"))
                    .to("{{oauth.tokenEndpoint}}")
                    .process(exchange -> tokens.refreshed(exchange.getMessage().getBody(String.class)))
                .end()
                .setBody(exchange -> tokens.accessToken());
    }

    /** enrich: the answer of {@code direct:access-token} is the token; the message itself stays as it was. */
    private static Exchange withAccessToken(Exchange call, Exchange accessToken) {
        call.getMessage().setHeader("Authorization", "Bearer " + accessToken.getMessage().getBody(String.class));
        return call;
    }

    private String setting(String name) {
        return getContext().resolvePropertyPlaceholders("{{" + name + "}}");
    }
}
