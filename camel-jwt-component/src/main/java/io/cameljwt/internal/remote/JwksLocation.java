package io.cameljwt.internal.remote;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Where a JWK Set is: the {@code jwksUri} given, or the {@code jwks_uri} of an OpenID provider's discovery document
 * (OpenID Connect Discovery 1.0), read once and then kept for the endpoint's life. Its {@link #name()} is the URI
 * configured, cleaned once here ({@link KeyServerText}: query masked, control characters and quotes replaced), and is
 * what every log line, message and health detail shows.
 */
final class JwksLocation {

    private final String name;
    private final String issuerUri;
    private final Set<String> acceptedIssuers;
    private volatile String jwksUri;

    private JwksLocation(String name, String jwksUri, String issuerUri, Set<String> acceptedIssuers) {
        this.name = name;
        this.jwksUri = jwksUri;
        this.issuerUri = issuerUri;
        this.acceptedIssuers = acceptedIssuers;
    }

    static JwksLocation fixed(String jwksUri) {
        RemoteUris.check(jwksUri, "Option 'jwksUri'");
        return new JwksLocation(KeyServerText.printable(jwksUri.trim()), jwksUri.trim(), null, null);
    }

    /**
     * @param acceptedIssuers the {@code issuer} values the discovery document may name: the issuer URI itself (which
     *                        the specification requires) and those of the {@code issuer} option
     */
    static JwksLocation discovered(String issuerUri, Set<String> acceptedIssuers) {
        RemoteUris.check(issuerUri, "Option 'issuerUri'");
        return new JwksLocation(KeyServerText.printable(issuerUri.trim()), null, issuerUri, acceptedIssuers);
    }

    /** What logs and messages call this source: the JWK Set's or the issuer's URI. */
    String name() {
        return name;
    }

    /**
     * The JWK Set's URI; the first call of a discovered location reads the discovery document, before the deadline.
     *
     * @param deadline a {@link System#nanoTime()} value: that of the whole fetch, which reads the JWK Set after this
     */
    String jwksUri(HttpDocuments http, long deadline) throws IOException {
        String known = jwksUri;
        if (known != null) {
            return known;
        }
        // OpenID Connect Discovery 1.0 section 4: a trailing '/' of the issuer is removed before the well-known path
        String base = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(http.get(base + "/.well-known/openid-configuration", deadline));
        } catch (JoseException | RuntimeException e) {
            throw new IOException("the discovery document of " + name + " is not a JSON object");
        }
        Object issuer = document.get("issuer");
        if (!(issuer instanceof String) || !acceptedIssuers.contains(issuer)) {
            // section 4.3: the issuer named must be the one asked, else the document may be an impostor's
            throw new IOException("the discovery document of " + name + " names another issuer"
                                  + (issuer instanceof String named ? " (" + KeyServerText.printable(named, 200) + ")"
                                          : "")
                                  + "; set 'issuer' if tokens really carry that one");
        }
        Object uri = document.get("jwks_uri");
        if (!(uri instanceof String found)) {
            throw new IOException("the discovery document of " + name + " has no jwks_uri");
        }
        try {
            URI asked = URI.create(issuerUri.trim());
            RemoteUris.checkFollowed(asked, asked, found, "its jwks_uri", http.resolver(deadline));
        } catch (IllegalArgumentException e) {
            throw new IOException("the discovery document of " + name + ": " + e.getMessage());
        }
        jwksUri = found;
        return found;
    }
}
