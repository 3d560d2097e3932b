package io.cameljwt;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The XML DSL API route of docs/xml-dsl.md answers the refusals as the page says: 401 with
 * {@code WWW-Authenticate: Bearer}, 403 without it (DocsRoutesTest runs its accepted path).
 */
class XmlDslDocsTest extends CamelTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        return DocsRoutesTest.properties();
    }

    @Test
    void theApiRouteAnswers401WithWwwAuthenticateAnd403WithoutIt() throws Exception {
        String xml = DocsBlocks.of("xml").stream()
                .filter(b -> b.page().equals("xml-dsl.md") && b.text().contains("platform-http:/api/orders")
                             && b.text().contains("onException"))
                .findFirst().orElseThrow().text();
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.fromString("api.xml", xml.replace("platform-http:/", "direct:")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").setBody(constant("orders"));
                from("direct:token").to("jwt:generate?privateKey=RAW({{jwt.privateKey}})"
                                        + "&issuer=https://login.example.com&audience=orders-api");
            }
        });

        Exchange missing = template.request("direct:api/orders", e -> e.getMessage().setBody(""));
        assertEquals(401, missing.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("Bearer", missing.getMessage().getHeader("WWW-Authenticate"));
        assertEquals("TOKEN_MISSING", missing.getMessage().getBody(String.class));

        String userToken = template.requestBody("direct:token", Map.of("sub", "alice", "roles", List.of("user")),
                String.class);
        Exchange forbidden = template.request("direct:api/orders",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + userToken));
        assertEquals(403, forbidden.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertNull(forbidden.getMessage().getHeader("WWW-Authenticate"));
        assertEquals("INSUFFICIENT_ROLES", forbidden.getMessage().getBody(String.class));

        String customerToken = template.requestBody("direct:token",
                Map.of("sub", "alice", "roles", List.of("customer")), String.class);
        Exchange accepted = template.request("direct:api/orders",
                e -> e.getMessage().setHeader("Authorization", "Bearer " + customerToken));
        assertNull(accepted.getException());
        assertEquals("orders", accepted.getMessage().getBody(String.class));
        assertNull(accepted.getMessage().getHeader("Authorization"), "the route removes the token");
    }
}
