package io.cameljwt;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateValidateSmokeTest extends CamelTestSupport {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("jwt:generate?secret=" + SECRET + "&issuer=me&claim.tenant=acme");
                from("direct:validate").to("jwt:validate?secret=" + SECRET + "&issuer=me&claim.tenant=acme&requiredRoles=admin");
            }
        };
    }

    @Test
    void tokenFromGenerateValidates() {
        String token = template.requestBody("direct:generate", Map.of("sub", "alice", "roles", List.of("admin")), String.class);
        Exchange result = template.request("direct:validate", e -> e.getMessage().setHeader("Authorization", "Bearer " + token));
        assertEquals("alice", result.getMessage().getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(List.of("admin"), result.getMessage().getHeader(JwtConstants.JWT_ROLES));
        assertEquals(Boolean.TRUE, result.getMessage().getHeader(JwtConstants.JWT_VERIFIED));
    }

    @Test
    void missingRoleIsRefusedWith403() {
        String token = template.requestBody("direct:generate", Map.of("sub", "bob"), String.class);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:validate", null, JwtConstants.JWT_TOKEN, token));
        JwtValidationException cause = assertInstanceOf(JwtValidationException.class, e.getCause());
        assertEquals(JwtFailure.INSUFFICIENT_ROLES, cause.getReason());
        assertEquals(403, cause.httpStatus());
        assertTrue(!cause.getMessage().contains(token));
    }
}
