package io.cameljwt.internal.io;

import java.io.InputStream;

import org.apache.camel.Message;
import org.apache.camel.StreamCache;

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
        } else if (body instanceof InputStream) {
            message.setBody(text);
        }
        return text;
    }

    /** How many bytes the body holds, where that is known without reading it; else -1. */
    static long knownSize(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes.length;
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
