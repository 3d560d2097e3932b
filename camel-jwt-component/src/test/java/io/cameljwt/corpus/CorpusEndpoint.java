package io.cameljwt.corpus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A named {@code jwt:validate} configuration of the verdict corpus: its URI options (besides
 * {@code failOnInvalid=false}, which every corpus endpoint has), in the order they are written.
 */
record CorpusEndpoint(String name, Map<String, String> options) {

    CorpusEndpoint {
        options = new LinkedHashMap<>(options);
    }

    String option(String name) {
        return options.get(name);
    }

    /** The endpoint URI; every value is given {@code RAW(...)}, so keys, JSON and {@code +} pass unchanged. */
    String uri() {
        StringJoiner uri = new StringJoiner("&", "jwt:validate?failOnInvalid=false&", "");
        options.forEach((name, value) -> uri.add(name + "=RAW(" + value + ")"));
        return uri.toString();
    }
}
