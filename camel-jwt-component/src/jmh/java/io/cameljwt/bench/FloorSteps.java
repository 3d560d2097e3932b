package io.cameljwt.bench;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtConstants;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The floors: what no JWT library can skip. For validate, the JCA signature check alone (no claim is read); for
 * decode, Base64 and Jackson alone (no check at all).
 */
final class FloorSteps {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private FloorSteps() {
    }

    /**
     * Decodes the signature from Base64 and checks it over the signing input with a {@code Signature} (or {@code Mac})
     * made for the message, as JWT libraries do: these JCA objects are not thread-safe.
     */
    static Processor jcaVerify(Alg alg) {
        Key key = alg.verificationKey();
        return exchange -> {
            String token = Claims.bearerToken(exchange);
            int dot = token.lastIndexOf('.');
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
            boolean valid;
            if (alg.isHmac()) {
                Mac mac = Mac.getInstance(alg.jca);
                mac.init((SecretKey) key);
                valid = MessageDigest.isEqual(mac.doFinal(input), signature);
            } else {
                Signature verifier = Signature.getInstance(alg.jca);
                verifier.initVerify((PublicKey) key);
                verifier.update(input);
                valid = verifier.verify(signature);
            }
            if (!valid) {
                throw new SignatureException("signature invalid");
            }
        };
    }

    /** Decodes header and payload to maps: the claims into the body, the JOSE header into its header. */
    static Processor base64JacksonDecode() {
        return exchange -> {
            String token = Claims.bearerToken(exchange);
            int first = token.indexOf('.');
            int second = token.indexOf('.', first + 1);
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Map<String, Object> header = MAPPER.readValue(decoder.decode(token.substring(0, first)), MAP);
            Map<String, Object> claims = MAPPER.readValue(decoder.decode(token.substring(first + 1, second)), MAP);
            Message message = exchange.getMessage();
            message.setHeader(JwtConstants.JWT_HEADER, header);
            message.setBody(claims);
        };
    }
}
