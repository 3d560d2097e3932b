package io.cameljwt.examples.springboot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DEMO ONLY: the user table of {@code demo.users.NAME.password} and {@code demo.users.NAME.roles} in
 * {@code application.yaml}. A real login checks salted password hashes (or leaves logins to an identity provider)
 * and throttles guessing.
 */
@ConfigurationProperties("demo")
public record DemoUsers(Map<String, User> users) {

    /** One user: a password and the roles written into the token. */
    public record User(String password, List<String> roles) {
    }

    public DemoUsers {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /**
     * The claims of the token this user gets ({@code sub} and {@code roles}), or a refusal. An unknown user and a
     * wrong password look the same to the caller.
     */
    Map<String, Object> authenticate(String username, String password) throws LoginFailedException {
        User user = users.get(username);
        // constant-time comparison, so the answer time does not tell how much of the password was right
        if (user == null || user.password() == null || !MessageDigest.isEqual(
                user.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            throw LoginFailedException.badCredentials(username);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username);
        claims.put("roles", user.roles() == null ? List.of() : user.roles());
        return claims;
    }
}
