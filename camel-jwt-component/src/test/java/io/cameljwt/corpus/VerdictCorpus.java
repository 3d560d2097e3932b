package io.cameljwt.corpus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The committed corpus: {@code corpus/endpoints.json} (the named endpoint configurations, readable in a review) and
 * {@code corpus/verdicts.jsonl.gz} (one {@link CorpusEntry} per line). Gzip's header carries no time here, so the
 * same corpus always gives the same bytes.
 */
record VerdictCorpus(Map<String, CorpusEndpoint> endpoints, List<CorpusEntry> entries) {

    static final String ENDPOINTS = "corpus/endpoints.json";
    static final String VERDICTS = "corpus/verdicts.jsonl.gz";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The corpus on the test class path. */
    static VerdictCorpus load() {
        try (InputStream endpointsIn = open(ENDPOINTS);
             BufferedReader verdictsIn = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(open(VERDICTS)), StandardCharsets.UTF_8))) {
            Map<String, CorpusEndpoint> endpoints = new LinkedHashMap<>();
            for (Map<String, Object> endpoint : JSON.readValue(endpointsIn,
                    new TypeReference<List<Map<String, Object>>>() {
                    })) {
                @SuppressWarnings("unchecked")
                Map<String, String> options = (Map<String, String>) endpoint.get("options");
                String name = (String) endpoint.get("name");
                endpoints.put(name, new CorpusEndpoint(name, options));
            }
            List<CorpusEntry> entries = new ArrayList<>();
            for (String line = verdictsIn.readLine(); line != null; line = verdictsIn.readLine()) {
                entries.add(JSON.readValue(line, CorpusEntry.class));
            }
            return new VerdictCorpus(endpoints, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes both files under {@code resources} (a {@code src/test/resources} folder). */
    void write(Path resources) throws IOException {
        Path endpointsFile = resources.resolve(ENDPOINTS);
        Files.createDirectories(endpointsFile.getParent());
        List<Map<String, Object>> endpointList = new ArrayList<>();
        endpoints.values().forEach(e -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", e.name());
            json.put("options", e.options());
            endpointList.add(json);
        });
        Files.writeString(endpointsFile, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(endpointList) + "\n");
        try (OutputStream out = Files.newOutputStream(resources.resolve(VERDICTS));
             Writer writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            for (CorpusEntry entry : entries) {
                writer.write(JSON.writeValueAsString(entry));
                writer.write('\n');
            }
        }
    }

    private static InputStream open(String resource) {
        InputStream in = VerdictCorpus.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource
                                            + ": run CorpusGenerator (see docs/verdict-corpus.md)");
        }
        return in;
    }
}
