package io.cameljwt;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** DocsBlocks finds the code blocks of Markdown and AsciiDoc pages, with their line and marker. */
class DocsBlocksTest {

    @Test
    void markdownBlocksHaveTheirLanguageLineAndTheMarkerAboveThem() {
        List<DocsBlocks.Block> blocks = DocsBlocks.markdown("page.md", List.of(
                "# Title",
                "",
                "```yaml",
                "- from:",
                "    uri: direct:a",
                "```",
                "<!-- not-a-route: Prometheus rules -->",
                "",
                "```yml",
                "rules: []",
                "```"));

        assertEquals(2, blocks.size());
        assertEquals("docs/page.md:3", blocks.get(0).where());
        assertEquals("yaml", blocks.get(0).language());
        assertEquals("- from:\n    uri: direct:a\n", blocks.get(0).text());
        assertNull(blocks.get(0).marker());
        assertEquals("yaml", blocks.get(1).language());
        assertEquals("not-a-route", blocks.get(1).marker());
        assertEquals("Prometheus rules", blocks.get(1).reason());
    }

    @Test
    void asciidocSourceBlocksHaveTheMarkerAboveTheirSourceLine() {
        List<DocsBlocks.Block> blocks = DocsBlocks.asciidoc("page.adoc", List.of(
                "== Routes",
                "// not-run: needs a broker",
                "[source,xml]",
                "----",
                "<routes/>",
                "----",
                "[source,yaml]",
                "----",
                "- from: {}",
                "----"));

        assertEquals(2, blocks.size());
        assertEquals("docs/page.adoc:4", blocks.get(0).where());
        assertEquals("xml", blocks.get(0).language());
        assertEquals("<routes/>\n", blocks.get(0).text());
        assertEquals("not-run", blocks.get(0).marker());
        assertEquals("needs a broker", blocks.get(0).reason());
        assertEquals("yaml", blocks.get(1).language());
        assertNull(blocks.get(1).marker());
    }
}
