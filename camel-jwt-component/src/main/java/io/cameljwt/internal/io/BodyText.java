package io.cameljwt.internal.io;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;

/**
 * Reads a message body as text without losing it: a cached stream is reset after reading, and a one-shot stream is
 * replaced by the text read from it.
 */
final class BodyText {

    private BodyText() {
    }

    static String read(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return null;
        }
        String text = message.getBody(String.class);
        if (body instanceof StreamCache cache) {
            cache.reset();
        } else if (body instanceof InputStream || body instanceof Reader) {
            message.setBody(text);
        }
        return text;
    }

    /**
     * The body as text, or null when a stream body holds more than {@code limit} bytes (characters for a
     * {@link Reader}): then no more than {@code limit + 1} have been read, and the body still holds all of it (a cached
     * stream is reset, a one-shot stream is replaced by one that gives back what was read, then the rest, unread).
     * A body that is not a stream is read as {@link #read} does; bound it first with {@link #knownSize}.
     */
    static String readAtMost(Message message, int limit) {
        Object body = message.getBody();
        try {
            if (body instanceof InputStream in) {
                return readAtMost(message, in, limit);
            }
            if (body instanceof Reader reader) {
                return readAtMost(message, reader, limit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the message body cannot be read", e);
        }
        String text = read(message);
        return text == null ? "" : text;
    }

    private static String readAtMost(Message message, InputStream in, int limit) throws IOException {
        byte[] head = in.readNBytes(limit + 1);
        if (head.length > limit) {
            if (in instanceof StreamCache cache) {
                cache.reset();
            } else {
                message.setBody(new SequenceInputStream(new ByteArrayInputStream(head), in));
            }
            return null;
        }
        // the charset Camel's own conversion of a stream to text uses
        Charset charset = message.getExchange() == null
                ? StandardCharsets.UTF_8 : ExchangeHelper.getCharset(message.getExchange(), true);
        String text = new String(head, charset);
        keep(message, in, text);
        return text;
    }

    private static String readAtMost(Message message, Reader reader, int limit) throws IOException {
        StringBuilder head = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; head.length() <= limit
                && (n = reader.read(buffer, 0, Math.min(buffer.length, limit + 1 - head.length()))) >= 0;) {
            head.append(buffer, 0, n);
        }
        if (head.length() > limit) {
            if (reader instanceof StreamCache cache) {
                cache.reset();
            } else {
                PushbackReader whole = new PushbackReader(reader, head.length());
                whole.unread(head.toString().toCharArray());
                message.setBody(whole);
            }
            return null;
        }
        String text = head.toString();
        keep(message, reader, text);
        return text;
    }

    /** After a whole stream was read: a cache is reset, a one-shot stream gives way to its text. */
    private static void keep(Message message, Object stream, String text) {
        if (stream instanceof StreamCache cache) {
            cache.reset();
        } else {
            message.setBody(text);
        }
    }

    /**
     * How many bytes the body holds, where that is known without reading it; else -1. A file (a {@code File},
     * {@code Path}, or the {@code GenericFile} of Camel's file components) and a {@code ByteBuffer} are converted whole
     * when read, so their size is what bounds them.
     */
    static long knownSize(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes.length;
        }
        if (body instanceof ByteBuffer buffer) {
            return buffer.remaining();
        }
        if (body instanceof WrappedFile<?> wrapped) {
            long length = wrapped.getFileLength(); // also for a remote file: its size as listed
            return length > 0 ? length : -1;
        }
        if (body instanceof File file && file.isFile()) {
            return file.length();
        }
        if (body instanceof Path path && Files.isRegularFile(path)) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }
        if (body instanceof CharSequence text) {
            return text.length();
        }
        if (body instanceof StreamCache cache) {
            long length = cache.length();
            return length > 0 ? length : -1;
        }
        return -1;
    }
}
