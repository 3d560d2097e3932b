package io.cameljwt.internal.remote;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteUrisTest {

    /** Host names resolved as a fetch does, without its deadline (which HttpDocumentsTest covers). */
    private static final RemoteUris.Resolver DNS = InetAddress::getAllByName;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // from https, never to plain http, not even on loopback
            "https://127.0.0.1:8443/jwks | http://127.0.0.1:8080/jwks | from https to plain http",
            "https://sso.example.com/keys | http://localhost/keys | from https to plain http",
            // from a public host, never inside: loopback, private, link-local, any-local, unique-local IPv6
            "https://93.184.216.34/keys | https://127.0.0.1/keys | from a public host",
            "https://93.184.216.34/keys | https://localhost/keys | from a public host",
            "https://93.184.216.34/keys | https://10.1.2.3/keys | from a public host",
            "https://93.184.216.34/keys | https://172.16.0.1/keys | from a public host",
            "https://93.184.216.34/keys | https://192.168.1.1/keys | from a public host",
            "https://93.184.216.34/keys | https://169.254.169.254/latest/meta-data | from a public host",
            "https://93.184.216.34/keys | https://0.0.0.0/keys | from a public host",
            "https://93.184.216.34/keys | https://[fd00::1]/keys | from a public host",
            "https://93.184.216.34/keys | https://[fe80::1]/keys | from a public host",
            "https://93.184.216.34/keys | https://[::1]/keys | from a public host",
            // a private host (an internal identity provider) may name another, but not loopback or link-local
            "https://10.0.0.5/keys | https://127.0.0.1/keys | from a private host",
            "https://10.0.0.5/keys | https://169.254.169.254/keys | from a private host" })
    void aRedirectOrDiscoveredAddressNeverLeadsFurtherInside(String origin, String to, String reason) {
        URI from = URI.create(origin);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(from, from, to, "the redirect of " + origin, DNS));
        assertTrue(e.getMessage().startsWith("the redirect of " + origin), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://93.184.216.34/keys | https://8.8.8.8/keys",
            "https://10.0.0.5/keys | https://10.0.0.6/keys",
            "https://10.0.0.5/keys | https://93.184.216.34/keys",
            "http://127.0.0.1:8080/jwks | http://127.0.0.1:9090/jwks",
            "http://127.0.0.1:8080/jwks | https://10.0.0.6/keys",
            "https://127.0.0.1:8443/jwks | https://localhost:8443/other" })
    void aRedirectThatStaysAsPublicAndAsSecureIsAllowed(String origin, String to) {
        URI from = URI.create(origin);
        assertEquals(URI.create(to), assertDoesNotThrow(() -> RemoteUris.checkFollowed(from, from, to, "the redirect", DNS)),
                "the address to follow is the one checked");
    }

    /** Every other way of writing an internal address, and the IANA special-purpose ranges (RFC 6890). */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://2130706433/", "https://0x7f000001/", "https://0177.0.0.1/", "https://127.1/", "https://0/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[0:0:0:0:0:ffff:a9fe:a9fe]/",
            "https://localhost./", "https://LOCALHOST/", "https://169.254.169.254./", "https://[fe80::1%25eth0]/",
            // "this network" 0.0.0.0/8, any-local ::, IPv4-compatible ::/96 and NAT64 64:ff9b::/96 judged by their IPv4
            "https://0.0.0.1/", "https://[::]/", "https://[::127.0.0.1]/", "https://[64:ff9b::a9fe:a9fe]/",
            "https://[64:ff9b::a00:1]/", "https://010.0.0.1/", "https://127.000.0.1/",
            // CGNAT 100.64.0.0/10 (Alibaba's metadata service at 100.100.100.200), benchmarking 198.18.0.0/15
            "https://100.64.0.1/", "https://100.100.100.200/", "https://198.18.0.1/", "https://198.19.255.254/" })
    void noFormOfAnInternalOrSpecialPurposeAddressIsFollowedFromAPublicHost(String to) {
        URI origin = URI.create("https://93.184.216.34/keys");
        assertThrows(IllegalArgumentException.class, () -> RemoteUris.checkFollowed(origin, origin, to, "the redirect",
                DNS));
    }

    /** Cloud metadata services outside link-local count as link-local: not even a private host may lead there. */
    @ParameterizedTest
    @ValueSource(strings = { "https://[fd00:ec2::254]/latest/meta-data", "https://100.100.100.200/latest/meta-data" })
    void aMetadataServiceIsNotFollowedFromAPrivateHost(String to) {
        URI origin = URI.create("https://10.0.0.5/keys");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(origin, origin, to, "the redirect", DNS));
        assertTrue(e.getMessage().contains("from a private host to a loopback or link-local address"), e.getMessage());
    }

    /** The ranges next to the special-purpose ones stay public. */
    @ParameterizedTest
    @ValueSource(strings = { "https://100.63.255.255/", "https://100.128.0.1/", "https://198.17.0.1/",
            "https://198.20.0.1/", "https://[64:ff9b::808:808]/", "https://1.0.0.1/" })
    void theNeighboursOfTheSpecialPurposeRangesArePublic(String to) {
        URI origin = URI.create("https://93.184.216.34/keys");
        assertDoesNotThrow(() -> RemoteUris.checkFollowed(origin, origin, to, "the redirect", DNS));
    }

    @Test
    void aHopOverAPublicHostDoesNotLaunderAnAddressInside() {
        URI origin = URI.create("https://93.184.216.34/keys");
        URI hop = URI.create("https://8.8.8.8/keys");
        assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(origin, hop, "https://10.0.0.1/keys", "the redirect", DNS));
    }

    // --- host names, by what they resolve to (a resolver of our own: no DNS needed) ------------------------------------

    /** A resolver answering from a table (an IP literal as itself); a name it does not know does not resolve. */
    private static RemoteUris.Resolver names(Map<String, String> table) {
        return host -> {
            String addresses = host.matches("[0-9.]+") || host.contains(":") ? host : table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.isEmpty() ? new InetAddress[0]
                    : Arrays.stream(addresses.split(",")).map(RemoteUrisTest::literal).toArray(InetAddress[]::new);
        };
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Test
    void aNameThatResolvesToAPublicAndAnInternalAddressCountsAsInternalWhenFollowed() {
        URI origin = URI.create("https://idp.example/keys");
        RemoteUris.Resolver dns = names(Map.of("idp.example", "93.184.216.34", "keys.example", "8.8.8.8,10.0.0.1",
                "rebind.example", "8.8.8.8,127.0.0.1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(origin, origin, "https://keys.example/jwks", "the redirect", dns));
        assertTrue(e.getMessage().contains("from a public host"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(origin, origin, "https://rebind.example/jwks", "the redirect", dns));
    }

    @Test
    void aStartThatResolvesToAPublicAndAnInternalAddressCountsAsPublic() {
        URI origin = URI.create("https://idp.example/keys");
        RemoteUris.Resolver dns = names(Map.of("idp.example", "10.0.0.5,93.184.216.34", "cdn.example", "8.8.8.8"));
        assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(origin, origin, "https://10.0.0.6/keys", "the redirect", dns));
        assertDoesNotThrow(() -> RemoteUris.checkFollowed(origin, origin, "https://cdn.example/keys", "the redirect", dns));
    }

    @ParameterizedTest
    @ValueSource(strings = { "unknown.example", "empty.example" })
    void aFollowedNameThatDoesNotResolveCountsAsLoopbackAndAStartThatDoesNotAsPublic(String name) {
        RemoteUris.Resolver dns = names(Map.of("empty.example", "", "cdn.example", "8.8.8.8"));
        URI publicStart = URI.create("https://93.184.216.34/keys");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(publicStart, publicStart, "https://" + name + "/keys", "the redirect", dns));
        assertTrue(e.getMessage().contains("from a public host"), e.getMessage());
        URI privateStart = URI.create("https://10.0.0.5/keys");
        assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(privateStart, privateStart, "https://" + name + "/keys", "the redirect", dns));

        URI unresolvedStart = URI.create("https://" + name + "/keys");
        assertThrows(IllegalArgumentException.class,
                () -> RemoteUris.checkFollowed(unresolvedStart, unresolvedStart, "https://10.0.0.6/keys", "the redirect", dns));
        assertDoesNotThrow(
                () -> RemoteUris.checkFollowed(unresolvedStart, unresolvedStart, "https://cdn.example/keys", "the redirect", dns));
    }

    @Test
    void aLookupThatFailsOtherwiseThanNotResolvingFailsTheCheck() {
        URI origin = URI.create("https://93.184.216.34/keys");
        RemoteUris.Resolver timedOut = host -> {
            throw new SocketTimeoutException("lookup of " + host + " timed out");
        };
        assertThrows(SocketTimeoutException.class,
                () -> RemoteUris.checkFollowed(origin, origin, "https://keys.example/jwks", "the redirect", timedOut));
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
