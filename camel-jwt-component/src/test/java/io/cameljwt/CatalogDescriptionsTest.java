package io.cameljwt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every description written in the annotations reaches the catalog ({@code jwt.json}) as written. Camel's generator
 * keeps only letters, digits, blanks and {@code .,-='/\!&%():;#${}} of a description and silently drops the rest
 * ({@code +}, backticks, {@code *}, brackets, quotes...): a description holding one would read differently in IDEs and
 * Kaoto than in the source, so it fails here.
 */
class CatalogDescriptionsTest {

    private final CatalogMetadata catalog = CatalogMetadata.read();

    @Test
    void everyOptionDescriptionOfTheConfigurationReachesTheCatalogAsWritten() {
        for (Field field : JwtConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null) {
                String expected = param.description();
                if (param.multiValue()) {
                    expected += " This is a multi-value option with prefix: " + param.prefix();
                }
                assertReached(expected, field.getName());
            }
        }
    }

    @Test
    void theComponentAndPathDescriptionsReachTheCatalogAsWritten() throws NoSuchFieldException {
        for (String name : new String[] { "configuration", "useGlobalSslContextParameters" }) {
            assertReached(JwtComponent.class.getDeclaredField(name).getAnnotation(Metadata.class).description(), name);
        }
        assertReached(JwtEndpoint.class.getDeclaredField("operation").getAnnotation(UriPath.class).description(),
                "operation");
    }

    @Test
    void everyHeaderDescriptionReachesTheCatalogAsWritten() throws IllegalAccessException {
        for (Field field : JwtConstants.class.getDeclaredFields()) {
            Metadata metadata = field.getAnnotation(Metadata.class);
            if (metadata != null && Modifier.isStatic(field.getModifiers())) {
                String header = (String) field.get(null);
                assertNotNull(catalog.headers().get(header), header + " is not in jwt.json");
                assertEquals(metadata.description(), catalog.headers().get(header).get("description").asText(),
                        "description of header " + header);
            }
        }
    }

    private void assertReached(String written, String option) {
        assertEquals(written, catalog.option(option).get("description").asText(), "description of option " + option
                + " in jwt.json (rebuild to regenerate it; Camel drops + ` * [ ] < > \" ? | ~ ^ @ from descriptions)");
    }
}
