package io.cameljwt.internal.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtConstants;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Reads the claims generate signs: the body (a {@code Map}, JSON object text or a POJO), overlaid by header
 * {@code CamelJwtClaims}. What validate, decode or revoke left on the message ({@link TokenReadOutputs}) is never
 * signed unless the route chose it: their {@code CamelJwtClaims} is not read, and their body is refused.
 */
public final class ClaimsInput {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public ClaimsInput(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The message's claims; an empty map when the body is empty. The very {@code CamelJwtClaims} map that validate or
     * decode wrote is left out: those are another token's claims, and signing them would hand its issuer, audience and
     * lifetime to the new token. A {@code CamelJwtClaims} the route set is read, whatever else is on the message.
     *
     * @throws InvalidPayloadException when the body is not a claims object, or is the very body that validate or
     *                                 decode left and holds any claim
     */
    public Map<String, Object> read(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        TokenReadOutputs left = TokenReadOutputs.of(exchange);
        Map<String, Object> claims = left != null && left.isBody(message.getBody())
                ? fromBodyLeftByTokenRead(exchange) : fromBody(exchange, message.getBody());
        Object header = message.getHeader(JwtConstants.JWT_CLAIMS);
        if (header != null && (left == null || !left.isClaimsHeader(header))) {
            claims.putAll(fromValue(exchange, header, Map.class));
        }
        return claims;
    }

    /**
     * The body that validate or decode left: the request whose token was checked (a caller's body, which would choose
     * its own claims) or decode's unverified claims. Refused, loudly, unless it holds no claim at all (an empty
     * request), so a route never signs it by forgetting to set the body.
     */
    private Map<String, Object> fromBodyLeftByTokenRead(Exchange exchange) throws InvalidPayloadException {
        Map<String, Object> claims;
        try {
            claims = fromBody(exchange, exchange.getMessage().getBody());
        } catch (InvalidPayloadException e) {
            claims = null; // not even claims: refused with the reason below
        }
        if (claims != null && claims.isEmpty()) {
            return claims;
        }
        throw new InvalidPayloadException(exchange, Map.class, exchange.getMessage(), new IllegalArgumentException(
                "the body is what jwt:validate or jwt:decode left on the message (the message whose token was checked,"
                + " or the claims of the token decode read), not claims the route chose:"
                + " set the body to the claims to sign, or to null or an empty Map to"
                + " sign only the URI's claims"));
    }

    private Map<String, Object> fromBody(Exchange exchange, Object body) throws InvalidPayloadException {
        if (body == null) {
            return new LinkedHashMap<>();
        }
        if (body instanceof byte[] || body instanceof java.io.InputStream || body instanceof java.io.Reader
                || body instanceof org.apache.camel.StreamCache) {
            body = BodyText.read(exchange.getMessage());
        }
        if (body instanceof CharSequence text) {
            String json = text.toString().trim();
            if (json.isEmpty()) {
                return new LinkedHashMap<>();
            }
            if (!json.startsWith("{")) {
                throw new InvalidPayloadException(exchange, Map.class);
            }
            try {
                return mapper.readValue(json, MAP);
            } catch (JsonProcessingException e) {
                throw new InvalidPayloadException(exchange, Map.class);
            }
        }
        return fromValue(exchange, body, Map.class);
    }

    private Map<String, Object> fromValue(Exchange exchange, Object value, Class<?> type) throws InvalidPayloadException {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof CharSequence
                || value instanceof Iterable<?> || value.getClass().isArray() || value.getClass().isEnum()) {
            throw new InvalidPayloadException(exchange, type);
        }
        try {
            // through JSON text rather than convertValue, so a POJO that writes a member name twice is refused
            return mapper.readValue(mapper.writeValueAsBytes(value), MAP);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidPayloadException(exchange, type);
        }
    }
}
