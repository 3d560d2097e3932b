package io.cameljwt.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtConfiguration;
import io.cameljwt.internal.io.ClaimsInput;
import io.cameljwt.internal.keys.SigningKey;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code jwt:generate}: the URI's claims, overlaid by the message's, signed into a compact token.
 */
public final class GenerateOperation implements Processor {

    private final JwtConfiguration config;
    private final ClaimsInput input;
    private final ObjectMapper mapper;
    private final JwsSigner signer;

    public GenerateOperation(JwtConfiguration config, SigningKey key, ObjectMapper mapper) {
        if (config.getExpiresIn() < 0 || config.getNotBefore() < 0) {
            throw new IllegalArgumentException(
                    "Option '" + (config.getExpiresIn() < 0 ? "expiresIn" : "notBefore") + "' must not be negative");
        }
        if (config.getExpiresIn() == 0 && !config.isAllowNoExpiry()) {
            throw new IllegalArgumentException(
                    "Option 'expiresIn' is 0, which issues tokens that never expire: set allowNoExpiry=true to mean it");
        }
        this.config = config;
        this.mapper = mapper;
        this.input = new ClaimsInput(mapper);
        this.signer = new JwsSigner(key, config.getType(), config.getJoseHeaders());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Map<String, Object> claims = uriClaims(Instant.now());
        claims.putAll(input.read(exchange));
        String token = signer.sign(mapper.writeValueAsString(claims));
        Message message = exchange.getMessage();
        String outputHeader = config.getOutputHeader();
        if (outputHeader == null || outputHeader.isEmpty()) {
            message.setBody(token);
        } else if (outputHeader.equalsIgnoreCase("Authorization")) {
            message.setHeader(outputHeader, "Bearer " + token);
        } else {
            message.setHeader(outputHeader, token);
        }
    }

    /** The claims the URI fixes; the message's claims are laid over them. */
    private Map<String, Object> uriClaims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        put(claims, "iss", config.getIssuer());
        put(claims, "sub", config.getSubject());
        if (config.getAudience() != null) {
            List<String> audiences = OptionValues.commaList(config.getAudience());
            if (!audiences.isEmpty()) {
                claims.put("aud", audiences.size() == 1 ? audiences.get(0) : audiences);
            }
        }
        long seconds = now.getEpochSecond();
        if (config.isIssuedAt()) {
            claims.put("iat", seconds);
        }
        if (config.getExpiresIn() > 0) {
            claims.put("exp", seconds + config.getExpiresIn() / 1000);
        }
        if (config.getNotBefore() > 0) {
            claims.put("nbf", seconds + config.getNotBefore() / 1000);
        }
        if (config.isJwtId()) {
            claims.put("jti", UUID.randomUUID().toString());
        }
        claims.putAll(config.getClaims());
        return claims;
    }

    private static void put(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isEmpty()) {
            claims.put(name, value);
        }
    }
}
