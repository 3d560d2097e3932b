package io.cameljwt.examples.cookbook.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cameljwt.JwtConstants;
import io.cameljwt.JwtValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * One audit record as one line of JSON: when, what was asked, and who asked (the verified {@code sub}, {@code iss} and
 * {@code jti} of an accepted token), or why the token was refused (the {@code JwtFailure} and the check that failed).
 * It is built from the {@code CamelJwt*} headers and the exception only, never from the token: a token, its signature
 * or a key cannot reach the line. Jackson escapes every value, so a claim holding a line break or a quote cannot
 * forge a second record.
 */
public final class AuditLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The line of a request whose token {@code jwt:validate} accepted. */
    public String accepted(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> line = start(message, "accepted");
        line.put("sub", message.getHeader(JwtConstants.JWT_SUBJECT, String.class));
        line.put("iss", message.getHeader(JwtConstants.JWT_ISSUER, String.class));
        line.put("jti", message.getHeader(JwtConstants.JWT_ID, String.class));
        return write(line);
    }

    /**
     * The line of a refused request. A refused token's claims are not trusted, so none is recorded: the outcome is the
     * {@code JwtFailure}, and {@code detail} the exception's message, which names the failed check and never holds
     * the token.
     */
    public String refused(Exchange exchange) {
        JwtValidationException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, JwtValidationException.class);
        Map<String, Object> line = start(exchange.getMessage(), failure.getReason().name());
        line.put("sub", null);
        line.put("iss", null);
        line.put("jti", null);
        line.put("detail", failure.getMessage());
        return write(line);
    }

    private Map<String, Object> start(Message message, String outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", Instant.now().toString());
        line.put("method", message.getHeader(Exchange.HTTP_METHOD, String.class));
        line.put("path", message.getHeader(Exchange.HTTP_PATH, String.class));
        line.put("outcome", outcome);
        return line;
    }

    private static String write(Map<String, Object> line) {
        try {
            // one record per line: JSON text never holds a raw line break, so the line ends here
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
