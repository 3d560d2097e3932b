package io.cameljwt.internal.remote;

import org.apache.camel.util.URISupport;

/**
 * Text that came from a key server or names one (a failure, a {@code Location}, an issuer, a URI), made safe to log,
 * to put into a message ({@code CamelJwtErrorMessage}, a refusal) or into a health check: the query of every URL
 * masked (it may hold a credential whose name Camel does not know), control and format characters (line breaks, bidi
 * overrides) replaced so the text cannot forge a log line, quotes and backslashes replaced since some health endpoints
 * print their text into JSON unescaped, and cut short. Cleaned once, where the text arises: a fetch's failure, a
 * configured URI ({@link JwksLocation}).
 */
final class KeyServerText {

    /** Enough for a URI and a reason; a key server's text longer than that is noise or an attack. */
    static final int MAX = 300;

    private KeyServerText() {
    }

    /** The text cleaned, at most {@link #MAX} characters. */
    static String printable(String text) {
        return printable(text, MAX);
    }

    /** The text cleaned, at most {@code max} characters (then {@code ...}). */
    static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = RemoteUris.printable(URISupport.sanitizeUri(text))
                .replaceAll("[\"\\\\]", "'")
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
        return cleaned.length() > max ? cleaned.substring(0, max) + "..." : cleaned;
    }
}
