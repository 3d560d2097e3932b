package io.cameljwt.examples.cookbook.assertion;

import java.util.Map;

import io.cameljwt.JwtConstants;
import io.cameljwt.examples.OAuthTokens;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 7, a third-party API that wants an access token from its provider, where this client authenticates
 * with a signed JWT instead of a secret ({@code private_key_jwt}, RFC 7523 section 2.2; the client credentials grant).
 * {@code direct:call-reports-api} calls the API with the access token of {@code direct:reports-access-token}, which
 * keeps the token it holds until it expires within {@code reports.refreshBefore}; only then does it sign a new
 * assertion with {@code jwt:generate} ({@code iss} = {@code sub} = the client id, {@code aud} = the token endpoint, a
 * {@code jti}, one minute to live) and post it to the token endpoint. An assertion is never reused: each token request
 * gets a new one with a new {@code jti}, which token endpoints may check against replay (RFC 7523 section 3).
 * <p>
 * Properties: {@code reports.clientId}, {@code reports.clientPrivateKey} (the client's RSA key; the provider holds its
 * public key), {@code reports.clientKeyId}, {@code reports.tokenEndpoint}, {@code reports.scope},
 * {@code reports.refreshBefore}, {@code reports.apiUrl}.
 */
public class ClientAssertionRoutes extends RouteBuilder {

    /** Registry name of the token holder. */
    public static final String TOKENS = "reportsTokens";

    @Override
    public void configure() {
        // the holder of the access token; the client has no secret and no refresh token
        OAuthTokens tokens = new OAuthTokens(setting("reports.clientId"), "");
        bindToRegistry(TOKENS, tokens);

        from("direct:call-reports-api").routeId("reports-api-client")
                .enrich("direct:reports-access-token", (call, token) -> {
                    call.getMessage().setHeader("Authorization", "Bearer " + token.getMessage().getBody(String.class));
                    return call;
                })
                .to("{{reports.apiUrl}}")
                .convertBodyTo(String.class);

        from("direct:reports-access-token").routeId("reports-access-token")
                .setBody(exchange -> tokens.accessToken())
                .choice()
                    .when(body().isNull())
                        .setHeader(JwtConstants.JWT_REFRESH_NEEDED, constant(true))
                    .otherwise()
                        // the client reads its token, the API verifies it
                        .to("jwt:decode?refreshBefore={{reports.refreshBefore}}")
                .end()
                .filter(header(JwtConstants.JWT_REFRESH_NEEDED))
                    .removeHeaders("*") // the token endpoint gets the form and nothing else
                    .setBody(exchange -> Map.of()) // no claims from the message: all come from the URI
                    .to("jwt:generate?privateKey=RAW({{reports.clientPrivateKey}})&keyId={{reports.clientKeyId}}"
                        + "&issuer={{reports.clientId}}&subject={{reports.clientId}}"
                        + "&audience={{reports.tokenEndpoint}}&expiresIn=60s")
                    .setBody(simple("grant_type=client_credentials&scope={{reports.scope}}"
                                    + "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                                    + "&client_assertion=${body}"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/x-www-form-urlencoded"))
                    .to("{{reports.tokenEndpoint}}")
                    .process(exchange -> tokens.refreshed(exchange.getMessage().getBody(String.class)))
                .end()
                .setBody(exchange -> tokens.accessToken());
    }

    private String setting(String name) {
        return getContext().resolvePropertyPlaceholders("{{" + name + "}}");
    }
}
