package io.cameljwt.examples.springboot;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cameljwt.JwtComponent;
import io.cameljwt.JwtConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot properties of {@code docs/runtimes.md} are those of the example's {@code application.yaml}, and
 * {@link JwtComponentProperties} binds them.
 */
class RuntimesDocsTest {

    private static final Path PAGE = Path.of("../../docs/runtimes.md");

    @Test
    void springBootPropertiesOfThePageBindToTheComponent() throws Exception {
        Properties documented = springBootBlock();
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("runtimes.md", documented));

        try (CamelContext camelContext = new DefaultCamelContext()) {
            JwtComponent component = camelContext.getComponent("jwt", JwtComponent.class);
            JwtComponentProperties.bind(component, JwtComponentProperties.options(environment));

            JwtConfiguration configuration = component.getConfiguration();
            assertEquals("classpath:keys/login-private.pem", configuration.getPrivateKey());
            assertEquals("spring-login-2026-12", configuration.getKeyId());
            assertEquals("https://login.example.test", configuration.getIssuer());
            assertEquals("orders-api", configuration.getAudience());
            assertEquals(Duration.ofMinutes(15).toMillis(), configuration.getExpiresIn());
            assertEquals(Map.of("tenant", "acme"), configuration.getClaims());
        }
    }

    @Test
    void springBootPropertiesOfThePageAreThoseOfApplicationYaml() throws Exception {
        String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
        for (String name : springBootBlock().stringPropertyNames()) {
            String leaf = name.substring(name.lastIndexOf('.') + 1);
            String value = springBootBlock().getProperty(name);
            assertTrue(yaml.contains(leaf + ": " + value), name + "=" + value + " is not in application.yaml");
        }
    }

    private static Properties springBootBlock() throws Exception {
        Matcher block = Pattern.compile("```properties\n(camel\\.component\\.jwt\\.private-key=.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(PAGE));
        assertTrue(block.find(), "docs/runtimes.md has no Spring Boot properties block");
        Properties properties = new Properties();
        properties.load(new StringReader(block.group(1)));
        return properties;
    }
}
