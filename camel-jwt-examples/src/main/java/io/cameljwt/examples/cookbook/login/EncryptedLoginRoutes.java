package io.cameljwt.examples.cookbook.login;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import io.cameljwt.examples.DemoUsers;
import io.cameljwt.examples.HttpJson;
import io.cameljwt.examples.LoginFailedException;
import io.cameljwt.examples.LoginRoute;
import io.cameljwt.examples.ProtectedApiRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Cookbook use 2, the encrypted variant of {@link LoginRoute}: {@code POST /login/encrypted} checks the same demo
 * users and issues a nested token, signed with the login's key and then encrypted (JWE, RSA-OAEP-256 and A256GCM) to
 * the public key of the API it is for, so the client that carries it cannot read its claims.
 * {@code GET /api/profile} is that API: it decrypts with its private key, checks the signature with the login's
 * public key, and refuses a token that is not encrypted.
 * <p>
 * Properties: {@code jwt.privateKey}, {@code jwt.publicKey}, {@code jwt.keyId}, {@code jwt.issuer},
 * {@code jwt.expiresInSeconds} and the demo users of {@code application.properties}; {@code profile.audience},
 * {@code profile.encryptionKey} (the API's public key) and {@code profile.decryptionKey} (its private key).
 */
public class EncryptedLoginRoutes extends RouteBuilder {

    @Override
    public void configure() {
        DemoUsers users = DemoUsers.from(getContext().getPropertiesComponent());
        long expiresInSeconds = Long.parseLong(getContext().resolvePropertyPlaceholders("{{jwt.expiresInSeconds}}"));

        onException(LoginFailedException.class).handled(true)
                .process(exchange -> {
                    LoginFailedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LoginFailedException.class);
                    HttpJson.respond(exchange, failure.httpStatus(), Map.of("error", failure.error()));
                });
        onException(JwtValidationException.class).handled(true)
                .process(ProtectedApiRoutes::refuse);

        from("platform-http:/login/encrypted?httpMethodRestrict=POST").routeId("login-encrypted")
                .process(exchange -> {
                    JsonNode request = LoginRoute.credentials(exchange.getMessage().getBody(String.class));
                    exchange.getMessage().setBody(
                            users.authenticate(request.get("username").asText(), request.get("password").asText()));
                })
                // sign as the signed login does, then encrypt to the API's public key: only the API can read it
                .to("jwt:generate?privateKey=RAW({{jwt.privateKey}})&keyId={{jwt.keyId}}&issuer={{jwt.issuer}}"
                    + "&audience={{profile.audience}}&expiresIn={{jwt.expiresInSeconds}}s"
                    + "&encryptionKey=RAW({{profile.encryptionKey}})")
                .process(exchange -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("access_token", exchange.getMessage().getBody(String.class));
                    answer.put("token_type", "Bearer");
                    answer.put("expires_in", expiresInSeconds);
                    HttpJson.respond(exchange, 200, answer);
                });

        from("platform-http:/api/profile?httpMethodRestrict=GET").routeId("profile-api")
                .to("jwt:validate?publicKey=RAW({{jwt.publicKey}})&issuer={{jwt.issuer}}&audience={{profile.audience}}"
                    + "&decryptionKey=RAW({{profile.decryptionKey}})&requireEncryption=true")
                .process(exchange -> HttpJson.respond(exchange, 200, Map.of(
                        "subject", exchange.getMessage().getHeader(JwtConstants.JWT_SUBJECT, String.class),
                        "roles", exchange.getMessage().getHeader(JwtConstants.JWT_ROLES))));
    }
}
