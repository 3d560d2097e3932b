package io.cameljwt;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectEndpoint;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.component.stub.StubEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.now;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code yaml} and {@code xml} block of every page of {@code docs/} (and {@code [source,yaml|xml]} block of an
 * AsciiDoc page) is loaded as Camel routes, in a CamelContext of its own with the properties and beans the docs
 * assume, and started; then a message goes through every route that calls a {@code jwt:} endpoint, made for the
 * first one it calls (claims for generate, a token that meets the endpoint's checks for validate and revoke, a token
 * for decode), and every {@code jwt:} call must succeed. Components the tests do not have ({@code platform-http},
 * {@code kafka}, {@code https}, ...) are stubs; a {@code direct:} endpoint no route of the block consumes goes to a
 * mock, standing for the user's own route.
 *
 * <p>A block that is not a route is recognised, never skipped silently: a Maven snippet by its root element, a
 * Spring Boot / Quarkus {@code application.yaml} by its root key, anything else by a marker comment on the line
 * above it, {@code <!-- not-a-route: why -->}; a route that cannot run in a test by {@code <!-- not-run: why -->}
 * (reported as skipped, with the reason).
 */
class DocsRoutesTest {

    /** Holds '+', '/', '&' and '=', which a URI mangles without RAW(). */
    static final String SECRET = "a+secret/with&special=characters-0123456789";

    private static final Pattern MAVEN_ROOT = Pattern.compile(
            "^\\s*(<!--.*?-->\\s*)*<(dependency|dependencies|dependencyManagement|plugin|plugins|project|parent)[\\s>]",
            Pattern.DOTALL);
    private static final Pattern APPLICATION_YAML_ROOT = Pattern.compile(
            "^(#[^\\n]*\\n|\\s*\\n)*(camel|spring|quarkus|server|management|logging):", Pattern.DOTALL);
    private static final List<String> FAMILIES = List.of("rsa", "ec256", "ec384", "ec521", "ed25519");

    private CamelContext context;

    /** The calls of jwt: endpoints since the last clear: operation, and the failure if any. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    static Stream<DocsBlocks.Block> routeBlocks() {
        return DocsBlocks.of("yaml", "xml").stream();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void theDocsHaveYamlAndXmlRoutesToLoad() {
        List<DocsBlocks.Block> blocks = DocsBlocks.of("yaml", "xml");
        assertTrue(blocks.stream().filter(b -> b.language().equals("xml")).anyMatch(b -> b.text().contains("jwt:")),
                "no XML DSL route in docs/");
        assertTrue(blocks.stream().filter(b -> b.language().equals("yaml")).count() > 10, "docs/ lost its YAML routes");
    }

    /** What docs/xml-dsl.md says: in XML, options are separated by {@code &amp;}; a bare {@code &} is no XML. */
    @Test
    void anXmlRouteWithABareAmpersandBetweenOptionsDoesNotLoad() throws Exception {
        String route = "<routes xmlns=\"http://camel.apache.org/schema/xml-io\"><route><from uri=\"direct:login\"/>"
                       + "<to uri=\"jwt:generate?secret=RAW({{jwt.secret}})%sissuer=https://login.example.com\"/>"
                       + "</route></routes>";
        context = newContext();
        assertThrows(Exception.class, () -> PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.fromString("bare.xml", route.formatted("&"))));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("escaped.xml", route.formatted("&amp;")));
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            assertEquals(3, template.requestBody("direct:login", Map.of("sub", "alice"), String.class).split("\\.").length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeBlocks")
    void everyDocsBlockLoadsStartsAndRunsItsJwtEndpoints(DocsBlocks.Block block) throws Exception {
        if (block.marker() != null) {
            assertFalse(block.reason().isBlank(), block.where() + ": the marker " + block.marker() + " needs a reason");
            switch (block.marker()) {
                case "not-a-route" -> {
                    return;
                }
                case "not-run" -> Assumptions.abort(block.where() + " is not run: " + block.reason());
                default -> fail(block.where() + ": unknown marker '" + block.marker()
                                + "' (not-a-route or not-run, with a reason)");
            }
        }
        if (block.language().equals("xml") && MAVEN_ROOT.matcher(block.text()).find()
                || block.language().equals("yaml") && APPLICATION_YAML_ROOT.matcher(block.text()).find()) {
            return;
        }

        context = newContext();
        try {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.fromString(block.page().replace('.', '-') + "-" + block.line() + "." + block.language(), block.text()));
            addDownstreamMocks();
            context.start();
        } catch (Exception e) {
            throw new AssertionError(block.where() + " does not load and start as Camel routes (a block that is not a "
                                     + "route needs <!-- not-a-route: why --> on the line above): " + e, e);
        }
        // YAML that is not a route (a Prometheus rule file, say) can load as nothing at all
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        assertFalse(model.getRouteDefinitions().isEmpty() && model.getRouteConfigurationDefinitions().isEmpty()
                    && model.getCustomBeans().isEmpty(),
                block.where() + " defines no route, route configuration or bean (a block that is not a route needs "
                                     + "<!-- not-a-route: why --> on the line above)");

        for (Route route : List.copyOf(context.getRoutes())) {
            RouteDefinition definition = ((ModelCamelContext) context).getRouteDefinition(route.getRouteId());
            List<JwtEndpoint> jwt = jwtEndpoints(definition);
            if (!jwt.isEmpty()) {
                run(block, route, jwt.get(0));
            }
        }
    }

    /** Sends one message made for {@code first} through the route and checks every jwt: call it made. */
    private void run(DocsBlocks.Block block, Route route, JwtEndpoint first) throws Exception {
        String where = block.where() + ", route " + route.getEndpoint().getEndpointBaseUri();
        Endpoint from = route.getEndpoint();
        assertTrue(from instanceof DirectEndpoint || from instanceof StubEndpoint,
                where + ": DocsRoutesTest cannot send to this route's consumer (extend it, or mark the block)");
        JwtConfiguration config = first.getConfiguration();
        boolean remote = config.getJwksUri() != null || config.getIssuerUri() != null;

        Map<String, Object> headers = new LinkedHashMap<>();
        Object body = null;
        switch (first.getOperation()) {
            case generate -> body = new LinkedHashMap<>(Map.of("sub", "alice", "roles", List.of("customer")));
            case decode -> headers.put(config.getTokenHeader(), bearer(config, hs256(validClaims())));
            case validate, revoke -> headers.put(config.getTokenHeader(),
                    bearer(config, remote ? remoteToken(config) : tokenFor(where, config)));
            case jwks -> body = null;
        }

        calls.clear();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(route.getRouteId()).whenDone(1).create();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            Object payload = body;
            template.send(from, e -> {
                e.getMessage().setBody(payload);
                e.getMessage().setHeaders(headers);
            });
        }
        assertTrue(done.matches(30, TimeUnit.SECONDS), where + ": the message did not complete");
        assertFalse(calls.isEmpty(), where + ": the message reached no jwt: endpoint");
        // keys from an IdP the test cannot reach: the endpoint runs and says so
        List<String> expected = List.of(first.getOperation() + (remote ? " KEYS_UNAVAILABLE" : " ok"));
        assertEquals(expected, calls.subList(0, 1), where + ": the first jwt: call");
        for (String call : calls.subList(1, calls.size())) {
            assertTrue(call.endsWith(" ok"), where + ": a later jwt: call failed: " + call);
        }
    }

    /** A token that passes the endpoint's claim checks, for keys the endpoint cannot fetch. */
    private static String remoteToken(JwtConfiguration config) {
        Map<String, Object> claims = validClaims();
        String issuer = config.getIssuer() != null ? first(config.getIssuer()) : config.getIssuerUri();
        if (issuer != null) {
            claims.put("iss", issuer);
        }
        if (config.getAudience() != null) {
            claims.put("aud", first(config.getAudience()));
        }
        return Tokens.rs256(claims);
    }

    private static String bearer(JwtConfiguration config, String token) {
        return "Authorization".equalsIgnoreCase(config.getTokenHeader()) ? "Bearer " + token : token;
    }

    /**
     * A token that the validate (or revoke) endpoint of this configuration accepts, made by a jwt:generate endpoint of
     * the same context: signed with the private half of its key, its first issuer and audience, its required roles,
     * claims and type, encrypted for its decryption key.
     */
    private String tokenFor(String where, JwtConfiguration config) {
        StringBuilder uri = new StringBuilder("jwt:generate?");
        if (config.getSecret() != null) {
            uri.append("secret=RAW(").append(config.getSecret()).append(")&secretEncoding=")
                    .append(config.getSecretEncoding());
        } else if (config.getPublicKey() != null) {
            uri.append("privateKey=classpath:keys/").append(family(where, config.getPublicKey(), "public", "cert"))
                    .append("-pkcs8.pem");
        } else if (config.getPrivateKey() != null) {
            uri.append("privateKey=RAW(").append(config.getPrivateKey()).append(")");
        } else {
            fail(where + ": DocsRoutesTest cannot sign a token for this endpoint's keys (extend tokenFor)");
        }
        if (config.getAlgorithm() != null) {
            uri.append("&algorithm=").append(first(config.getAlgorithm()));
        }
        if (config.getIssuer() != null) {
            uri.append("&issuer=RAW(").append(first(config.getIssuer())).append(")");
        }
        if (config.getAudience() != null) {
            uri.append("&audience=RAW(").append(first(config.getAudience())).append(")");
        }
        if (config.getExpectedType() != null) {
            uri.append("&type=RAW(").append(config.getExpectedType()).append(")");
        }
        if (config.getDecryptionKey() != null) {
            uri.append("&encryptionKey=classpath:keys/")
                    .append(family(where, config.getDecryptionKey(), "pkcs8", "sec1", "pkcs1")).append("-public.pem");
        }

        Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", "alice"));
        if (config.getRequiredRoles() != null) {
            put(claims, config.getRolesClaim(), List.of(config.getRequiredRoles().split("\\s*,\\s*")));
        }
        if (config.getRequiredClaims() != null) {
            for (String name : config.getRequiredClaims().split("\\s*,\\s*")) {
                put(claims, name, "present");
            }
        }
        if (config.getClaims() != null) {
            config.getClaims().forEach((name, value) -> put(claims, name, value));
        }
        try (ProducerTemplate template = context.createProducerTemplate()) {
            return template.requestBody(uri.toString(), claims, String.class);
        } catch (Exception e) {
            throw new AssertionError(where + ": could not make a token for the endpoint: " + e, e);
        }
    }

    /** Puts a value at a dotted path ({@code realm_access.roles}), making the objects on the way. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> claims, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> at = claims;
        for (int i = 0; i < names.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(names[i], n -> new LinkedHashMap<>());
        }
        at.put(names[names.length - 1], value);
    }

    private static String first(String commaList) {
        return commaList.split("\\s*,\\s*")[0];
    }

    /** The test key family (keys/FAMILY-FORM.pem) whose file, in one of these forms, holds this key text. */
    private static String family(String where, String key, String... forms) {
        String text = key.startsWith("classpath:") ? TestKeys.text(key.substring("classpath:".length())) : key;
        String wanted = text.replaceAll("\\s", "");
        for (String family : FAMILIES) {
            for (String form : forms) {
                String file = "keys/" + family + "-" + form + ".pem";
                if (TestKeys.class.getClassLoader().getResource(file) != null
                        && TestKeys.text(file).replaceAll("\\s", "").equals(wanted)) {
                    return family;
                }
            }
        }
        return fail(where + ": a key that is none of the test keys of src/test/resources/keys");
    }

    /** The jwt: endpoints the route sends to, in the order of the route. */
    private List<JwtEndpoint> jwtEndpoints(RouteDefinition definition) {
        List<JwtEndpoint> endpoints = new ArrayList<>();
        for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(definition.getOutputs(), ToDefinition.class)) {
            if (to.getEndpointUri().startsWith("jwt:")) {
                endpoints.add((JwtEndpoint) context.getEndpoint(to.getEndpointUri()));
            }
        }
        return endpoints;
    }

    /** A route to a mock for every direct: endpoint that the block sends to and no route of it consumes. */
    private void addDownstreamMocks() throws Exception {
        Collection<RouteDefinition> routes = ((ModelCamelContext) context).getRouteDefinitions();
        Set<String> consumed = new LinkedHashSet<>();
        Set<String> sent = new LinkedHashSet<>();
        for (RouteDefinition route : routes) {
            consumed.add(route.getInput().getEndpointUri().split("\\?")[0]);
            for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class)) {
                if (to.getEndpointUri().startsWith("direct:")) {
                    sent.add(to.getEndpointUri().split("\\?")[0]);
                }
            }
        }
        sent.removeAll(consumed);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String uri : sent) {
                    from(uri).to("mock:downstream-" + uri.substring("direct:".length()).replaceAll("\\W", "-"));
                }
            }
        });
    }

    private CamelContext newContext() throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        // a component the test class path does not have (platform-http, kafka, https, ...) is a stub
        DefaultComponentResolver resolver = new DefaultComponentResolver();
        camel.getCamelContextExtension().addContextPlugin(ComponentResolver.class, (name, ctx) -> {
            Component found = resolver.resolveComponent(name, ctx);
            return found != null ? found : new StubComponent();
        });
        camel.getPropertiesComponent().setInitialProperties(properties());
        camel.getRegistry().bind("dataSource", dataSource());
        camel.setVariable("global:accessToken", hs256(validClaims("exp", now() + 3600)));
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint() instanceof JwtEndpoint;
            }

            @Override
            public void notify(CamelEvent event) {
                CamelEvent.ExchangeSentEvent sent = (CamelEvent.ExchangeSentEvent) event;
                calls.add(((JwtEndpoint) sent.getEndpoint()).getOperation() + " " + outcome(sent.getExchange()));
            }
        });
        return camel;
    }

    private static String outcome(Exchange exchange) {
        if (exchange.getException() instanceof JwtValidationException e) {
            return e.getReason().name();
        }
        if (exchange.getException() != null) {
            return exchange.getException().toString();
        }
        Object error = exchange.getMessage().getHeader(JwtConstants.JWT_ERROR);
        return Boolean.FALSE.equals(exchange.getMessage().getHeader(JwtConstants.JWT_VALID)) ? String.valueOf(error) : "ok";
    }

    /** The properties the docs' routes use, with the test keys (PEM text, several lines) and characters URIs mangle. */
    static Properties properties() {
        Properties p = new Properties();
        p.put("jwt.secret", SECRET);
        p.put("jwt.privateKey", TestKeys.text("keys/ec256-pkcs8.pem"));
        p.put("jwt.publicKey", TestKeys.text("keys/ec256-public.pem"));
        p.put("jwt.signingJwks", "{\"keys\":[" + TestKeys.json(TestKeys.jwk(TestKeys.keyPair("ec256"), "2025-01"), true) + "]}");
        p.put("jwt.activeKid", "2025-01");
        p.put("jwt.storePassword", TestKeys.STORE_PASSWORD);
        p.put("orders.encryptionKey", TestKeys.text("keys/rsa-public.pem"));
        p.put("orders.decryptionKey", TestKeys.text("keys/rsa-pkcs8.pem"));
        p.put("gateway.privateKey", TestKeys.text("keys/rsa-pkcs8.pem"));
        p.put("crm.privateKey", TestKeys.text("keys/rsa-pkcs8.pem"));
        p.put("crm.clientId", "3MVG9+client&id=1");
        p.put("crm.username", "integration+crm@example.com");
        p.put("asc.privateKey", TestKeys.text("keys/ec256-pkcs8.pem"));
        p.put("asc.keyId", "2X9R4HXF34");
        p.put("asc.issuerId", "57246542-96fe-1a63-e053-0824d011072a");
        p.put("kafka.brokers", "localhost:9092");
        return p;
    }

    /** An H2 database with the tables of the docs' SQL blocks (the revocation table), as the docs' dataSource. */
    private static JdbcDataSource dataSource() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:docs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            for (DocsBlocks.Block sql : DocsBlocks.of("sql")) {
                if (sql.text().toUpperCase(Locale.ROOT).contains("CREATE TABLE")) {
                    for (String ddl : sql.text().split(";")) {
                        if (!ddl.isBlank()) {
                            statement.execute(ddl);
                        }
                    }
                }
            }
        }
        return h2;
    }
}
