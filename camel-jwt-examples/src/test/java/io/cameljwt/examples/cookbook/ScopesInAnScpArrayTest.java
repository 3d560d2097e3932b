package io.cameljwt.examples.cookbook;

import org.jose4j.jwt.JwtClaims;

/**
 * Cookbook 20 with the scopes in an {@code scp} claim that is a JSON array, as Okta writes it
 * ({@code documents.scopeClaim=scp}).
 */
class ScopesInAnScpArrayTest extends ScopesPerOperationTest {

    @Override
    protected String scopeClaim() {
        return "scp";
    }

    @Override
    protected void putScopes(JwtClaims claims, String... scopes) {
        claims.setStringListClaim("scp", scopes);
    }
}
