package io.cameljwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of every page of {@code docs/}: Markdown ({@code ```yaml}) and AsciiDoc
 * ({@code [source,yaml]} then {@code ----}), each with its page, line and the marker comment just above it, if any
 * ({@code <!-- not-a-route: why -->} in Markdown, {@code // not-a-route: why} in AsciiDoc).
 */
final class DocsBlocks {

    static final Path DOCS = Path.of("../docs");

    private static final Pattern MARKDOWN_FENCE = Pattern.compile("^```([\\w-]*)\\s*$");
    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,\\s*([\\w-]+)[^\\]]*]\\s*$");
    private static final Pattern MARKDOWN_MARKER = Pattern.compile("^<!--\\s*([\\w-]+):\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern ADOC_MARKER = Pattern.compile("^//\\s*([\\w-]+):\\s*(.*?)\\s*$");

    /** A code block: {@code line} is the 1-based line of its opening fence; marker and reason are null without one. */
    record Block(String page, int line, String language, String text, String marker, String reason) {

        /** Where the block is, as an editor or a test report wants it. */
        String where() {
            return "docs/" + page + ":" + line;
        }

        @Override
        public String toString() {
            return where() + " (" + language + ")";
        }
    }

    private DocsBlocks() {
    }

    /** Every block of every {@code docs/*.md} and {@code docs/*.adoc} page, pages in name order. */
    static List<Block> all() {
        try (Stream<Path> pages = Files.list(DOCS)) {
            List<Block> blocks = new ArrayList<>();
            for (Path page : pages.sorted().toList()) {
                String name = page.getFileName().toString();
                if (name.endsWith(".md")) {
                    blocks.addAll(markdown(name, Files.readAllLines(page)));
                } else if (name.endsWith(".adoc")) {
                    blocks.addAll(asciidoc(name, Files.readAllLines(page)));
                }
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks of these languages (lower case, e.g. {@code yaml}; {@code yml} counts as {@code yaml}). */
    static List<Block> of(String... languages) {
        List<String> wanted = List.of(languages);
        return all().stream().filter(b -> wanted.contains(b.language())).toList();
    }

    static List<Block> markdown(String page, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = MARKDOWN_FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int end = closing(lines, i + 1, "```");
            blocks.add(block(page, lines, i, end, open.group(1), i, MARKDOWN_MARKER));
            i = end;
        }
        return blocks;
    }

    static List<Block> asciidoc(String page, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher source = ADOC_SOURCE.matcher(lines.get(i));
            if (!source.matches() || i + 1 >= lines.size() || !lines.get(i + 1).startsWith("----")) {
                continue;
            }
            int end = closing(lines, i + 2, lines.get(i + 1).strip());
            // the marker of an AsciiDoc block sits above its [source] line
            blocks.add(block(page, lines, i + 1, end, source.group(1), i, ADOC_MARKER));
            i = end;
        }
        return blocks;
    }

    private static int closing(List<String> lines, int from, String fence) {
        for (int j = from; j < lines.size(); j++) {
            if (lines.get(j).strip().equals(fence)) {
                return j;
            }
        }
        throw new AssertionError("a code block is not closed, from line " + from);
    }

    /**
     * The block whose opening fence is line {@code open} (0-based) and closing fence line {@code close}, with the
     * marker found on the last non-blank line above line {@code head}.
     */
    private static Block block(String page, List<String> lines, int open, int close, String language, int head,
            Pattern marker) {
        String text = String.join("\n", lines.subList(open + 1, close)) + "\n";
        String lang = language.toLowerCase(Locale.ROOT);
        String name = null;
        String reason = null;
        int above = head - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        if (above >= 0) {
            Matcher m = marker.matcher(lines.get(above).strip());
            if (m.matches()) {
                name = m.group(1);
                reason = m.group(2);
            }
        }
        return new Block(page, open + 1, lang.equals("yml") ? "yaml" : lang, text, name, reason);
    }
}
