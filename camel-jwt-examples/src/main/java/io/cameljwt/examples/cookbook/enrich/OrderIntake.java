package io.cameljwt.examples.cookbook.enrich;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.apache.camel.Variable;

/**
 * Stands for the downstream of cookbook 3: a bean that takes the order with the caller's identity as a typed
 * parameter (Camel binds it from variable {@code caller}) and answers with what it was given, header names included,
 * to show that the token is not among them.
 */
public class OrderIntake {

    public Map<String, Object> accept(@Body String order, @Variable("caller") CallerIdentity caller,
                                      @Headers Map<String, Object> headers) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("order", order);
        seen.put("subject", caller.subject());
        seen.put("tenant", caller.tenant());
        seen.put("roles", caller.roles());
        seen.put("tokenExpiresAt", String.valueOf(caller.expiresAt()));
        seen.put("headers", new TreeSet<>(headers.keySet()));
        seen.put("X-Caller-Subject", headers.get("X-Caller-Subject"));
        seen.put("X-Caller-Tenant", headers.get("X-Caller-Tenant"));
        return seen;
    }
}
