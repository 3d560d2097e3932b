package io.cameljwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two CamelContexts, as two nodes of a cluster, share revocations through one database: each has its own camel-sql
 * {@code JdbcMessageIdRepository} and its own data source on one H2 in-memory database, whose table is made with the
 * DDL of docs/revocation.md. Node A runs that page's Java recipe (with its REST error mapping), node B its YAML
 * recipe, loaded from the page itself ({@code platform-http:/x} turned into {@code direct:x}). Both revoke routes purge
 * the table of expired tokens, every second here.
 */
class RevocationClusterTest {

    private static final Path PAGE = Path.of("../docs/revocation.md");
    private static final String ISSUER = "https://login.example.com";
    private static final PrivateKey SIGNING_KEY = TestKeys.keyPair("rsa").getPrivate();

    /** A data source that can be taken down, as a database that stops answering. */
    static final class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean down;

        SwitchableDataSource(String url) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            setTargetDataSource(h2);
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            check();
            return super.getConnection(user, password);
        }

        private void check() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused");
            }
        }
    }

    private String url;
    private final List<SwitchableDataSource> dataSources = new ArrayList<>();
    private CamelContext nodeA;
    private CamelContext nodeB;
    private ProducerTemplate a;
    private ProducerTemplate b;

    @BeforeEach
    void startTwoNodes() throws Exception {
        String page = Files.readString(PAGE);
        url = "jdbc:h2:mem:revocation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String ddl : block(page, "sql", "CREATE TABLE").split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }

        nodeA = node();
        // the Java recipe of the page
        JdbcMessageIdRepository revokedTokens = new JdbcMessageIdRepository(
                nodeA.getRegistry().lookupByNameAndType("dataSource", SwitchableDataSource.class), "jwt-revoked");
        revokedTokens.setCreateTableIfNotExists(false);
        nodeA.getRegistry().bind("revokedTokens", revokedTokens);
        String keys = "publicKey={{jwt.publicKey}}&issuer=" + ISSUER + "&revocationRepository=#revokedTokens";
        nodeA.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(JwtValidationException.class)
                        .handled(true)
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${exception.httpStatus()}"))
                        .setBody(simple("${exception.reason}"));
                onException(JwtRevocationUnavailableException.class)
                        .handled(true)
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${exception.httpStatus()}"))
                        .setBody(constant("UNAVAILABLE"));

                from("direct:logout").to("jwt:revoke?" + keys).setBody(constant("logged out"));
                from("direct:api/orders").to("jwt:validate?" + keys).setBody(constant("orders"));
            }
        });

        nodeB = node();
        // node B's failures come back on the exchange, unlogged (node A maps them to HTTP answers)
        nodeB.getCamelContextExtension().setErrorHandlerFactory(new NoErrorHandlerBuilder());
        String yaml = block(page, "yaml", "JdbcMessageIdRepository").replace("platform-http:/", "direct:");
        PluginHelper.getRoutesLoader(nodeB).loadRoutes(ResourceHelper.fromString("revocation.yaml", yaml));
        nodeB.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list-orders").setBody(constant("orders"));
            }
        });

        nodeA.start();
        nodeB.start();
        a = nodeA.createProducerTemplate();
        b = nodeB.createProducerTemplate();
    }

    private CamelContext node() {
        SwitchableDataSource dataSource = new SwitchableDataSource(url);
        dataSources.add(dataSource);
        CamelContext node = new DefaultCamelContext();
        // on the component, as the page's routes set neither: a purge every second, and tokens that expire on time
        JwtConfiguration jwt = node.getComponent("jwt", JwtComponent.class).getConfiguration();
        jwt.setRevocationPurgeInterval(1000);
        jwt.setClockSkew(0);
        node.getRegistry().bind("dataSource", dataSource);
        Properties properties = new Properties();
        properties.put("jwt.publicKey", "classpath:keys/rsa-public.pem");
        node.getPropertiesComponent().setInitialProperties(properties);
        return node;
    }

    @AfterEach
    void stopNodesAndDropTheDatabase() throws SQLException {
        if (nodeA != null) {
            nodeA.stop();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    // --- the cluster -------------------------------------------------------------------------------------------------

    @Test
    void tokenRevokedOnOneNodeIsRefusedOnTheOther() {
        String first = token();
        String second = token();
        assertAccepted(b, first);

        assertEquals("logged out", call(a, "direct:logout", first).getMessage().getBody());

        assertRefusedAsRevoked(b, first);
        assertEquals(401, call(a, "direct:api/orders", first).getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertAccepted(a, second);
        assertAccepted(b, second);

        assertEquals("logged out", call(b, "direct:logout", second).getMessage().getBody());

        Exchange refusedOnA = call(a, "direct:api/orders", second);
        assertEquals(401, refusedOnA.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("REVOKED", refusedOnA.getMessage().getBody(String.class));
    }

    @Test
    void tokenRevokedOnBothNodesIsOneRowKeyedWithoutTheToken() throws SQLException {
        String token = token();
        call(a, "direct:logout", token);
        assertNull(call(b, "direct:logout", token).getException(), "revoking again, on another node, is no error");

        List<String> rows = rows("SELECT processorName, messageId FROM CAMEL_MESSAGEPROCESSED");
        assertEquals(1, rows.size(), rows::toString);
        String[] row = rows.get(0).split(" ");
        assertEquals("jwt-revoked", row[0]);
        assertTrue(row[1].matches("\\d{13}:jti:[A-Za-z0-9_-]{43}"), row[1]);
        for (String part : Tokens.parts(token)) {
            assertFalse(row[1].contains(part), "the row holds a part of the token");
        }
    }

    @Test
    void rowOfARevokedTokenIsPurgedOnceTheTokenExpiredAndTheOtherRowsStay() throws Exception {
        String longLived = token();
        call(a, "direct:logout", longLived);
        // made once the routes have served a first message, so it is still valid when it reaches them
        String shortLived = token(Tokens.now() + 3);
        assertNull(call(b, "direct:logout", shortLived).getException());
        assertEquals(2, rows("SELECT messageId FROM CAMEL_MESSAGEPROCESSED").size());
        assertEquals("REVOKED", call(a, "direct:api/orders", shortLived).getMessage().getBody(String.class));

        RevocationTest.waitUntil(() -> rowCount() == 1, "the row of the expired token is purged");

        Exchange expired = call(a, "direct:api/orders", shortLived);
        assertEquals(401, expired.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("EXPIRED", expired.getMessage().getBody(String.class));
        assertRefusedAsRevoked(b, longLived);
    }

    // --- a database that is down -------------------------------------------------------------------------------------

    @Test
    void databaseDownRefusesTokensOnEveryNodeAsUnavailableNotAsInvalid() {
        String token = token();
        dataSources.forEach(d -> d.down = true);

        Exchange onA = call(a, "direct:api/orders", token);
        assertEquals(503, onA.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("UNAVAILABLE", onA.getMessage().getBody(String.class));
        JwtRevocationUnavailableException onB
                = assertInstanceOf(JwtRevocationUnavailableException.class, call(b, "direct:api/orders", token).getException());
        assertTrue(onB.getMessage().startsWith("The revocationRepository ("), onB.getMessage());
        assertEquals(503, call(a, "direct:logout", token).getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));

        dataSources.forEach(d -> d.down = false);

        assertAccepted(a, token);
        assertAccepted(b, token);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static String token() {
        return token(Tokens.now() + 3600);
    }

    private static String token(long exp) {
        return Tokens.sign(Tokens.json(Tokens.header("RS256")),
                Tokens.json(validClaims("iss", ISSUER, "jti", UUID.randomUUID().toString(), "exp", exp)), "RS256",
                SIGNING_KEY);
    }

    private static Exchange call(ProducerTemplate node, String uri, String token) {
        return node.request(uri, e -> e.getMessage().setHeader("Authorization", "Bearer " + token));
    }

    private static void assertAccepted(ProducerTemplate node, String token) {
        Exchange result = call(node, "direct:api/orders", token);
        assertNull(result.getException());
        assertNull(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("orders", result.getMessage().getBody(String.class));
    }

    private static void assertRefusedAsRevoked(ProducerTemplate node, String token) {
        JwtValidationException e = assertInstanceOf(JwtValidationException.class,
                call(node, "direct:api/orders", token).getException());
        assertEquals(JwtFailure.REVOKED, e.getReason());
    }

    private int rowCount() {
        try {
            return rows("SELECT messageId FROM CAMEL_MESSAGEPROCESSED").size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The first fenced block of this language that contains the marker. */
    private static String block(String markdown, String language, String marker) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            if (m.group(1).contains(marker)) {
                return m.group(1);
            }
        }
        throw new AssertionError("docs/revocation.md has no " + language + " block with " + marker);
    }
}
