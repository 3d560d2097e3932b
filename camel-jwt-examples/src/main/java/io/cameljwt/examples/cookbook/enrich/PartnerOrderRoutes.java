package io.cameljwt.examples.cookbook.enrich;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.cookbook.restauth.BearerChallenge;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook 3, validate another system's token and enrich the message for downstream: a partner posts orders to
 * {@code POST /partner/orders} with a token its own identity provider issued. The route checks it (the partner's
 * public key, issuer and audience, and a {@code tenant} claim), then hands downstream what downstream needs and
 * nothing else: a typed {@link CallerIdentity} in variable {@code caller} for beans, headers {@code X-Caller-Subject}
 * and {@code X-Caller-Tenant} for whatever transport comes next, and the order as it came. The token
 * ({@code Authorization}) and the raw {@code CamelJwt*} headers are removed, so nothing after the check can log or
 * forward the token. {@code direct:order-intake} stands for the downstream; it answers with what it saw.
 * <p>
 * Properties: {@code partner.publicKey}, {@code partner.issuer}, {@code api.audience}.
 */
public class PartnerOrderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .log(LoggingLevel.WARN, "partner order refused: ${exception.message}")
                .process(new BearerChallenge());

        from("platform-http:/partner/orders?httpMethodRestrict=POST").routeId("cookbook-enrich-inbound")
                .to("jwt:validate?publicKey=RAW({{partner.publicKey}})&issuer=RAW({{partner.issuer}})"
                    + "&audience=RAW({{api.audience}})&requiredClaims=tenant")
                .setVariable("caller", method(CallerIdentity.class, "from"))
                .setHeader("X-Caller-Subject", header(JwtConstants.JWT_SUBJECT))
                .setHeader("X-Caller-Tenant", simple("${variable.caller.tenant}"))
                // the token and the raw claims stop here
                .removeHeader("Authorization")
                .removeHeaders("CamelJwt*")
                .to("direct:order-intake");

        from("direct:order-intake").routeId("cookbook-enrich-downstream")
                .bean(OrderIntake.class)
                .process(e -> HttpJson.respond(e, 202, e.getMessage().getBody()));
    }
}
