package io.cameljwt.internal.remote;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sso.example.com/realms/shop", "HTTPS://sso.example.com/keys", "http://127.0.0.1:8080/jwks",
            "http://127.0.0.2/jwks", "http://localhost:8080/realms/x", "http://[::1]:9000/jwks", " https://a.example/keys " })
    void httpsAnywhereAndHttpToLoopbackAreAccepted(String address) {
        assertDoesNotThrow(() -> RemoteUris.check(address, "Option 'jwksUri'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://sso.example.com/keys", "http://10.0.0.1/jwks", "http://localhost.example.com/jwks",
            "http://127.0.0.1.nip.io/jwks", "http://[::2]/jwks", "ftp://127.0.0.1/jwks", "file:/etc/jwks.json",
            "classpath:jwks.json", "https:///nohost", "not a uri", "https://user:password@sso.example.com/keys" })
    void anythingElseIsRefusedNamingTheOption(String address) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.check(address, "Option 'jwksUri'"));
        assertTrue(e.getMessage().startsWith("Option 'jwksUri'"), e.getMessage());
        assertTrue(!e.getMessage().contains("password"), "the message never repeats credentials");
    }

    @Test
    void printableMasksTheQueryAndFragmentOfEveryUrlInATextAndKeepsTheRest() {
        assertEquals("HTTP status 500 from https://cdn.example.com/keys?xxxxxx",
                RemoteUris.printable("HTTP status 500 from https://cdn.example.com/keys?X-Amz-Signature=abc&b=c"));
        assertEquals("no keys from http://127.0.0.1:8080/jwks?xxxxxx (HTTP status 500 from https://a.example/k?xxxxxx)",
                RemoteUris.printable("no keys from http://127.0.0.1:8080/jwks?access_token=t1 (HTTP status 500 from"
                                     + " https://a.example/k#token=t2)"));
        assertEquals("https://sso.example.com/realms/shop", RemoteUris.printable("https://sso.example.com/realms/shop"));
        assertEquals("Read timed out", RemoteUris.printable("Read timed out"));
    }
}
