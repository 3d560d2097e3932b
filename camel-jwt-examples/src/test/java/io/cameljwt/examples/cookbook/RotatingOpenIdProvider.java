package io.cameljwt.examples.cookbook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A minimal OpenID provider on 127.0.0.1 (the JDK's HTTP server) that rotates its signing keys as Keycloak, Entra ID
 * or Auth0 do: a new key under a new {@code kid} is published next to the old one, signs from then on, and the old
 * one is withdrawn later. It serves discovery and the JWK Set; tokens are signed with jose4j. mock-oauth2-server cannot
 * do this: it names each issuer's key by the issuer's id, so a new key would keep the old {@code kid}.
 */
final class RotatingOpenIdProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String issuer;
    private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
    private volatile RsaJsonWebKey signing;

    RotatingOpenIdProvider(String firstKid) throws IOException, JoseException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/sso";
        server.createContext("/realms/sso/.well-known/openid-configuration", exchange -> answer(exchange,
                JSON.writeValueAsString(Map.of("issuer", issuer, "jwks_uri", issuer + "/keys"))));
        server.createContext("/realms/sso/keys", exchange -> answer(exchange,
                new JsonWebKeySet(published.toArray(JsonWebKey[]::new)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        addKey(firstKid);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    /** Publishes a new key under {@code kid} next to the others and signs with it from now on. */
    void addKey(String kid) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        published.add(key);
        signing = key;
    }

    /** Withdraws the key under {@code kid} from the published set. */
    void withdrawKey(String kid) {
        published.removeIf(key -> kid.equals(key.getKeyId()));
    }

    /** A token of this provider for {@code subject} and {@code audience}, living five minutes. */
    String token(String subject, String audience) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(signing.getKeyId());
        jws.setKey(signing.getPrivateKey());
        return jws.getCompactSerialization();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
