package io.cameljwt.examples.cookbook;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cameljwt.JwtConstants;
import io.cameljwt.JwtFailure;
import io.cameljwt.JwtValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Cookbook use 10: {@code cookbook/revocation.camel.yaml}, loaded as Camel JBang loads it, over real HTTP: a logout
 * revokes the caller's token, an administrator revokes another user's, and every validate with the same database
 * (also on another node) refuses them as {@code REVOKED}.
 */
class LogoutAndAdminRevocationTest extends IdentityCookbookTestSupport {

    private static final String JDBC_URL = "jdbc:h2:mem:cookbook-revoked;DB_CLOSE_DELAY=-1";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("revocation.publicKey", "classpath:keys/login-public.pem");
        properties.setProperty("revocation.issuer", "https://login.example.test");
        properties.setProperty("revocation.audience", "orders-api");
        properties.setProperty("revocation.jdbcUrl", JDBC_URL);
        return properties;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:cookbook/revocation.camel.yaml");
        // the login's tokens, as POST /login of the examples issues them
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:issue")
                        .to("jwt:generate?privateKey=classpath:keys/login-private.pem&issuer=https://login.example.test"
                            + "&audience=orders-api&expiresIn=15m");
            }
        });
    }

    @Test
    void aTokenIsAcceptedUntilItsHolderLogsOutThenRefusedAsRevoked() throws Exception {
        String token = token("alice", "user");
        assertEquals(200, get("/api/me", token).statusCode());

        HttpResponse<String> logout = postJson("/logout", Map.of(), token);

        assertEquals(200, logout.statusCode());
        assertEquals(Map.of("revoked", part(token, 1).get("jti")), json(logout));
        HttpResponse<String> after = get("/api/me", token);
        assertEquals(401, after.statusCode());
        assertEquals(refusal("REVOKED"), json(after));
    }

    @Test
    void aSecondLogoutWithTheSameTokenSucceeds() throws Exception {
        String token = token("alice", "user");

        assertEquals(200, postJson("/logout", Map.of(), token).statusCode());
        assertEquals(200, postJson("/logout", Map.of(), token).statusCode());
    }

    @Test
    void aForgedTokenIsNotRevokedAndNothingIsStored() throws Exception {
        String token = token("alice", "user");
        String other = token("mallory", "user");
        // alice's header and claims under the signature of another token
        String forged = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        int before = storedIds().size();

        HttpResponse<String> logout = postJson("/logout", Map.of(), forged);

        assertEquals(401, logout.statusCode());
        assertEquals(refusal("SIGNATURE_INVALID"), json(logout));
        assertEquals(before, storedIds().size());
        assertEquals(200, get("/api/me", token).statusCode());
    }

    @Test
    void anAdministratorRevokesAnotherUsersTokenSentAsTheBody() throws Exception {
        String bob = token("bob", "user");
        String admin = token("carol", "admin");

        HttpResponse<String> revoke = post("/admin/revoke", bob, admin);

        assertEquals(200, revoke.statusCode());
        assertEquals(Map.of("revoked", part(bob, 1).get("jti"), "subject", "bob"), json(revoke));
        assertEquals(refusal("REVOKED"), json(get("/api/me", bob)));
        assertEquals(Map.of("subject", "carol"), json(get("/api/me", admin)));
    }

    @Test
    void aUserWithoutTheAdminRoleCannotRevokeAnotherUsersToken() throws Exception {
        String bob = token("bob", "user");

        HttpResponse<String> revoke = post("/admin/revoke", bob, token("alice", "user"));

        assertEquals(403, revoke.statusCode());
        assertEquals(refusal("INSUFFICIENT_ROLES"), json(revoke));
        assertEquals(200, get("/api/me", bob).statusCode());
    }

    @Test
    void theStoreHoldsAnIdOfTheTokenNeverTheTokenItself() throws Exception {
        String token = token("alice", "user");
        List<String> before = storedIds();

        postJson("/logout", Map.of(), token);

        List<String> added = new ArrayList<>(storedIds());
        added.removeAll(before);
        assertEquals(1, added.size());
        assertEquals(61, added.get(0).length());
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertFalse(added.get(0).contains(signature) || added.get(0).contains(token.split("\\.")[1]));
    }

    @Test
    void anotherNodeWithTheSameDatabaseRefusesATokenRevokedHere() throws Exception {
        String token = token("alice", "user");
        postJson("/logout", Map.of(), token);

        // a second node: its own CamelContext and repository, only the database is shared
        try (CamelContext node = new DefaultCamelContext()) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(JDBC_URL);
            node.getRegistry().bind("revokedTokens", new JdbcMessageIdRepository(dataSource, "jwt-revoked"));
            node.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:api").to("jwt:validate?publicKey=classpath:keys/login-public.pem"
                                          + "&issuer=https://login.example.test&audience=orders-api"
                                          + "&revocationRepository=#revokedTokens");
                }
            });
            node.start();
            try (ProducerTemplate producer = node.createProducerTemplate()) {
                Exchange exchange = producer.send("direct:api", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token));

                assertEquals(JwtFailure.REVOKED, assertInstanceOf(JwtValidationException.class, exchange.getException()).getReason());
            }
        }
    }

    private String token(String subject, String role) {
        return template.requestBody("direct:issue", Map.of("sub", subject, "roles", List.of(role)), String.class);
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ids in the revocation table, read as another node or an operator would. */
    private static List<String> storedIds() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(JDBC_URL);
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'jwt-revoked'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
