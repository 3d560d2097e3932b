package io.cameljwt.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * Writes an HTTP answer: status, JSON content type and a JSON body, and nothing else.
 */
public final class HttpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpJson() {
    }

    public static void respond(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        // platform-http sends the message's headers back; the request's (form fields, query parameters) must not echo
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            message.setBody(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
