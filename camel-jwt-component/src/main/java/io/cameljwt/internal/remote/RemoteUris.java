package io.cameljwt.internal.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
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

    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    /** An IPv4 address as four decimal numbers 0-255 without leading zeros. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
                                                               + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

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

        /** Cloud metadata services outside link-local: Alibaba's 100.100.100.200, AWS's IPv6 fd00:ec2::254. */
        private static final Set<String> METADATA = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");
        /** The first 12 bytes of an IPv4-compatible ({@code ::/96}) and of a NAT64 ({@code 64:ff9b::/96}) address. */
        private static final byte[] IPV4_COMPATIBLE = new byte[12];
        private static final byte[] NAT64 = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

        /**
         * The reach of an IP address, by the IANA special-purpose ranges: loopback, any-local, "this network"
         * (0.0.0.0/8), link-local and the metadata services; private (RFC 1918, CGNAT 100.64.0.0/10, benchmarking
         * 198.18.0.0/15, fc00::/7); else public. An IPv4 address inside IPv6 (IPv4-compatible {@code ::/96}, NAT64
         * {@code 64:ff9b::/96}) counts as itself; Java already turns IPv4-mapped {@code ::ffff:0:0/96} into IPv4.
         */
        static Reach of(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length == 16 && (isPrefixed(bytes, IPV4_COMPATIBLE) || isPrefixed(bytes, NAT64))) {
                return of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
            }
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || METADATA.contains(address.getHostAddress()) || bytes.length == 4 && bytes[0] == 0) {
                // link-local (169.254/16, fe80::/10) is where cloud metadata services answer: as internal as loopback
                return LOOPBACK;
            }
            boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7, which Java does not flag
            boolean carrierNat = bytes.length == 4 && bytes[0] == 100 && (bytes[1] & 0xc0) == 64; // 100.64.0.0/10
            boolean benchmarking = bytes.length == 4 && bytes[0] == (byte) 198 && (bytes[1] & 0xfe) == 18;
            return address.isSiteLocalAddress() || uniqueLocal || carrierNat || benchmarking ? PRIVATE : PUBLIC;
        }

        private static boolean isPrefixed(byte[] bytes, byte[] prefix) {
            return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
        }

        private static InetAddress ipv4(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // never: four bytes are an IPv4 address
            }
        }
    }

    /** Looks a host up: its addresses, or an IOException (a lookup that outlasts the fetch's deadline is one). */
    @FunctionalInterface
    interface Resolver {
        /** @throws UnknownHostException if the name does not resolve */
        InetAddress[] addresses(String host) throws IOException;
    }

    /**
     * An address a key server named (a redirect's {@code Location}, a discovery document's {@code jwks_uri}),
     * checked by {@link #check} and against where the fetch started: never from https to plain http, and never
     * further inside than the start (a public host's redirect to a private, link-local or loopback address; a
     * private host's to a loopback or link-local one). A host name counts by the addresses it resolves to.
     *
     * @param  origin                   where the fetch started: the configured {@code jwksUri} or {@code issuerUri}
     * @param  from                     the address whose answer names {@code address}
     * @param  resolver                 looks host names up, within the fetch's deadline
     * @throws IllegalArgumentException naming {@code what} if the address breaks a rule
     * @throws IOException              if looking a host up failed otherwise than not resolving (took too long)
     */
    static URI checkFollowed(URI origin, URI from, String address, String what, Resolver resolver) throws IOException {
        URI to = check(address, what);
        if (NUMERIC.matcher(to.getHost()).matches() && !DOTTED_QUAD.matcher(to.getHost()).matches()) {
            // 0177.0.0.1 is 177.0.0.1 to Java but 127.0.0.1 to C's inet_aton (a proxy, a sidecar): ambiguous
            throw new IllegalArgumentException(what + " names an IPv4 address in a form other than four decimal numbers");
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
            throw new IllegalArgumentException(what + " goes from https to plain http");
        }
        Reach start = reach(origin.getHost(), Reach.PUBLIC, resolver);
        if (start != Reach.LOOPBACK && reach(to.getHost(), Reach.LOOPBACK, resolver).compareTo(start) > 0) {
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
    private static Reach reach(String host, Reach unknown, Resolver resolver) throws IOException {
        String name = unbracketed(host);
        if (name.equalsIgnoreCase("localhost")) {
            return Reach.LOOPBACK;
        }
        try {
            Reach[] reaches = Arrays.stream(resolver.addresses(name)).map(Reach::of).toArray(Reach[]::new);
            if (reaches.length == 0) {
                return unknown;
            }
            return unknown == Reach.PUBLIC ? Arrays.stream(reaches).min(Reach::compareTo).orElseThrow()
                    : Arrays.stream(reaches).max(Reach::compareTo).orElseThrow();
        } catch (UnknownHostException | SecurityException e) {
            return unknown;
        }
    }

    /** The host of a URI without the brackets of an IPv6 literal. */
    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether the host is a loopback address, without asking DNS: an IP literal, or localhost. */
    static boolean isLoopback(String host) {
        String name = unbracketed(host);
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
