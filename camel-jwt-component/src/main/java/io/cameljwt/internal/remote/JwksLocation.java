package io.cameljwt.internal.remote;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Where a JWK Set is: the {@code jwksUri} given, or the {@code jwks_uri} of an OpenID provider's discovery document
 * (OpenID Connect Discovery 1.0), read once and then kept for the endpoint's life.
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
        return new JwksLocation(RemoteUris.printable(jwksUri.trim()), jwksUri.trim(), null, null);
    }

    /**
     * @param acceptedIssuers the {@code issuer} values the discovery document may name: the issuer URI itself (which
     *                        the specification requires) and those of the {@code issuer} option
     */
    static JwksLocation discovered(String issuerUri, Set<String> acceptedIssuers) {
        RemoteUris.check(issuerUri, "Option 'issuerUri'");
        return new JwksLocation(RemoteUris.printable(issuerUri), null, issuerUri, acceptedIssuers);
    }

    /** What logs and messages call this source: the JWK Set's or the issuer's URI. */
    String name() {
        return name;
    }

    /** The JWK Set's URI; the first call of a discovered location reads the discovery document. */
    String jwksUri(HttpDocuments http) throws IOException {
        String known = jwksUri;
        if (known != null) {
            return known;
        }
        // OpenID Connect Discovery 1.0 section 4: a trailing '/' of the issuer is removed before the well-known path
        String base = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(http.get(base + "/.well-known/openid-configuration"));
        } catch (JoseException | RuntimeException e) {
            throw new IOException("the discovery document of " + issuerUri + " is not a JSON object");
        }
        Object issuer = document.get("issuer");
        if (!(issuer instanceof String) || !acceptedIssuers.contains(issuer)) {
            // section 4.3: the issuer named must be the one asked, else the document may be an impostor's
            throw new IOException("the discovery document of " + issuerUri + " names another issuer"
                                  + (issuer instanceof String named ? " (" + KeyServerText.printable(named, 200) + ")" : "")
                                  + "; set 'issuer' if tokens really carry that one");
        }
        Object uri = document.get("jwks_uri");
        if (!(uri instanceof String found)) {
            throw new IOException("the discovery document of " + issuerUri + " has no jwks_uri");
        }
        try {
            URI asked = URI.create(issuerUri.trim());
            RemoteUris.checkFollowed(asked, asked, found, "its jwks_uri");
        } catch (IllegalArgumentException e) {
            throw new IOException("the discovery document of " + issuerUri + ": " + e.getMessage());
        }
        jwksUri = found;
        return found;
    }
}
