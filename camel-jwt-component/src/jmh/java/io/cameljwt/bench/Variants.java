package io.cameljwt.bench;

import java.util.List;

/** The names of the variants (the JMH parameter {@code variant}), in the order of the table's columns. */
final class Variants {

    static final String CAMEL_JWT = "camel-jwt";
    /** camel-jwt with {@code tokenCacheSize=0}, in the case of a repeated token. */
    static final String CAMEL_JWT_NO_CACHE = "camel-jwt-no-cache";
    static final String JOSE4J = "jose4j";
    static final String AUTH0 = "auth0";
    static final String NIMBUS = "nimbus";
    static final String JCA_FLOOR = "jca-floor";
    static final String BASE64_JACKSON = "base64-jackson";
    static final String EMPTY_ROUTE = "empty-route";

    static final List<String> ORDER = List.of(
            CAMEL_JWT, CAMEL_JWT_NO_CACHE, JOSE4J, AUTH0, NIMBUS, JCA_FLOOR, BASE64_JACKSON, EMPTY_ROUTE);

    private Variants() {
    }
}
