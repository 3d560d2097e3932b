package io.cameljwt.internal.remote;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for the addresses keys are fetched from: HTTPS, or plain HTTP to a loopback address only (a test or a
 * sidecar on the same host), and no credentials in the address (it is logged).
 */
final class RemoteUris {

    /** An http(s) URL's query or fragment, up to the next whitespace (a closing parenthesis of the message kept). */
    private static final Pattern QUERY = Pattern.compile("(?i)(https?://[^\\s?#]*)[?#]\\S*?(\\)?)(?=\\s|$)");

    private RemoteUris() {
    }

    /**
     * The text with the query and fragment of every http(s) URL in it masked, as logs, messages and the health check
     * show a key source or a failure: a query may hold a credential (an {@code access_token}, the signature of a
     * pre-signed URL), whether the address was configured or a key server redirected to it.
     */
    static String printable(String text) {
        return text == null ? null : QUERY.matcher(text).replaceAll("$1?xxxxxx$2");
    }

    /**
     * The address, checked.
     *
     * @param  what                     what the address is called in the message ("Option 'jwksUri'")
     * @throws IllegalArgumentException naming {@code what} if the address breaks a rule
     */
    static URI check(String address, String what) {
        URI uri;
        try {
            uri = new URI(address.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(what + " must be an https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not hold credentials");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(what + " must be an https:// URL: plain http is allowed only to a loopback"
                                               + " address (127.0.0.1, [::1], localhost)");
        }
        return uri;
    }

    /** Whether the host is a loopback address, without asking DNS: an IP literal, or localhost. */
    static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return false; // a host name: resolving it here would ask DNS, which an attacker may answer
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
