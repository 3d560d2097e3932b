package io.cameljwt.examples.springboot;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.cameljwt.JwtComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sets the {@code camel.component.jwt.*} properties of the Spring environment on the {@code jwt} component.
 * <p>
 * Camel Spring Boot binds {@code camel.component.NAME.*} only for components that have a starter, whose generated
 * auto-configuration copies its {@code @ConfigurationProperties} onto the component; camel-jwt has none, and without
 * this class those properties are silently ignored. This customizer does the same job with Camel's own property
 * binding and the component's generated configurer, which knows every component option of {@code docs/options.md}, in
 * the forms Camel Main accepts (kebab or camel case, durations such as {@code 15m}, {@code claims.NAME} or
 * {@code claims[NAME]}, {@code #bean} references, {@code {{placeholders}}}), with Spring Boot's relaxed binding for
 * environment variables ({@code CAMEL_COMPONENT_JWT_ISSUER}). Values are set as they are: no {@code RAW(...)} is
 * needed, and one is refused. A name that is no option of the component stops the application; no error message
 * holds a value, since many of these values are keys.
 */
@Configuration(proxyBeanMethods = false)
public class JwtComponentProperties {

    static final String PREFIX = "camel.component.jwt";

    /** Camel Spring Boot's own switches under {@code camel.component.NAME}, which are no options of the component. */
    private static final Set<String> CAMEL_SPRING_BOOT_KEYS = Set.of("enabled", "customizer.enabled");

    @Bean
    ComponentCustomizer jwtComponentCustomizer(Environment environment) {
        // the component named jwt only, as Camel Main binds camel.component.jwt.*
        return ComponentCustomizer.builder(JwtComponent.class)
                .withCondition((name, component) -> "jwt".equals(name))
                .build(component -> bind(component, options(environment)));
    }

    /** The options under {@link #PREFIX}, names relative to it, values with Spring's placeholders resolved. */
    static Map<String, String> options(Environment environment) {
        // a Map<String, String> target keeps nested names whole: claims.tenant, not a nested map
        return new TreeMap<>(Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElseGet(Map::of));
    }

    static void bind(JwtComponent component, Map<String, String> options) {
        CamelContext camelContext = component.getCamelContext();
        options.forEach((name, value) -> {
            if (CAMEL_SPRING_BOOT_KEYS.contains(name)) {
                return;
            }
            if (value != null && (value.startsWith("RAW(") || value.startsWith("RAW{"))) {
                // RAW(...) keeps a URI option's value from being URI-decoded; nothing decodes these values, so the
                // wrapper would become part of the key (an HMAC secret would still "work", with the wrong key)
                throw new IllegalArgumentException(PREFIX + "." + name + " is wrapped in RAW(...), which only endpoint"
                                                   + " URIs need: give the value as it is");
            }
            boolean bound;
            try {
                bound = PropertyBindingSupport.build()
                        .withCamelContext(camelContext)
                        .withTarget(component)
                        .withConfigurer(component.getComponentPropertyConfigurer())
                        .withIgnoreCase(true)
                        .withProperty(StringHelper.dashToCamelCase(name), value)
                        .bind();
            } catch (RuntimeException e) {
                // the cause's message may quote the value, which may be a key: name the option and the kind of failure
                throw new IllegalArgumentException(PREFIX + "." + name + " cannot be set on the jwt component ("
                                                   + e.getClass().getSimpleName() + "); see docs/options.md for its type");
            }
            if (!bound) {
                throw new IllegalArgumentException(PREFIX + "." + name + " is not an option of the jwt component;"
                                                   + " see docs/options.md");
            }
        });
    }
}
