package io.cameljwt.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cameljwt.internal.io.ClaimsInput;
import io.cameljwt.internal.jwe.JweEncrypter;
import io.cameljwt.internal.keys.SigningKey;
import io.cameljwt.internal.settings.IssueSettings;
import io.cameljwt.internal.settings.OutputSettings;
import io.cameljwt.internal.token.ClaimValues;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code jwt:generate}: the URI's claims, overlaid by the message's, signed into a compact token.
 */
public final class GenerateOperation implements Processor {

    private final IssueSettings settings;
    /** The header the token is written into instead of the body, or null. */
    private final String outputHeader;
    private final ClaimsInput input;
    private final ObjectMapper mapper;
    private final JwsSigner signer;
    private final TokenReuse reuse;
    private final Clock clock;
    /** Encrypts the signed token (a nested JWT); null when the endpoint has no encryptionKey. */
    private final JweEncrypter encrypter;

    /** The NumericDate claims, with the option that writes each. */
    private static final Map<String, String> TIME_CLAIMS = Map.of("exp", "expiresIn", "nbf", "notBefore", "iat", "issuedAt");

    /**
     * @param settings  the claims and headers each token gets
     * @param output    where the token is written
     * @param encrypter encrypts the signed token into a nested JWT, or null to issue the signed token
     */
    public GenerateOperation(IssueSettings settings, OutputSettings output, SigningKey key, JweEncrypter encrypter) {
        this(settings, output, key, encrypter, Clock.systemUTC());
    }

    /** With the clock that dates tokens: tests move it. */
    public GenerateOperation(IssueSettings settings, OutputSettings output, SigningKey key, JweEncrypter encrypter,
                             Clock clock) {
        for (String name : TIME_CLAIMS.keySet()) {
            if (settings.claims().containsKey(name)) {
                throw new IllegalArgumentException("Option 'claim." + name + "' would write " + name
                                                   + " as text: use '" + TIME_CLAIMS.get(name) + "'");
            }
        }
        if (settings.expiresInMillis() == 0 && !settings.allowNoExpiry()) {
            throw new IllegalArgumentException(
                    "Option 'expiresIn' is 0, which issues tokens that never expire: set allowNoExpiry=true to mean it");
        }
        this.settings = settings;
        this.outputHeader = output.outputHeader();
        // a JSON body with text after the object is refused, not half read; a member name given twice is refused, not
        // read as its last value (what checked the claims may have read the first), and never written twice
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.input = new ClaimsInput(mapper);
        this.signer = new JwsSigner(key, settings.type(), settings.joseHeaders());
        this.reuse = new TokenReuse(settings, mapper);
        this.clock = clock;
        this.encrypter = encrypter;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Instant now = clock.instant();
        Map<String, Object> messageClaims = input.read(exchange);
        Map<String, Object> claims = uriClaims(now);
        claims.putAll(messageClaims);
        for (String name : TIME_CLAIMS.keySet()) {
            // null too: a JSON null would leave the token without the time the URI sets (an exp: never expires)
            if (claims.containsKey(name) && ClaimValues.numericDate(claims.get(name)) == null) {
                throw new InvalidPayloadException(exchange, Map.class, exchange.getMessage(),
                        new IllegalArgumentException("the claim " + name + " is not a NumericDate (a number of seconds"
                                                     + " since 1970): leave it out to have '" + TIME_CLAIMS.get(name)
                                                     + "' write it"));
            }
        }
        // signed only when a new token is made: a token kept by reuseUntil needs neither the payload nor the key
        String token = reuse.token(messageClaims, now, () -> encrypted(signer.sign(payload(exchange, claims))));
        Message message = exchange.getMessage();
        if (outputHeader == null || outputHeader.isEmpty()) {
            message.setBody(token);
        } else if (outputHeader.equalsIgnoreCase("Authorization")) {
            message.setHeader(outputHeader, "Bearer " + token);
        } else {
            message.setHeader(outputHeader, token);
        }
    }

    /** The claims as JSON, refused when they cannot be written as one object with unique member names. */
    private String payload(Exchange exchange, Map<String, Object> claims) throws InvalidPayloadException {
        try {
            return mapper.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            // a POJO among the claims that writes a member name twice, or that Jackson cannot write
            throw new InvalidPayloadException(exchange, Map.class, exchange.getMessage(),
                    new IllegalArgumentException("the claims cannot be written as a JSON object with unique member names"));
        }
    }

    /** The signed token, encrypted to the endpoint's encryptionKey when it has one (a nested JWT). */
    private String encrypted(String signed) throws Exception {
        return encrypter == null ? signed : encrypter.encrypt(signed);
    }

    /** The claims the URI fixes; the message's claims are laid over them. */
    private Map<String, Object> uriClaims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        put(claims, "iss", settings.issuer());
        put(claims, "sub", settings.subject());
        List<String> audiences = settings.audiences();
        if (!audiences.isEmpty()) {
            claims.put("aud", audiences.size() == 1 ? audiences.get(0) : audiences);
        }
        long seconds = now.getEpochSecond();
        if (settings.issuedAt()) {
            claims.put("iat", seconds);
        }
        if (settings.expiresInMillis() > 0) {
            claims.put("exp", seconds + settings.expiresInMillis() / 1000);
        }
        if (settings.notBeforeMillis() > 0) {
            claims.put("nbf", seconds + settings.notBeforeMillis() / 1000);
        }
        if (settings.jwtId()) {
            claims.put("jti", UUID.randomUUID().toString());
        }
        claims.putAll(settings.claims());
        return claims;
    }

    private static void put(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isEmpty()) {
            claims.put(name, value);
        }
    }
}
