package io.cameljwt.examples.cookbook;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Cookbook use 12: the timer of {@code cookbook/token-refresh.camel.yaml} refreshes a token that expires within
 * {@code refresh.before} without any call asking for it.
 */
class TokenMonitorRefreshesOnItsOwnTest extends IdentityCookbookTestSupport {

    @Override
    protected Properties properties() {
        return ExpiryMonitoringAndRefreshTest.routeProperties("0", "200");
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:cookbook/token-refresh.camel.yaml");
    }

    @Test
    void theMonitorRefreshesATokenThatExpiresWithinRefreshBefore() throws Exception {
        ExpiryMonitoringAndRefreshTest.startProvider();
        try {
            String first = ExpiryMonitoringAndRefreshTest.hold(context, Duration.ofSeconds(30));

            // the timer checks every 200 ms; a generous bound for a loaded machine
            Instant deadline = Instant.now().plusSeconds(20);
            while (first.equals(context.getVariable("global:accessToken")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }

            assertNotEquals(first, context.getVariable("global:accessToken"));
            assertEquals(false, json(get("/token/status", null)).get("refreshNeeded"));
        } finally {
            ExpiryMonitoringAndRefreshTest.stopProvider();
        }
    }
}
