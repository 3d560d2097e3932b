package io.cameljwt.internal.remote;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for the addresses keys are fetched from: HTTPS, or plain HTTP to a loopback address only (a test or a
 * sidecar on the same host), and no credentials in the address (it is logged). An address the key server names
 * itself (a redirect, a discovered {@code jwks_uri}) must also not lead somewhere the configured one could not
 * ({@link #checkFollowed}): a key server is not trusted to point the fetch at the host's own or internal ports.
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

    /** How far an address reaches into the host's own network; a larger reach is more internal. */
    enum Reach {
        PUBLIC, PRIVATE, LOOPBACK;

        /** The reach of an IP address: loopback, link-local or any-local; private (RFC 1918, fc00::/7); public. */
        static Reach of(InetAddress address) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()) {
                // link-local (169.254/16, fe80::/10) is where cloud metadata services answer: as internal as loopback
                return LOOPBACK;
            }
            byte[] bytes = address.getAddress();
            boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7, which Java does not flag
            return address.isSiteLocalAddress() || uniqueLocal ? PRIVATE : PUBLIC;
        }
    }

    /**
     * An address a key server named (a redirect's {@code Location}, a discovery document's {@code jwks_uri}),
     * checked by {@link #check} and against where the fetch started: never from https to plain http, and never
     * further inside than the start (a public host's redirect to a private, link-local or loopback address; a
     * private host's to a loopback or link-local one). A host name counts by the addresses it resolves to.
     *
     * @param  origin                   where the fetch started: the configured {@code jwksUri} or {@code issuerUri}
     * @param  from                     the address whose answer names {@code address}
     * @throws IllegalArgumentException naming {@code what} if the address breaks a rule
     */
    static URI checkFollowed(URI origin, URI from, String address, String what) {
        URI to = check(address, what);
        if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
            throw new IllegalArgumentException(what + " goes from https to plain http");
        }
        Reach start = reach(origin.getHost(), Reach.PUBLIC);
        if (start != Reach.LOOPBACK && reach(to.getHost(), Reach.LOOPBACK).compareTo(start) > 0) {
            throw new IllegalArgumentException(what + " leads from " + (start == Reach.PUBLIC ? "a public" : "a private")
                                               + " host to a " + (start == Reach.PUBLIC ? "private, " : "")
                                               + "loopback or link-local address");
        }
        return to;
    }

    /**
     * The reach of a host: the most internal of its addresses (the most public for the start of a fetch, so that a
     * name which resolves to both counts as public there); {@code unknown} when it does not resolve.
     */
    private static Reach reach(String host, Reach unknown) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return Reach.LOOPBACK;
        }
        try {
            Reach[] reaches = Arrays.stream(InetAddress.getAllByName(name)).map(Reach::of).toArray(Reach[]::new);
            if (reaches.length == 0) {
                return unknown;
            }
            return unknown == Reach.PUBLIC ? Arrays.stream(reaches).min(Reach::compareTo).orElseThrow()
                    : Arrays.stream(reaches).max(Reach::compareTo).orElseThrow();
        } catch (UnknownHostException | SecurityException e) {
            return unknown;
        }
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
