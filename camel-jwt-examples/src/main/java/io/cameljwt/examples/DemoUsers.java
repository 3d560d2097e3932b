package io.cameljwt.examples;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.PropertiesComponent;

/**
 * DEMO ONLY: an in-memory user table read from the {@code demo.user.NAME.password} and {@code demo.user.NAME.roles}
 * properties. A real login checks salted password hashes (or delegates to an identity provider) and throttles
 * guessing.
 */
public final class DemoUsers {

    static final String PREFIX = "demo.user.";

    private record User(byte[] password, List<String> roles) {
    }

    private final Map<String, User> users;

    private DemoUsers(Map<String, User> users) {
        this.users = users;
    }

    public static DemoUsers from(PropertiesComponent properties) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String key : properties.loadProperties(k -> k.startsWith(PREFIX) && k.endsWith(".password")).stringPropertyNames()) {
            String name = key.substring(PREFIX.length(), key.length() - ".password".length());
            String password = properties.resolveProperty(key).orElse("");
            List<String> roles = Arrays.stream(properties.resolveProperty(PREFIX + name + ".roles").orElse("").split(","))
                    .map(String::trim).filter(r -> !r.isEmpty()).toList();
            users.put(name, new User(password.getBytes(StandardCharsets.UTF_8), roles));
        }
        return new DemoUsers(users);
    }

    /**
     * The claims of the token this user gets ({@code sub} and {@code roles}), or a refusal. An unknown user and a
     * wrong password look the same to the caller.
     */
    public Map<String, Object> authenticate(String username, String password) throws LoginFailedException {
        User user = users.get(username);
        // constant-time comparison, so the answer time does not tell how much of the password was right
        if (user == null || !MessageDigest.isEqual(user.password(), password.getBytes(StandardCharsets.UTF_8))) {
            throw LoginFailedException.badCredentials(username);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username);
        claims.put("roles", user.roles());
        return claims;
    }
}
