package io.cameljwt.internal.remote;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import io.cameljwt.internal.token.JsonLimits;

/**
 * Fetches a JSON document (a JWK Set, an OpenID discovery document) over HTTP(S) with the JDK's {@link HttpClient}:
 * a 200 answer only, one attempt (the cache decides when to try again), and a hard deadline, which the caller sets
 * once for its whole fetch (discovery and JWK Set together), covering redirects and the host lookups that judge them,
 * connecting, the status line, the headers and the body. When the deadline passes, the exchange is cancelled, which
 * closes its connection, so a server that trickles its headers or its body a byte at a time never holds the fetch, nor the next one. The body is refused as soon as it passes 512 KiB (never
 * buffered whole), and its JSON is held to the bounds of a token's ({@link JsonLimits}). A redirect is followed only
 * to an address {@link RemoteUris#checkFollowed} allows, at most {@link #MAX_REDIRECTS} times. jose4j's {@code Get}
 * cannot be told not to follow redirects nor be given a deadline, so the request is made here. The client and the
 * host lookups run on the executor given, which the owner shuts down (Java 17's client cannot be closed). URIs in
 * messages have their query masked ({@link RemoteUris#printable}).
 */
final class HttpDocuments {

    /** An identity provider's JWK Set is a few KiB; more is refused unread. */
    static final int MAX_BODY_BYTES = 512 * 1024;
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final Executor executor;
    private final RemoteUris.Resolver lookup;

    /**
     * @param sslContext    the TLS context for https, or null for the JVM's default
     * @param timeoutMillis the longest a connection may take to open
     * @param executor      runs the client's work and host lookups
     */
    HttpDocuments(SSLContext sslContext, long timeoutMillis, Executor executor) {
        this(sslContext, timeoutMillis, executor, InetAddress::getAllByName);
    }

    /** As above, with the given host lookup (a test's slow DNS). */
    HttpDocuments(SSLContext sslContext, long timeoutMillis, Executor executor, RemoteUris.Resolver lookup) {
        this.executor = executor;
        this.lookup = lookup;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: no h2c upgrade on plain http to a loopback sidecar; identity providers all speak it
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(timeoutMillis))
                // as HttpURLConnection did: the JVM's proxy settings (http.proxyHost, https.proxyHost, nonProxyHosts)
                .proxy(ProxySelector.getDefault());
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /**
     * The document at {@code url}, before the deadline; an IOException says why not (its text names the URI).
     *
     * @param deadline a {@link System#nanoTime()} value
     */
    String get(String url, long deadline) throws IOException {
        URI origin = URI.create(url.trim());
        URI target = origin;
        for (int redirects = 0;; redirects++) {
            HttpResponse<byte[]> response = exchange(target, deadline);
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                target = redirected(origin, target, location, redirects, deadline);
                continue;
            }
            if (status != 200) {
                throw new IOException("HTTP status " + status + " from " + shown(target));
            }
            String json = new String(response.body(), StandardCharsets.UTF_8); // JSON is UTF-8 (RFC 8259)
            String breach = JsonLimits.breach(json);
            if (breach != null) {
                throw new IOException("the answer of " + shown(target) + " " + breach);
            }
            return json;
        }
    }

    /** One request and its answer, before the deadline; cancelled (its connection closed) when the deadline passes. */
    private HttpResponse<byte[]> exchange(URI target, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw tooSlow(target);
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofNanos(left))
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                info -> info.statusCode() == 200 ? new CappedBody(target) : BodySubscribers.replacing(new byte[0]));
        try {
            return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw tooSlow(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the fetch of " + shown(target) + " was interrupted");
        } catch (ExecutionException e) {
            throw failure(target, e.getCause());
        } finally {
            answer.cancel(true); // nothing once it completed; else the exchange is aborted and its connection closed
        }
    }

    private static IOException tooSlow(URI target) {
        return new IOException("the answer of " + shown(target) + " took longer than the timeout");
    }

    /** A URI as messages show it: its query and fragment masked, where a key server's redirect may put a credential. */
    private static String shown(URI uri) {
        return RemoteUris.printable(uri.toString());
    }

    /**
     * Host lookups that end by the deadline: one that takes longer (a hostile redirect to a name under a slow DNS
     * server) fails as too slow, while its thread finishes the lookup in the background.
     */
    RemoteUris.Resolver resolver(long deadline) {
        return host -> {
            CompletableFuture<InetAddress[]> addresses = new CompletableFuture<>();
            executor.execute(() -> {
                try {
                    addresses.complete(lookup.addresses(host));
                } catch (IOException | RuntimeException e) {
                    addresses.completeExceptionally(e);
                }
            });
            try {
                return addresses.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IOException("looking up " + host + " took longer than the timeout");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("looking up " + host + " was interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io; // UnknownHostException: the caller judges a name that does not resolve
                }
                throw new UnknownHostException(host);
            }
        };
    }

    /** The cause of a failed exchange as an IOException whose text names the URI and what went wrong. */
    private static IOException failure(URI target, Throwable cause) {
        Throwable root = cause;
        while ((root instanceof ExecutionException || root instanceof CompletionException)
               && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof HttpConnectTimeoutException) {
            return new IOException("connecting to " + shown(target) + " took longer than the timeout");
        }
        if (root instanceof HttpTimeoutException) {
            return tooSlow(target);
        }
        if (root instanceof BodyTooLong) {
            return new IOException(root.getMessage());
        }
        // the JDK's messages name hosts, ports and TLS reasons; the class says what kind of failure it was
        String reason = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return new IOException("fetching " + shown(target) + " failed: " + reason);
    }

    private URI redirected(URI origin, URI from, String location, int redirects, long deadline) throws IOException {
        if (location == null || redirects >= MAX_REDIRECTS) {
            throw new IOException(shown(from) + " redirects "
                                  + (location == null ? "without a Location" : "too often"));
        }
        URI to;
        try {
            to = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new IOException("the redirect of " + shown(from) + " is not a valid URI");
        }
        try {
            return RemoteUris.checkFollowed(origin, from, to.toString(), "the redirect of " + shown(from),
                    resolver(deadline));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** A body over {@link #MAX_BODY_BYTES}: the download stops there. */
    private static final class BodyTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLong(URI target) {
            super("the answer of " + shown(target) + " is longer than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /**
     * Collects a body of at most {@link #MAX_BODY_BYTES}; one byte more cancels the download.
     */
    private static final class CappedBody implements BodySubscriber<byte[]> {

        private final URI target;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<byte[]> chunks = new ArrayList<>();
        private int size;
        private Flow.Subscription subscription;

        CappedBody(URI target) {
            this.target = target;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (size + buffer.remaining() > MAX_BODY_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLong(target));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                chunks.add(chunk);
                size += chunk.length;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            byte[] body = new byte[size];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, body, at, chunk.length);
                at += chunk.length;
            }
            result.complete(body);
        }
    }
}
