package io.cameljwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cameljwt.internal.GenerateOperation;
import io.cameljwt.internal.keys.KeyLoader;
import io.cameljwt.internal.keys.SigningKey;
import io.cameljwt.internal.settings.EndpointSettings;
import org.apache.camel.builder.RouteBuilder;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.cameljwt.Tokens.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reuseUntil} through real routes: generate hands out the token it made last for the same claims while that
 * token has more than {@code reuseUntil} left to live.
 */
class TokenReuseTest extends JwtRouteTestSupport {

    private static final String GENERATE = "jwt:generate?secret=" + Tokens.SECRET + "&issuer=me&expiresIn=5m";
    private static final String REUSE = GENERATE + "&reuseUntil=1m";

    private String generate(String uri, Object body) {
        return generate(uri, body, Map.of());
    }

    private String generate(String uri, Object body, Map<String, Object> headers) {
        return accepted(send(uri, body, headers)).getBody(String.class);
    }

    private static Map<String, Object> payload(String token) throws Exception {
        return JsonUtil.parseJson(Tokens.decodePart(Tokens.parts(token)[1]));
    }

    @Test
    void withoutReuseUntilEveryMessageGetsANewToken() {
        assertNotEquals(generate(GENERATE, null), generate(GENERATE, null));
    }

    @Test
    void theSameClaimsGetTheSameTokenWhileItLivesLongerThanReuseUntil() throws Exception {
        String first = generate(REUSE, Map.of("scope", "read"));
        assertEquals(first, generate(REUSE, Map.of("scope", "read")));
        assertEquals(first, generate(REUSE, "{\"scope\":\"read\"}"), "the same claims as JSON text");
        Map<String, Object> claims = payload(first);
        assertEquals("read", claims.get("scope"));
        assertEquals(((Number) claims.get("iat")).longValue() + 300, ((Number) claims.get("exp")).longValue());
    }

    @Test
    void eightThreadsAskingAtOnceGetOneToken() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(threads.submit(() -> {
                    start.await();
                    return generate(REUSE, Map.of("scope", "read"));
                }));
            }
            routeTo(REUSE); // the route is added before the threads go
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> token : tokens) {
                distinct.add(token.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size(), "one token made for eight messages");
            assertEquals(distinct.iterator().next(), generate(REUSE, Map.of("scope", "read")));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void otherClaimsGetAnotherTokenAndEachClaimSetKeepsItsOwn() {
        String read = generate(REUSE, Map.of("scope", "read"));
        String write = generate(REUSE, Map.of("scope", "write"));
        assertNotEquals(read, write);
        assertNotEquals(read, generate(REUSE, Map.of("scope", "read", "tenant", "acme")));
        assertNotEquals(read, generate(REUSE, null), "no claims from the message is a claim set of its own");
        assertEquals(read, generate(REUSE, Map.of("scope", "read")));
        assertEquals(write, generate(REUSE, Map.of("scope", "write")));
    }

    @Test
    void aChangeInANestedClaimOrInHeaderCamelJwtClaimsGetsANewToken() {
        String one = generate(REUSE, Map.of("cnf", Map.of("x5t", "a")));
        assertNotEquals(one, generate(REUSE, Map.of("cnf", Map.of("x5t", "b"))));
        assertEquals(one, generate(REUSE, Map.of("cnf", Map.of("x5t", "a"))));

        String overlaid = generate(REUSE, Map.of("cnf", Map.of("x5t", "a")),
                Map.of(JwtConstants.JWT_CLAIMS, Map.of("act", "bob")));
        assertNotEquals(one, overlaid);
        assertEquals(overlaid, generate(REUSE, Map.of("cnf", Map.of("x5t", "a"), "act", "bob")),
                "the merged claims count, not where they came from");
    }

    @Test
    void theSameClaimsInAnotherOrderGetTheSameToken() {
        String token = generate(REUSE, "{\"a\":1,\"b\":{\"x\":1,\"y\":2}}");
        assertEquals(token, generate(REUSE, "{\"b\":{\"y\":2,\"x\":1},\"a\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "exp", "iat", "nbf" })
    void aMessageSettingATimeClaimGetsANewTokenThatIsNotKept(String name) throws Exception {
        Map<String, Object> body = claims("scope", "read", name, Tokens.now() + 10);
        String first = generate(REUSE, body);
        assertNotEquals(first, generate(REUSE, body), "a new token (another jti) for each message");
        String plain = generate(REUSE, Map.of("scope", "read"));
        assertNotEquals(first, plain, "the message's token was not kept for its other claims");
        assertNotEquals(Tokens.now() + 10, payload(plain).get(name));
    }

    @Test
    void aMessageSettingJtiGetsATokenThatIsNotKept() throws Exception {
        String first = generate(REUSE, Map.of("scope", "read", "jti", "j-1"));
        assertEquals("j-1", payload(first).get("jti"));
        String plain = generate(REUSE, Map.of("scope", "read"));
        assertNotEquals("j-1", payload(plain).get("jti"), "the message's token was not kept for its other claims");
    }

    @Test
    void theTokenGoesIntoOutputHeaderToo() {
        String uri = REUSE + "&outputHeader=Authorization";
        String first = (String) accepted(send(uri, null, Map.of())).getHeader("Authorization");
        assertTrue(first.startsWith("Bearer "));
        assertEquals(first, accepted(send(uri, null, Map.of())).getHeader("Authorization"));
    }

    @Test
    void aHundredClaimSetsAreKeptAndTheLeastRecentlyUsedIsForgottenBeyond() {
        String first = generate(REUSE, Map.of("n", 0));
        for (int n = 1; n <= 100; n++) {
            generate(REUSE, Map.of("n", n));
        }
        String last = generate(REUSE, Map.of("n", 100));
        assertNotEquals(first, generate(REUSE, Map.of("n", 0)), "101 claim sets: the first was forgotten");
        assertEquals(last, generate(REUSE, Map.of("n", 100)));
    }

    // --- near expiry, on a clock the test moves -------------------------------------------------------------------

    /** A clock that stands still until the test moves it. */
    static final class MovedClock extends Clock {
        private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A route through a generate operation built as the endpoint builds it, but dated by {@code clock}. */
    private String clockedRoute(String query, Clock clock) throws Exception {
        JwtEndpoint endpoint = context.getEndpoint("jwt:generate?" + query, JwtEndpoint.class);
        JwtConfiguration config = endpoint.getConfiguration().copy();
        config.checkValues();
        EndpointSettings settings = TestSettings.of(JwtOperation.generate, config, Set.of());
        GenerateOperation operation = new GenerateOperation(settings.issue(), settings.output(),
                SigningKey.select(new KeyLoader(context).load(settings.keys()), settings.keys()), null, clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:clocked").process(operation).to(MOCK);
            }
        });
        return "direct:clocked";
    }

    @Test
    void aTokenWithNoMoreThanReuseUntilLeftIsReplacedByANewOne() throws Exception {
        MovedClock clock = new MovedClock();
        String route = clockedRoute("secret=" + Tokens.SECRET + "&expiresIn=5m&reuseUntil=1m", clock);
        String first = template.requestBody(route, null, String.class);

        clock.advance(Duration.ofMinutes(3).plusSeconds(59)); // 61 s left
        assertEquals(first, template.requestBody(route, null, String.class));

        clock.advance(Duration.ofSeconds(1)); // 60 s left: not more than reuseUntil
        String second = template.requestBody(route, null, String.class);
        assertNotEquals(first, second);
        assertEquals(clock.instant().getEpochSecond() + 300, ((Number) payload(second).get("exp")).longValue());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(second, template.requestBody(route, null, String.class));
    }

    // --- configuration ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "reuseUntil as long as expiresIn, expiresIn=5m&reuseUntil=5m",
            "reuseUntil longer than the default expiresIn (15m), reuseUntil=20m",
            "tokens that never expire, expiresIn=0&allowNoExpiry=true&reuseUntil=1m",
            "reuseUntil of 1.5 seconds, reuseUntil=1500",
            "a negative reuseUntil, reuseUntil=-60000" })
    void aReuseUntilThatCannotWorkStopsTheRouteNamingIt(String name, String query) {
        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wrong").to("jwt:generate?secret=" + Tokens.SECRET + "&" + query);
            }
        }));
        List<String> messages = RefreshHintTest.messages(failure);
        assertTrue(messages.stream().anyMatch(m -> m.contains("Option 'reuseUntil'")), () -> String.join("\n", messages));
        assertTrue(messages.stream().noneMatch(m -> m.contains(Tokens.SECRET)), "no message shows the secret");
    }
}
