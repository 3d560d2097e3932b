package io.cameljwt.examples.cookbook.audit;

import io.cameljwt.JwtValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 14, audit logging: {@code GET /api/reports} behind {@code jwt:validate}, and one JSON line per request,
 * accepted or refused, appended to {@code {{audit.dir}}/audit.jsonl} (one record a line, as log shippers read them).
 * The line holds the verified claims or the {@code JwtFailure} ({@link AuditLine}), never the token.
 */
public class AuditedApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .setVariable("auditLine", method(AuditLine.class, "refused"))
                .to("direct:audit")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${exception.httpStatus()}"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(simple("{\"error\":\"${exception.reason}\"}"));

        from("platform-http:/api/reports?httpMethodRestrict=GET").routeId("cookbook-audited-reports")
                .to("jwt:validate?publicKey=RAW({{audit.publicKey}})&issuer={{audit.issuer}}&audience={{audit.audience}}"
                    + "&requiredRoles=reports")
                .setVariable("auditLine", method(AuditLine.class, "accepted"))
                .to("direct:audit")
                // platform-http sends the message's headers back: only the answer's own go out
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(simple("{\"reports\":[\"2026-Q3\",\"2026-Q4\"]}"));

        // the file is opened, appended to and closed for each line: several routes (or instances) may write to it
        from("direct:audit").routeId("cookbook-audit-writer")
                .setBody(variable("auditLine"))
                .to("file:{{audit.dir}}?fileName=audit.jsonl&fileExist=Append");
    }
}
