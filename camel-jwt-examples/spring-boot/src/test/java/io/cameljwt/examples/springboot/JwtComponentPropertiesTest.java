package io.cameljwt.examples.springboot;

import java.time.Duration;
import java.util.Map;

import io.cameljwt.JwtComponent;
import io.cameljwt.JwtConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link JwtComponentProperties} sets {@code camel.component.jwt.*} from a Spring environment on the component,
 * without a Spring context.
 */
class JwtComponentPropertiesTest {

    private final CamelContext camelContext = new DefaultCamelContext();
    private final JwtComponent component = camelContext.getComponent("jwt", JwtComponent.class);

    @AfterEach
    void stop() {
        camelContext.stop();
    }

    @Test
    void kebabAndCamelCaseNamesAndDurationsAreBound() {
        bind(new MockEnvironment()
                .withProperty("camel.component.jwt.key-id", "k-2026")
                .withProperty("camel.component.jwt.expiresIn", "5m")
                .withProperty("camel.component.jwt.clock-skew", "PT10S"));

        JwtConfiguration configuration = component.getConfiguration();
        assertEquals("k-2026", configuration.getKeyId());
        assertEquals(Duration.ofMinutes(5).toMillis(), configuration.getExpiresIn());
        assertEquals(Duration.ofSeconds(10).toMillis(), configuration.getClockSkew());
    }

    @Test
    void environmentVariablesAreBoundWithSpringsRelaxedNames() {
        StandardEnvironment environment = new StandardEnvironment();
        // the process environment, as Spring Boot sees it
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CAMEL_COMPONENT_JWT_ISSUER", "https://login.example.test",
                               "CAMEL_COMPONENT_JWT_EXPIRESIN", "2m")));

        bind(environment);

        assertEquals("https://login.example.test", component.getConfiguration().getIssuer());
        assertEquals(Duration.ofMinutes(2).toMillis(), component.getConfiguration().getExpiresIn());
    }

    @Test
    void fixedClaimsAreBoundInEachOfTheirForms() {
        bind(new MockEnvironment()
                .withProperty("camel.component.jwt.claims.tenant", "acme")
                .withProperty("camel.component.jwt.claims[region]", "eu")
                .withProperty("camel.component.jwt.claim.plan", "gold"));

        assertEquals(Map.of("tenant", "acme", "region", "eu", "plan", "gold"), component.getConfiguration().getClaims());
    }

    @Test
    void aBeanReferenceIsLookedUpInCamelsRegistry() {
        MemoryIdempotentRepository revoked = new MemoryIdempotentRepository();
        camelContext.getRegistry().bind("revokedTokens", revoked);

        bind(new MockEnvironment().withProperty("camel.component.jwt.revocation-repository", "#revokedTokens"));

        assertSame(revoked, component.getConfiguration().getRevocationRepository());
    }

    @Test
    void camelPlaceholdersAreResolvedByCamelAndSpringPlaceholdersBySpring() {
        camelContext.getPropertiesComponent().addInitialProperty("jwt.issuer", "https://login.example.test");

        bind(new MockEnvironment()
                .withProperty("audiences", "orders-api")
                .withProperty("camel.component.jwt.issuer", "{{jwt.issuer}}")
                .withProperty("camel.component.jwt.audience", "${audiences}"));

        assertEquals("https://login.example.test", component.getConfiguration().getIssuer());
        assertEquals("orders-api", component.getConfiguration().getAudience());
    }

    @Test
    void keyTextIsSetAsItIsWithoutRaw() {
        String pemLine = "-----BEGIN PUBLIC KEY----- MIIBIjAN+gk/qh+w== -----END PUBLIC KEY-----";

        bind(new MockEnvironment().withProperty("camel.component.jwt.public-key", pemLine)
                .withProperty("camel.component.jwt.secret", "a+b/c&d%20e"));

        assertEquals(pemLine, component.getConfiguration().getPublicKey());
        assertEquals("a+b/c&d%20e", component.getConfiguration().getSecret());
    }

    @Test
    void aValueWrappedInRawIsRefusedRatherThanTakenAsTheKey() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camel.component.jwt.secret", "RAW(s3cr3t+s3cr3t+s3cr3t+s3cr3t+s3cr3t)");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> bind(environment));

        assertEquals("camel.component.jwt.secret is wrapped in RAW(...), which only endpoint URIs need: give the value"
                     + " as it is", error.getMessage());
        assertEquals(null, component.getConfiguration().getSecret());
    }

    @Test
    void camelSpringBootsOwnSwitchesAreNoComponentOptions() {
        bind(new MockEnvironment()
                .withProperty("camel.component.jwt.enabled", "true")
                .withProperty("camel.component.jwt.customizer.enabled", "true")
                .withProperty("camel.component.jwt.issuer", "https://login.example.test"));

        assertEquals("https://login.example.test", component.getConfiguration().getIssuer());
    }

    @Test
    void aNameThatIsNoOptionStopsTheApplicationNamingIt() {
        MockEnvironment environment = new MockEnvironment().withProperty("camel.component.jwt.issuerr", "https://x.test");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> bind(environment));

        assertTrue(error.getMessage().startsWith("camel.component.jwt.issuerr is not an option of the jwt component"),
                error.getMessage());
        assertFalse(error.getMessage().contains("x.test"), error.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeStopsTheApplicationNamingTheOptionButNotTheValue() {
        MockEnvironment environment = new MockEnvironment().withProperty("camel.component.jwt.expires-in", "fifteen-minutes");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> bind(environment));

        assertTrue(error.getMessage().startsWith("camel.component.jwt.expires-in cannot be set on the jwt component"),
                error.getMessage());
        assertFalse(error.getMessage().contains("fifteen"), error.getMessage());
        assertEquals(null, error.getCause());
    }

    private void bind(org.springframework.core.env.Environment environment) {
        JwtComponentProperties.bind(component, JwtComponentProperties.options(environment));
    }
}
