package io.cameljwt.examples.springboot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/**
 * Writes an HTTP answer: status, JSON content type and a JSON body written with Spring Boot's {@link ObjectMapper},
 * and no other header.
 */
@Component
public class JsonAnswer {

    private final ObjectMapper mapper;

    public JsonAnswer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void respond(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        // platform-http sends the message's headers back: none of the request's (or the CamelJwt* ones) may echo
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            message.setBody(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new RuntimeCamelException(e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
