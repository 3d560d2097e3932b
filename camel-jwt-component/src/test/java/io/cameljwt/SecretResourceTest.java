package io.cameljwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code secret} given as a resource ({@code file:}, {@code classpath:}) is the resource's content, as for the other key
 * options, never the resource's name; a URL is refused at start.
 */
class SecretResourceTest extends CamelTestSupport {

    private static final String SECRET = "a-secret-read-from-a-file-0123456789abcdef";
    /** The content of {@code keys/hmac-secret.txt}, without the line break that ends it. */
    private static final String CLASSPATH_SECRET = "a-secret-read-from-the-class-path-0123456789";

    @TempDir
    Path dir;

    @Test
    void secretInAFileIsTheFilesTextWithoutTheLineBreakThatEndsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("hmac.txt"), SECRET + "\n");
        assertSignsWhatTheLiteralSecretVerifies("secret=file:" + file, "secret=" + SECRET);
    }

    @Test
    void secretOnTheClassPathIsTheResourcesText() throws Exception {
        assertSignsWhatTheLiteralSecretVerifies("secret=classpath:keys/hmac-secret.txt", "secret=" + CLASSPATH_SECRET);
    }

    @Test
    void base64SecretInAFileIsDecodedWithItsEncoding() throws Exception {
        byte[] bytes = new byte[48];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 200); // not UTF-8: only an encoding carries it
        }
        String base64 = Base64.getEncoder().encodeToString(bytes);
        Path file = Files.writeString(dir.resolve("hmac.b64"), base64 + "\r\n");
        assertSignsWhatTheLiteralSecretVerifies("secretEncoding=base64&secret=file:" + file,
                "secretEncoding=base64&secret=RAW(" + base64 + ")");
    }

    @Test
    void secretThatIsAUrlIsRefusedAtStartNamingSecret() {
        String message = startFailure("jwt:validate?secret=https://vault.example/v1/jwt-secret");
        assertEquals("Option 'secret' is a URL, which is never fetched: give the secret itself, a resource (classpath:,"
                     + " file: or ref:) or a #bean", message);
    }

    @Test
    void secretFileThatCannotBeReadIsRefusedAtStartNamingSecret() {
        Path missing = dir.resolve("missing.txt");
        assertEquals("Option 'secret': resource file:" + missing + " cannot be read",
                startFailure("jwt:generate?secret=file:" + missing));
    }

    @Test
    void secretFileThatIsNotUtf8IsRefusedAtStartWithoutItsBytes() throws IOException {
        Path file = Files.write(dir.resolve("hmac.bin"), new byte[] { 'k', 'e', 'y', (byte) 0xff, (byte) 0xfe, 0x41 });
        assertEquals("Option 'secret': resource file:" + file + " is not UTF-8 text; write a binary secret in base64 or"
                     + " hex and set 'secretEncoding'", startFailure("jwt:validate?secret=file:" + file));
    }

    /** A token generated with {@code signingOptions} passes validate with {@code verifyingOptions}. */
    private void assertSignsWhatTheLiteralSecretVerifies(String signingOptions, String verifyingOptions) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("jwt:generate?issuer=secrets&" + signingOptions);
                from("direct:validate").to("jwt:validate?issuer=secrets&" + verifyingOptions);
            }
        });
        String token = template.requestBody("direct:generate", Map.of("sub", "alice"), String.class);
        Object subject = template.request("direct:validate", e -> e.getMessage().setHeader(JwtConstants.JWT_TOKEN, token))
                .getMessage().getHeader(JwtConstants.JWT_SUBJECT);
        assertEquals("alice", subject);
    }

    /** The message of the innermost cause of the failure to start a route to {@code uri}. */
    private String startFailure(String uri) {
        Exception failure = assertThrows(FailedToStartRouteException.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        }));
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
