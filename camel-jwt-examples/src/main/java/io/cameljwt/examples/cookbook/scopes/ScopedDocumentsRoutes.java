package io.cameljwt.examples.cookbook.scopes;

import java.util.Map;
import java.util.UUID;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.cookbook.restauth.BearerChallenge;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook 20, data-access scopes per operation: a REST resource {@code /documents} (Rest DSL on platform-http) whose
 * operations need the OAuth scope of what they do: {@code GET /documents/{id}} {@code documents:read},
 * {@code POST /documents} {@code documents:write}, {@code DELETE /documents/{id}} {@code documents:delete}. The scopes
 * are read from the claim named by {@code documents.scopeClaim}: {@code scope} (RFC 9068 and RFC 8693: a
 * space-separated string) or {@code scp} (Entra ID: a string; Okta: an array). A token without the scope of the
 * operation is 403 {@code insufficient_scope}; one that is missing or not acceptable is 401 ({@link BearerChallenge}).
 * <p>
 * Properties: {@code idp.publicKey}, {@code idp.issuer}, {@code api.audience}, {@code documents.scopeClaim}.
 */
public class ScopedDocumentsRoutes extends RouteBuilder {

    /** The endpoint that requires a scope: the operation's {@code requiredRoles}, read at {@code rolesClaim}. */
    static String requireScope(String scope) {
        return "jwt:validate?publicKey=RAW({{idp.publicKey}})&issuer=RAW({{idp.issuer}})&audience=RAW({{api.audience}})"
               + "&rolesClaim=RAW({{documents.scopeClaim}})&requiredRoles=" + scope;
    }

    @Override
    public void configure() {
        onException(JwtValidationException.class).handled(true)
                .log(LoggingLevel.WARN,
                        "refused ${header.CamelHttpMethod} ${header.CamelHttpPath}: ${exception.message}")
                .process(new BearerChallenge());

        restConfiguration().component("platform-http");

        rest("/documents")
                .get("/{id}").to("direct:documents-read")
                .post().to("direct:documents-write")
                .delete("/{id}").to("direct:documents-delete");

        from("direct:documents-read").routeId("cookbook-documents-read")
                .to(requireScope("documents:read"))
                .process(e -> HttpJson.respond(e, 200, Map.of(
                        "id", e.getMessage().getHeader("id", String.class),
                        "readBy", subject(e))));

        from("direct:documents-write").routeId("cookbook-documents-write")
                .to(requireScope("documents:write"))
                .process(e -> HttpJson.respond(e, 201, Map.of(
                        "id", UUID.randomUUID().toString(),
                        "createdBy", subject(e))));

        from("direct:documents-delete").routeId("cookbook-documents-delete")
                .to(requireScope("documents:delete"))
                .process(e -> HttpJson.respond(e, 200, Map.of(
                        "deleted", e.getMessage().getHeader("id", String.class),
                        "deletedBy", subject(e))));
    }

    private static String subject(Exchange exchange) {
        return exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class);
    }
}
