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
 * {@code CamelJwtClaims}, except where that header holds what validate or decode wrote about another token.
 */
public final class ClaimsInput {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public ClaimsInput(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The message's claims; an empty map when the body is empty. Header {@code CamelJwtClaims} is left out while the
     * message carries {@code CamelJwtVerified}, which validate and decode write with it: those are the claims of
     * the token they read, and re-signing them would hand its issuer, audience and lifetime to the new token. A route
     * that means to carry claims over puts them in the body, or removes {@code CamelJwtVerified}.
     */
    public Map<String, Object> read(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        Map<String, Object> claims = fromBody(exchange, message.getBody());
        Object header = message.getHeader(JwtConstants.JWT_CLAIMS);
        if (header != null && message.getHeader(JwtConstants.JWT_VERIFIED) == null) {
            claims.putAll(fromValue(exchange, header, Map.class));
        }
        return claims;
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
