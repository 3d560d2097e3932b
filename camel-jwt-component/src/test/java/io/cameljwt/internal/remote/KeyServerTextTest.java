package io.cameljwt.internal.remote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text from a key server cannot forge a log line or a JSON field, leak a secret parameter, or flood. */
class KeyServerTextTest {

    @Test
    void lineBreaksControlAndFormatCharactersAreReplaced() {
        String location = "https://evil.example/\r\nWARN forged\u0085line\u2028x\u202eabc\u001b[31m\u0000";
        String cleaned = KeyServerText.printable(location);
        assertEquals("https://evil.example/??WARN forged?line?x?abc?[31m?", cleaned);
    }

    @Test
    void quotesAndBackslashesCannotEndAJsonString() {
        assertEquals("issuer ',' status': 'UP' '", KeyServerText.printable("issuer \",\" status\": \"UP\" \\"));
    }

    @Test
    void secretUriParametersAreMasked() {
        String cleaned = KeyServerText.printable("HTTP status 500 from https://idp.example/keys?client_secret=s3cr3t&x=1");
        assertFalse(cleaned.contains("s3cr3t"), cleaned);
    }

    @Test
    void longTextIsCutShort() {
        String cleaned = KeyServerText.printable("a".repeat(10_000));
        assertEquals(KeyServerText.MAX + 3, cleaned.length());
        assertTrue(cleaned.endsWith("..."));
        assertNull(KeyServerText.printable(null));
    }

    @Test
    void textOfExactlyTheLimitIsKeptWhole() {
        String text = "a".repeat(KeyServerText.MAX);
        assertEquals(text, KeyServerText.printable(text));
        assertEquals(text.substring(1) + "...", KeyServerText.printable(text, KeyServerText.MAX - 1));
    }
}
