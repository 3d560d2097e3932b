package io.cameljwt.internal.remote;

import java.io.IOException;

import javax.net.ssl.SSLContext;

import org.jose4j.http.Get;

/**
 * Fetches a JSON document (a JWK Set, an OpenID discovery document) over HTTP(S), through jose4j's {@link Get}: a 200
 * answer only, the body capped at 512 KiB, one attempt (the cache decides when to try again), and {@code timeout} as
 * both the connect and the read timeout.
 */
final class HttpDocuments {

    /** An identity provider's JWK Set is a few KiB; more is refused unread. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final Get get;

    HttpDocuments(SSLContext sslContext, long timeoutMillis) {
        Get http = new Get();
        int timeout = (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
        http.setConnectTimeout(timeout);
        http.setReadTimeout(timeout);
        http.setRetries(0);
        http.setResponseBodySizeLimit(MAX_BODY_BYTES);
        if (sslContext != null) {
            http.setSslSocketFactory(sslContext.getSocketFactory());
        }
        this.get = http;
    }

    String get(String url) throws IOException {
        return get.get(url).getBody();
    }
}
