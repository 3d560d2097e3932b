package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * A real HTTP(S) server on 127.0.0.1 (a free port) that plays an identity provider's key endpoint for the remote-keys
 * tests: it serves a JWK Set at {@code /jwks} and any other document (OpenID discovery), counts requests per path and
 * switches behaviour at any time: {@link #ok()}, {@link #down()}, {@link #status(int)}, {@link #garbage()},
 * {@link #trickle()}, {@link #trickleHeaders()}, {@link #hang()} / {@link #release()}. Every behaviour also exists per
 * path.
 *
 * <p>A plain HTTP server answers through a front of its own (a socket that reads each request's head, then passes it
 * on with {@code Connection: close}, so each request is a connection of its own): the JDK's {@code HttpServer}
 * writes the status line and headers itself, and only the front can send them a byte at a time. An HTTPS server has
 * no front, so {@link #trickleHeaders()} is for plain HTTP.
 *
 * <p>Requests run on a thread pool of their own, so a hung request never holds up another path. {@link #close()}
 * releases hung requests, stops the server at once and deletes its files.
 *
 * <p>Counting note: the count is of HTTP requests, not of fetches. After {@link #down()} (no answer at all) the JDK's
 * {@code HttpURLConnection} and {@code java.net.http.HttpClient} both send a GET a second time on their own, so one
 * fetch counts 2. jose4j's {@code org.jose4j.http.Get} (used by {@code HttpsJwks}) also retries 3 times by default,
 * with a growing pause, on an I/O error and on a non-200 status: one {@code HttpsJwks.refresh()} counts 8 when down
 * and 4 on {@code status(500)}, unless its {@code setRetries(0)}.
 *
 * <p>No {@code Cache-Control} header is sent unless {@link #cacheControl(String)} says so.
 */
final class JwksServer implements AutoCloseable {

    /** The path of the JWK Set. */
    static final String JWKS_PATH = "/jwks";

    /** What the server answers on a path. */
    private enum Mode { OK, DOWN, STATUS, GARBAGE, HANG, TRICKLE, TRICKLE_HEADERS, REDIRECT }

    private record Behaviour(Mode mode, int status, String location) {
        static final Behaviour OK = new Behaviour(Mode.OK, 200);

        Behaviour(Mode mode, int status) {
            this(mode, status, null);
        }
    }

    private record Document(String contentType, byte[] body) {
    }

    private static final String TRUST_STORE_PASSWORD = "jwks-server-trust";
    private static final String GARBAGE = "<html>oops</html>";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The certificate is made once per JVM (keytool costs a JVM start); each server writes its own trust store. */
    private static KeyStore certificateStore;
    private static final char[] SERVER_STORE_PASSWORD = "jwks-server-key".toCharArray();

    private final HttpServer server;
    /** Plain HTTP only: the socket clients connect to, in front of {@link #server}; null for HTTPS. */
    private final ServerSocket front;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService executor;
    private final Path trustStore;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Object hangLock = new Object();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String cacheControl;
    private int hanging;
    private volatile boolean closed;

    private JwksServer(boolean https) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "jwks-server-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (https) {
            KeyStore keyStore = serverKeyStore();
            this.trustStore = writeTrustStore(keyStore);
            HttpsServer httpsServer = HttpsServer.create(address, 0);
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(serverSslContext(keyStore)));
            this.server = httpsServer;
            this.front = null;
        } else {
            this.trustStore = null;
            this.server = HttpServer.create(address, 0);
            this.front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        if (front != null) {
            executor.execute(this::acceptAtFront);
        }
        serveKeys("{\"keys\":[]}");
    }

    /** A plain HTTP server on 127.0.0.1, serving an empty JWK Set until {@link #serveKeys(String)}. */
    static JwksServer http() {
        try {
            return new JwksServer(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An HTTPS server on 127.0.0.1 with a self-signed EC P-256 certificate for {@code 127.0.0.1} (SAN ip:127.0.0.1
     * and dns:localhost, valid for 2 days) made at test time by the JDK's keytool. Clients trust it through
     * {@link #sslContextParameters()} or {@link #trustStore()}; the default trust store refuses it.
     */
    static JwksServer https() {
        try {
            return new JwksServer(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of the JWK Set, e.g. {@code http://127.0.0.1:41234/jwks}. */
    String url() {
        return url(JWKS_PATH);
    }

    /** The URL of {@code path} on this server. */
    String url(String path) {
        return baseUrl() + path;
    }

    /** {@code http://127.0.0.1:PORT} or {@code https://127.0.0.1:PORT}, without a trailing slash. */
    String baseUrl() {
        String scheme = trustStore != null ? "https" : "http";
        return scheme + "://127.0.0.1:" + (front != null ? front.getLocalPort() : server.getAddress().getPort());
    }

    /** A Keycloak-like issuer on this server: {@code baseUrl() + "/realms/" + name}. */
    String issuerUrl(String name) {
        return baseUrl() + "/realms/" + name;
    }

    /** From now on the JWK Set path answers this JSON (a JWK Set, or anything a test wants to see fetched). */
    void serveKeys(String jwkSetJson) {
        serve(JWKS_PATH, "application/json", jwkSetJson);
    }

    /** From now on {@code path} (e.g. {@code /realms/x/.well-known/openid-configuration}) answers this body. */
    void serve(String path, String contentType, String body) {
        documents.put(path, new Document(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Serves the OpenID discovery document of {@code issuer} (a URL on this server) at
     * {@code issuer + "/.well-known/openid-configuration"}, naming {@code jwksUri} as its {@code jwks_uri}.
     */
    void serveDiscovery(String issuer, String jwksUri) {
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuer);
        discovery.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        discovery.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        discovery.put("jwks_uri", jwksUri);
        discovery.put("response_types_supported", List.of("code"));
        discovery.put("subject_types_supported", List.of("public"));
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        try {
            serve(URI.create(issuer).getPath() + "/.well-known/openid-configuration", "application/json",
                    JSON.writeValueAsString(discovery));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code Cache-Control: value} with every 200 answer; null (the default) sends none. */
    void cacheControl(String value) {
        this.cacheControl = value;
    }

    /** The JWK Set path answers its document normally again. */
    void ok() {
        ok(JWKS_PATH);
    }

    /** {@code path} answers its document normally again. */
    void ok(String path) {
        behaviours.remove(path);
    }

    /** The JWK Set path closes the connection without any answer: the client gets an IOException. */
    void down() {
        down(JWKS_PATH);
    }

    /** {@code path} closes the connection without any answer. */
    void down(String path) {
        behaviours.put(path, new Behaviour(Mode.DOWN, 0));
    }

    /** The JWK Set path answers this HTTP status with a short text body, e.g. 500. */
    void status(int status) {
        status(JWKS_PATH, status);
    }

    /** {@code path} answers this HTTP status with a short text body. */
    void status(String path, int status) {
        behaviours.put(path, new Behaviour(Mode.STATUS, status));
    }

    /** {@code path} answers {@code 302 Found} with this {@code Location} (any text, as a server may send it). */
    void redirect(String path, String location) {
        behaviours.put(path, new Behaviour(Mode.REDIRECT, 302, location));
    }

    /** The JWK Set path answers 200 {@code application/json} with a body that is not JSON at all. */
    void garbage() {
        garbage(JWKS_PATH);
    }

    /** {@code path} answers 200 {@code application/json} with a body that is not JSON at all. */
    void garbage(String path) {
        behaviours.put(path, new Behaviour(Mode.GARBAGE, 200));
    }

    /**
     * Requests to the JWK Set path get a 200 answer whose body never ends: a space every 100 ms (each within any read
     * timeout) until the client goes away or the server closes.
     */
    void trickle() {
        behaviours.put(JWKS_PATH, new Behaviour(Mode.TRICKLE, 200));
    }

    /**
     * Requests to the JWK Set path get the status line {@code HTTP/1.1 200 OK} and then a header a byte every 100 ms
     * that never ends, until the client goes away or the server closes: each byte within any read timeout, so only a
     * deadline for the whole request ends it. Plain HTTP only.
     */
    void trickleHeaders() {
        if (front == null) {
            throw new IllegalStateException("an HTTPS server cannot trickle its headers: use JwksServer.http()");
        }
        behaviours.put(JWKS_PATH, new Behaviour(Mode.TRICKLE_HEADERS, 200));
    }

    /**
     * Waits until at least {@code count} requests that {@link #trickleHeaders()} held were closed by the client, at
     * most {@code timeout}; returns whether they were. Shows that a client gave a stuck connection up.
     */
    boolean awaitAbandoned(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (abandoned.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    /**
     * Requests to the JWK Set path block (no answer, connection open) until {@link #release()} or {@link #close()}.
     * Other paths keep answering.
     */
    void hang() {
        hang(JWKS_PATH);
    }

    /** Requests to {@code path} block until {@link #release()} or {@link #close()}. */
    void hang(String path) {
        synchronized (hangLock) {
            if (gate.getCount() == 0) {
                gate = new CountDownLatch(1);
            }
            behaviours.put(path, new Behaviour(Mode.HANG, 200));
        }
    }

    /**
     * Lets every hung request go on: each answers the current document of its path. Paths that hung answer normally
     * from now on.
     */
    void release() {
        synchronized (hangLock) {
            behaviours.values().removeIf(b -> b.mode() == Mode.HANG);
            gate.countDown();
        }
    }

    /** How many requests are blocked by {@link #hang()} right now. */
    int hanging() {
        synchronized (hangLock) {
            return hanging;
        }
    }

    /**
     * Waits until at least {@code count} requests are blocked by {@link #hang()}, at most {@code timeout}; returns
     * whether they are. Lets a test know a fetch reached the server without sleeping.
     */
    boolean awaitHanging(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (hangLock) {
            while (hanging < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(hangLock, left);
            }
            return true;
        }
    }

    /** Requests that reached the JWK Set path, whatever the behaviour. */
    int requests() {
        return requests(JWKS_PATH);
    }

    /** Requests that reached {@code path}, whatever the behaviour (also those answered 404). */
    int requests(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    /** Sets every request count back to 0. */
    void resetCounts() {
        counts.clear();
    }

    /** For HTTPS: Camel TLS settings whose trust manager trusts only this server's certificate. */
    SSLContextParameters sslContextParameters() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore().toAbsolutePath());
        store.setPassword(TRUST_STORE_PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    /** For HTTPS: a PKCS12 trust store holding this server's certificate (deleted by {@link #close()}). */
    Path trustStore() {
        if (trustStore == null) {
            throw new IllegalStateException("a plain HTTP server has no trust store: use JwksServer.https()");
        }
        return trustStore;
    }

    /** The password of {@link #trustStore()}. */
    String trustStorePassword() {
        return TRUST_STORE_PASSWORD;
    }

    /** Releases hung requests, stops the server without waiting, and deletes its files. */
    @Override
    public void close() {
        closed = true;
        synchronized (hangLock) {
            gate.countDown();
        }
        if (front != null) {
            try {
                front.close();
            } catch (IOException e) {
                // closing: nothing to do about it
            }
        }
        server.stop(0);
        executor.shutdownNow();
        if (trustStore != null) {
            deleteRecursively(trustStore.getParent());
        }
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Behaviour behaviour = behaviours.getOrDefault(path, Behaviour.OK);
            if (behaviour.mode() == Mode.HANG && !awaitRelease()) {
                return;
            }
            switch (behaviour.mode()) {
                case DOWN -> {
                    // closing before any response header drops the connection: the client reads no answer at all
                }
                case STATUS -> send(exchange, behaviour.status(), "text/plain",
                        ("error " + behaviour.status()).getBytes(StandardCharsets.UTF_8));
                case GARBAGE -> send(exchange, 200, "application/json", GARBAGE.getBytes(StandardCharsets.UTF_8));
                case TRICKLE -> trickle(exchange);
                case REDIRECT -> {
                    exchange.getResponseHeaders().set("Location", behaviour.location());
                    exchange.sendResponseHeaders(behaviour.status(), -1);
                }
                default -> {
                    Document document = documents.get(path);
                    if (document == null) {
                        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    } else {
                        if (cacheControl != null) {
                            exchange.getResponseHeaders().set("Cache-Control", cacheControl);
                        }
                        send(exchange, 200, document.contentType(), document.body());
                    }
                }
            }
        } catch (IOException e) {
            // the client went away or close() dropped the connection: nothing to answer
        }
    }

    /** Sends a body a space at a time, every 100 ms, until the client goes away or the server closes. */
    private void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (!closed) {
                out.write(' ');
                out.flush();
                try {
                    Thread.sleep(100); // the pace of the trickle, not a wait for something in the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Takes each connection at the front and answers it on a thread of its own. */
    private void acceptAtFront() {
        while (!closed) {
            Socket client;
            try {
                client = front.accept();
            } catch (IOException e) {
                return; // the front was closed
            }
            try {
                executor.execute(() -> relay(client));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeQuietly(client);
                return;
            }
        }
    }

    /**
     * One connection at the front: reads the request's head; trickles the headers of the answer itself if the path
     * says so, else passes the request on to the server with {@code Connection: close} and copies the answer back.
     */
    private void relay(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf('\r')).split(" ");
            String path = requestLine.length > 1 ? URI.create(requestLine[1]).getPath() : "";
            if (behaviours.getOrDefault(path, Behaviour.OK).mode() == Mode.TRICKLE_HEADERS) {
                counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                trickleHeaders(client.getOutputStream());
                return;
            }
            try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
                OutputStream toServer = backend.getOutputStream();
                toServer.write(oneRequestPerConnection(head).getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
                backend.getInputStream().transferTo(client.getOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            // the client or the server went away: nothing to answer
        }
    }

    /** The request head up to and with its blank line; null if the client closed first or it is over 16 KiB. */
    private static String readHead(InputStream in) throws IOException {
        InputStream buffered = new java.io.BufferedInputStream(in);
        StringBuilder head = new StringBuilder();
        for (int c = buffered.read(); c >= 0 && head.length() < 16 * 1024; c = buffered.read()) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                return head.toString();
            }
        }
        return null;
    }

    /** The head without its Connection header and with {@code Connection: close}: the front sees every request. */
    private static String oneRequestPerConnection(String head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.substring(0, head.length() - 4).split("\r\n")) {
            if (!line.regionMatches(true, 0, "Connection:", 0, 11)) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    /** The status line, then a header that never ends, a byte every 100 ms, until the client goes or we close. */
    private void trickleHeaders(OutputStream out) {
        try {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!closed) {
                Thread.sleep(100); // the pace of the trickle, not a wait for something in the test
                out.write('x');
                out.flush();
            }
        } catch (IOException e) {
            abandoned.incrementAndGet(); // the client closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Blocks until release() or close(); false when the server is closing or the thread is interrupted. */
    private boolean awaitRelease() {
        CountDownLatch latch;
        synchronized (hangLock) {
            latch = gate;
            hanging++;
            hangLock.notifyAll();
        }
        try {
            latch.await();
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            synchronized (hangLock) {
                hanging--;
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = status == 204 || status == 304 || status < 200;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Makes the server's key and self-signed certificate with keytool, once per JVM, and keeps them in memory. */
    private static synchronized KeyStore serverKeyStore() throws IOException {
        if (certificateStore != null) {
            return certificateStore;
        }
        Path dir = Files.createTempDirectory("jwks-server-cert");
        try {
            Path file = dir.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair",
                    "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(SERVER_STORE_PASSWORD), "-keypass", new String(SERVER_STORE_PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not make the test certificate: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, SERVER_STORE_PASSWORD);
            }
            certificateStore = keyStore;
            return keyStore;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("the test certificate does not load", e);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static SSLContext serverSslContext(KeyStore keyStore) throws IOException {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, SERVER_STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS context for the test certificate", e);
        }
    }

    /** A PKCS12 trust store with the server's certificate, in a temp dir of this server. */
    private static Path writeTrustStore(KeyStore serverStore) throws IOException {
        Path dir = Files.createTempDirectory("jwks-server-trust");
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("jwks-server", serverStore.getCertificate("server"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trust.store(bytes, TRUST_STORE_PASSWORD.toCharArray());
            Path file = dir.resolve("truststore.p12");
            Files.copy(new ByteArrayInputStream(bytes.toByteArray()), file);
            return file;
        } catch (GeneralSecurityException e) {
            deleteRecursively(dir);
            throw new IOException("the trust store cannot be written", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp file left behind is not worth failing a test for
        }
    }
}
