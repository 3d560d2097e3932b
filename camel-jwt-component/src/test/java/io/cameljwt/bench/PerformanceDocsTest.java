package io.cameljwt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/performance.md says what the benchmark profile does: its command, its properties, its cases and variants. */
class PerformanceDocsTest {

    private static final Path PAGE = Path.of("../docs/performance.md");
    private static final Path POM = Path.of("pom.xml");

    @Test
    void theCommandRunsTheBenchmarkProfile() throws Exception {
        String page = Files.readString(PAGE);
        String pom = Files.readString(POM);

        assertTrue(page.contains("mvn -B -ntp -pl camel-jwt-component -Pbenchmark -DskipTests verify"), "command");
        assertTrue(pom.contains("<id>benchmark</id>"), "the profile is gone from the pom");
        assertTrue(pom.contains("<argument>" + BenchmarkMain.class.getName() + "</argument>"), "main class");
    }

    @Test
    void everyPropertyOfTheProfileIsDocumentedWithItsDefault() throws Exception {
        String page = Files.readString(PAGE);
        Matcher property = Pattern.compile("<(bench\\.[A-Za-z]+)>([^<]*)</bench\\.").matcher(Files.readString(POM));
        int found = 0;
        while (property.find()) {
            found++;
            String row = "| `" + property.group(1) + "` | `" + property.group(2) + "` |";
            assertTrue(page.contains(row), "docs/performance.md lacks the row " + row);
        }
        assertTrue(found >= 5, "no bench.* properties found in the pom");
    }

    @Test
    void everyCaseAndVariantIsDescribed() throws Exception {
        String page = Files.readString(PAGE);
        for (String caseName : RatioTable.CASES) {
            assertTrue(page.contains("`" + caseName + "`"), "case " + caseName);
        }
        for (String variant : Variants.ORDER) {
            assertTrue(page.contains("| `" + variant + "` |"), "variant " + variant);
        }
    }
}
