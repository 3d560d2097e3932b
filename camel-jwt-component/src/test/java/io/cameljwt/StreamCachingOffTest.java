package io.cameljwt;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cameljwt.Tokens.hs256;
import static io.cameljwt.Tokens.validClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With stream caching off, Camel leaves a stream body as it is between steps: validate and generate must still leave
 * the body readable for the next step, whether it is a one-shot stream or a stream cache.
 */
class StreamCachingOffTest extends JwtRouteTestSupport {

    private static final String HS = "jwt:validate?secret=" + Tokens.SECRET;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.setStreamCaching(false);
        return camelContext;
    }

    @Test
    void oneShotStreamBodyIsStillReadableAfterValidate() throws Exception {
        String token = hs256(validClaims());
        assertEquals("alice", accepted(send(HS, stream(token), Map.of())).getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(token, bodyAfterTheRoute());
    }

    @Test
    void streamCacheBodyIsStillReadableAfterValidate() throws Exception {
        String token = hs256(validClaims());
        InputStreamCache body = new InputStreamCache(token.getBytes(StandardCharsets.UTF_8));
        assertEquals("alice", accepted(send(HS, body, Map.of())).getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(token, bodyAfterTheRoute());
    }

    @Test
    void oneShotStreamBodyIsStillReadableAfterGenerateWithOutputHeader() throws Exception {
        Exchange result = send("jwt:generate?secret=" + Tokens.SECRET + "&outputHeader=X-Token",
                stream("{\"sub\":\"carol\"}"), Map.of());
        assertNotNull(accepted(result).getHeader("X-Token"));
        assertEquals("{\"sub\":\"carol\"}", bodyAfterTheRoute());
    }

    @Test
    void endlessOneShotStreamIsRefusedAsTooLargeAfterReadingLittleMoreThanMaxTokenLength() {
        EndlessStream body = new EndlessStream();
        refused(send(HS + "&maxTokenLength=100", body, Map.of()), JwtFailure.TOO_LARGE, null);
        refused(send("jwt:decode?maxTokenLength=100", body, Map.of()), JwtFailure.TOO_LARGE, null);
        // maxTokenLength, the 1 KiB allowed around a token, and one more byte to know there is more: per message
        assertTrue(body.read <= 2 * (100 + 1024 + 1), "read " + body.read + " bytes");
    }

    @Test
    void oneShotStreamTooLargeForATokenIsStillWholeAfterValidate() throws Exception {
        String text = "x".repeat(5000);
        Exchange result = send(HS + "&maxTokenLength=100&failOnInvalid=false", stream(text), Map.of());
        assertEquals("TOO_LARGE", accepted(result).getHeader(JwtConstants.JWT_ERROR));
        assertEquals(text, bodyAfterTheRoute());
    }

    @Test
    void readerTooLargeForATokenIsRefusedAndStillWholeAfterValidate() throws Exception {
        String text = "x".repeat(5000);
        Exchange result = send(HS + "&maxTokenLength=100&failOnInvalid=false", new StringReader(text), Map.of());
        assertEquals("TOO_LARGE", accepted(result).getHeader(JwtConstants.JWT_ERROR));
        assertEquals(text, bodyAfterTheRoute());
    }

    @Test
    void readerBodyIsValidatedAndStillReadableAfterwards() throws Exception {
        String token = hs256(validClaims());
        assertEquals("alice", accepted(send(HS, new StringReader(" " + token + "\n"), Map.of()))
                .getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(" " + token + "\n", bodyAfterTheRoute());
    }

    @Test
    void tokenPaddedWithWhitespaceUpToTheMarginIsStillReadFromAStream() throws Exception {
        String token = hs256(validClaims());
        String body = " ".repeat(1000) + token + "\n";
        String uri = HS + "&maxTokenLength=" + token.length();
        assertEquals("alice", accepted(send(uri, stream(body), Map.of())).getHeader(JwtConstants.JWT_SUBJECT));
        assertEquals(body, bodyAfterTheRoute());
    }

    /** A stream that never ends, and counts what was read from it. */
    @Test
    void fileConsumerBodyLargerThanAnyTokenIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        File big = dir.resolve("big.txt").toFile();
        try (RandomAccessFile sparse = new RandomAccessFile(big, "rw")) {
            sparse.setLength(20L * 1024 * 1024);
        }
        // a file consumer's body (a GenericFile): the size of its file bounds it, and its content is not read
        UnreadFile body = new UnreadFile(big);
        refused(send(HS, body, Map.of()), JwtFailure.TOO_LARGE, null);
        assertEquals(0, body.read, "bytes of the file were read");
    }

    /** A wrapped file, as Camel's file consumer gives, whose content is a stream that counts what is read of it. */
    private static final class UnreadFile implements WrappedFile<File> {
        private final File file;
        private volatile long read;

        UnreadFile(File file) {
            this.file = file;
        }

        @Override
        public File getFile() {
            return file;
        }

        @Override
        public Object getBody() {
            return new InputStream() {
                @Override
                public int read() {
                    read++;
                    return 'a';
                }
            };
        }

        @Override
        public long getFileLength() {
            return file.length();
        }
    }

    private static final class EndlessStream extends InputStream {
        private long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }
    }

    /** What the step after the jwt endpoint reads from the body. */
    private String bodyAfterTheRoute() throws Exception {
        MockEndpoint mock = getMockEndpoint(MOCK);
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        return mock.getReceivedExchanges().get(0).getMessage().getBody(String.class);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
