package io.cameljwt.examples.cookbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookbook use 15: the pipeline step {@code cicd-sign-deploy-token.camel.yaml} signs a deployment token into a file,
 * and the deploy route {@code cicd-deploy.camel.yaml}, over real HTTP, deploys with it once, and refuses it again, for
 * another environment or repository, expired, of another type or signed by another key.
 */
class CiCdDeployTokenTest extends OpsCookbookTestSupport {

    private static final String CI_KEY = "cookbook/keys/ci-deploy-private.pem";
    private static final String COMMIT = "3f2c9e1b7d40a8c5e6f1029384756abcdef01234";

    @TempDir
    Path tokenDir;

    private NotifyBuilder signed;

    @Override
    protected Properties routeProperties() {
        Properties properties = new Properties();
        // the pipeline step's
        properties.setProperty("ci.privateKey", "classpath:" + CI_KEY);
        properties.setProperty("ci.repo", "acme/shop");
        properties.setProperty("ci.commit", COMMIT);
        properties.setProperty("ci.environment", "staging");
        properties.setProperty("ci.tokenDir", tokenDir.toString());
        // the deploy route's
        properties.setProperty("deploy.publicKey", "classpath:cookbook/keys/ci-deploy-public.pem");
        properties.setProperty("deploy.repo", "acme/shop");
        properties.setProperty("deploy.environment", "staging");
        properties.setProperty("deploy.trigger", "mock:deployments");
        return properties;
    }

    @Override
    protected String[] yamlRoutes() {
        return new String[] {
                "classpath:cookbook/cicd-deploy.camel.yaml", "classpath:cookbook/cicd-sign-deploy-token.camel.yaml" };
    }

    @Override
    protected void doPostSetup() throws Exception {
        // before the routes are loaded: the timer of the signing step fires once, as soon as it starts
        signed = new NotifyBuilder(context).fromRoute("cicd-sign-deploy-token").whenCompleted(1).create();
        super.doPostSetup();
    }

    @Test
    void thePipelineStepWritesAFiveMinuteDeploymentTokenForTheCommit() throws Exception {
        String token = pipelineToken();

        Map<?, ?> claims = part(token, 1);
        assertEquals("https://ci.example.test", claims.get("iss"));
        assertEquals("deployer", claims.get("aud"));
        assertEquals("acme/shop", claims.get("repo"));
        assertEquals(COMMIT, claims.get("commit"));
        assertEquals("staging", claims.get("environment"));
        assertEquals(300L, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
        Map<?, ?> header = part(token, 0);
        assertEquals("ES256", header.get("alg"));
        assertEquals("deploy+jwt", header.get("typ"));
    }

    @Test
    void theDeployRouteDeploysWithThePipelineTokenOnceAndRefusesItAgainAsRevoked() throws Exception {
        String token = pipelineToken();
        MockEndpoint deployments = getMockEndpoint("mock:deployments");
        deployments.expectedMessageCount(1);
        deployments.expectedHeaderReceived("DeployCommit", COMMIT);
        deployments.expectedHeaderReceived("DeployRepo", "acme/shop");
        deployments.expectedHeaderReceived("DeployEnvironment", "staging");

        var first = post("/deploy", token, "");
        var again = post("/deploy", token, "");

        assertEquals(202, first.statusCode());
        assertEquals("deploying", json(first.body()).get("status"));
        assertEquals(401, again.statusCode());
        assertEquals("REVOKED", error(again));
        deployments.assertIsSatisfied();
        // nothing but the deployment's own headers goes downstream: no Authorization, no CamelJwt*
        assertEquals(3, deployments.getReceivedExchanges().get(0).getMessage().getHeaders().keySet().stream()
                .filter(name -> !name.startsWith("Camel")).count());
        assertFalse(deployments.getReceivedExchanges().get(0).getMessage().getHeaders().containsKey("Authorization"));
    }

    @Test
    void aTokenForProductionIsRefusedByTheStagingDeployRoute() throws Exception {
        JwtClaims claims = deployClaims();
        claims.setStringClaim("environment", "production");

        assertRefused(es256(CI_KEY, claims, "deploy+jwt"), 401, "CLAIM_MISMATCH");
    }

    @Test
    void aTokenForAnotherRepositoryIsRefused() throws Exception {
        JwtClaims claims = deployClaims();
        claims.setStringClaim("repo", "acme/other");

        assertRefused(es256(CI_KEY, claims, "deploy+jwt"), 401, "CLAIM_MISMATCH");
    }

    @Test
    void anExpiredDeploymentTokenIsRefused() throws Exception {
        JwtClaims claims = deployClaims();
        claims.setExpirationTimeMinutesInTheFuture(-3);

        assertRefused(es256(CI_KEY, claims, "deploy+jwt"), 401, "EXPIRED");
    }

    @Test
    void aTokenOfTheSameKeyButNotTypedAsADeploymentTokenIsRefused() throws Exception {
        assertRefused(es256(CI_KEY, deployClaims(), "JWT"), 401, "TYPE_MISMATCH");
    }

    @Test
    void aDeploymentTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefused(es256("cookbook/keys/tenant-acme-private.pem", deployClaims(), "deploy+jwt"), 401,
                "SIGNATURE_INVALID");
    }

    @Test
    void aDeployRequestWithoutATokenIsRefused() throws Exception {
        assertRefused(null, 401, "TOKEN_MISSING");
    }

    private void assertRefused(String token, int status, String failure) throws Exception {
        MockEndpoint deployments = getMockEndpoint("mock:deployments");
        deployments.expectedMessageCount(0);

        var response = post("/deploy", token, "");

        assertEquals(status, response.statusCode());
        assertEquals(failure, error(response));
        deployments.assertIsSatisfied();
    }

    /** What the pipeline step would sign, made here with the pipeline's key, to be changed by a test. */
    private static JwtClaims deployClaims() {
        JwtClaims claims = claims("https://ci.example.test", "deployer", "acme/shop", 5);
        claims.setStringClaim("repo", "acme/shop");
        claims.setStringClaim("commit", COMMIT);
        claims.setStringClaim("environment", "staging");
        return claims;
    }

    private String pipelineToken() throws Exception {
        assertTrue(signed.matches(20, TimeUnit.SECONDS), "the pipeline step did not run");
        return Files.readString(tokenDir.resolve("deploy-token.jwt"), StandardCharsets.UTF_8);
    }
}
