package io.cameljwt.internal.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Fetches a JSON document (a JWK Set, an OpenID discovery document) over HTTP(S): a 200 answer only, the body capped
 * at 512 KiB, one attempt (the cache decides when to try again), and {@code timeout} as both the connect and the read
 * timeout. A body that trickles in (each read within the read timeout) is given up once the whole request has taken
 * longer than {@code timeout}, so a fetch never holds its source for long. A redirect is followed only to an address keys may be fetched from ({@link RemoteUris}), at most
 * {@link #MAX_REDIRECTS} times: the JDK would follow one from a loopback {@code http://} address to plain http
 * anywhere. jose4j's {@code Get} cannot be told not to follow redirects, so the request is made here.
 */
final class HttpDocuments {

    /** An identity provider's JWK Set is a few KiB; more is refused unread. */
    static final int MAX_BODY_BYTES = 512 * 1024;
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final SSLContext sslContext;
    private final int timeout;

    HttpDocuments(SSLContext sslContext, long timeoutMillis) {
        this.sslContext = sslContext;
        this.timeout = (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
    }

    String get(String url) throws IOException {
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        URI target = URI.create(url);
        for (int redirects = 0;; redirects++) {
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
            try {
                connection.setInstanceFollowRedirects(false);
                connection.setUseCaches(false);
                connection.setConnectTimeout(timeout);
                connection.setReadTimeout(timeout);
                connection.setRequestProperty("Accept", "application/json");
                if (sslContext != null && connection instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(sslContext.getSocketFactory());
                }
                int status = connection.getResponseCode();
                if (REDIRECTS.contains(status)) {
                    target = redirected(target, connection.getHeaderField("Location"), redirects);
                    continue;
                }
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new IOException("HTTP status " + status + " from " + target);
                }
                try (InputStream body = connection.getInputStream()) {
                    return new String(read(body, target, deadline), StandardCharsets.UTF_8); // JSON is UTF-8 (RFC 8259)
                }
            } finally {
                connection.disconnect();
            }
        }
    }

    /** The body, at most {@link #MAX_BODY_BYTES}, read before the deadline. */
    private static byte[] read(InputStream body, URI target, long deadline) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            bytes.write(buffer, 0, n);
            if (bytes.size() > MAX_BODY_BYTES) {
                throw new IOException("the answer of " + target + " is longer than " + MAX_BODY_BYTES + " bytes");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the answer of " + target + " took longer than the timeout");
            }
        }
        return bytes.toByteArray();
    }

    private static URI redirected(URI from, String location, int redirects) throws IOException {
        if (location == null || redirects >= MAX_REDIRECTS) {
            throw new IOException(from + " redirects " + (location == null ? "without a Location" : "too often"));
        }
        try {
            return RemoteUris.check(from.resolve(location.trim()).toString(), "the redirect of " + from);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }
}
