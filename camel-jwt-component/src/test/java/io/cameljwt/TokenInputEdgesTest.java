package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where tokens come from, at the edges: an empty {@code Bearer}, bodies too large to be read, and bodies that must
 * survive an operation that reads them.
 */
class TokenInputEdgesTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    @Test
    void bareBearerHoldsNoTokenSoTheBodyIsTriedNext() {
        refused(send(HS, null, Map.of("Authorization", "Bearer ")), JwtFailure.TOKEN_MISSING, null);
        refused(send(HS, null, Map.of("Authorization", "bearer")), JwtFailure.TOKEN_MISSING, null);
        String token = hs256(validClaims());
        assertEquals("alice", accepted(send(HS, token, Map.of("Authorization", "Bearer")))
                .getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void cachedStreamBodyLargerThanAnyTokenIsRefusedWithoutBeingRead() {
        refused(send(HS, new UnreadableCache(20L * 1024 * 1024), Map.of()), JwtFailure.TOO_LARGE, null);
    }

    @Test
    void fileBodyLargerThanAnyTokenIsRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        File big = dir.resolve("big.txt").toFile();
        try (RandomAccessFile sparse = new RandomAccessFile(big, "rw")) {
            sparse.setLength(20L * 1024 * 1024);
        }
        refused(send(HS, big, Map.of()), JwtFailure.TOO_LARGE, null);
        refused(send(HS, big.toPath(), Map.of()), JwtFailure.TOO_LARGE, null);
    }

    @Test
    void fileBodyHoldingATokenIsStillRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token.txt");
        Files.writeString(file, hs256(validClaims()) + "\n");
        assertEquals("alice", accepted(send(HS, file.toFile(), Map.of())).getHeader(JwtConstants.JWT_SUBJECT));
    }

    @Test
    void cachedStreamOfUnknownLengthIsReadOnlyUpToTheLimitThenRefusedAndReset() {
        EndlessCache body = new EndlessCache();
        refused(send(HS + "&maxTokenLength=100", body, Map.of()), JwtFailure.TOO_LARGE, null);
        assertTrue(body.read <= 100 + 1024 + 1, "read " + body.read + " bytes");
        assertTrue(body.wasReset, "the stream cache was not reset");
    }

    @Test
    void generateWithOutputHeaderKeepsAOneShotStreamBody() {
        String uri = "jwt:generate?secret=" + Tokens.SECRET + "&outputHeader=X-Token";
        InputStream body = new ByteArrayInputStream("{\"sub\":\"carol\"}".getBytes(StandardCharsets.UTF_8));
        Exchange result = send(uri, body, Map.of());
        assertNotNull(accepted(result).getHeader("X-Token"));
        assertEquals("{\"sub\":\"carol\"}", result.getMessage().getBody(String.class));
    }

    /** A character beyond the Basic Multilingual Plane (two chars of a Java string): a refusal, not a crash. */
    @Test
    void aCharacterBeyondTheBasicMultilingualPlaneIsRefusedAsMalformed() {
        String token = hs256(validClaims());
        for (String odd : new String[] { "\ud83d\ude00..", token.replaceFirst("\\.", ".\ud83d\ude00") }) {
            for (String uri : new String[] { HS, HS + "&tokenCacheSize=0", "jwt:decode" }) {
                JwtValidationException refusal = refused(sendToken(uri, odd), JwtFailure.MALFORMED, odd);
                assertEquals("MALFORMED: the token has a character outside Base64url", refusal.getMessage());
            }
        }
    }

    @Test
    void correctlySignedPayloadThatIsNotUtf8IsRefusedAsMalformed() {
        byte[] payload = ("{\"sub\":\"alice\",\"exp\":" + (Tokens.now() + 300) + "}").getBytes(StandardCharsets.UTF_8);
        payload[10] = (byte) 0xC3; // "al\xC3ce": a lead byte followed by 'c' is not UTF-8
        String signingInput = Tokens.b64(Tokens.json(Tokens.header("HS256"))) + "." + Tokens.b64(payload);
        String token = signingInput + "." + Tokens.b64(Tokens.signature(signingInput, "HS256", Tokens.HMAC_KEY));
        refused(sendToken(HS, token), JwtFailure.MALFORMED, token);
        refused(sendToken("jwt:decode", token), JwtFailure.MALFORMED, token);
    }

    @Test
    void correctlySignedHeaderThatIsNotUtf8IsRefusedAsMalformed() {
        byte[] header = "{\"alg\":\"HS256\",\"x\":\"a?c\"}".getBytes(StandardCharsets.UTF_8);
        header[new String(header, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xC3; // "a\xC3c": not UTF-8
        String signingInput = Tokens.b64(header) + "." + Tokens.b64(Tokens.json(validClaims()));
        String token = signingInput + "." + Tokens.b64(Tokens.signature(signingInput, "HS256", Tokens.HMAC_KEY));
        assertTrue(refused(sendToken(HS, token), JwtFailure.MALFORMED, token).getMessage().contains("header is not UTF-8"));
        assertTrue(refused(sendToken("jwt:decode", token), JwtFailure.MALFORMED, token).getMessage()
                .contains("header is not UTF-8"));
    }

    @Test
    void encryptedTokenWhoseHeaderIsNotUtf8IsRefusedAsMalformedBeforeDecryption() {
        byte[] header = "{\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"x\":\"a?c\"}".getBytes(StandardCharsets.UTF_8);
        header[new String(header, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xC3;
        String token = Tokens.b64(header) + ".AAAA.AAAA.AAAA.AAAA";
        String uri = "jwt:decode?" + EncryptionTest.secret("decryptionKey", EncryptionTest.SECRET_32);
        assertTrue(refused(sendToken(uri, token), JwtFailure.MALFORMED, token).getMessage().contains("header is not UTF-8"));
    }

    /** A stream cache that does not know its length and never ends; counts what is read from it. */
    static final class EndlessCache extends InputStream implements StreamCache {
        private long read;
        private boolean wasReset;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public void reset() {
            wasReset = true;
        }

        @Override
        public void writeTo(OutputStream os) {
            throw new AssertionError("the body was read whole");
        }

        @Override
        public StreamCache copy(Exchange exchange) {
            return this;
        }

        @Override
        public boolean inMemory() {
            return true;
        }

        @Override
        public long length() {
            return 0;
        }

        @Override
        public long position() {
            return read;
        }
    }

    /** A stream cache that knows its length and fails the test if anything reads it. */
    static final class UnreadableCache extends InputStream implements StreamCache {
        private final long length;

        UnreadableCache(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            throw new AssertionError("the body was read");
        }

        @Override
        public void reset() {
        }

        @Override
        public void writeTo(OutputStream os) {
            throw new AssertionError("the body was read");
        }

        @Override
        public StreamCache copy(Exchange exchange) {
            return this;
        }

        @Override
        public boolean inMemory() {
            return false;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public long position() {
            return 0;
        }
    }
}
