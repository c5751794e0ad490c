package io.intelsync.defender;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.auth.MsalTokenProvider;
import io.intelsync.config.DefenderSettings;

/**
 * The parts that every call to Defender shares: the request headers with a current token, and reading a JSON
 * response. Each call first clears the message's headers, so that no header of an earlier call (a TAXII
 * token, a response header) is sent to Defender.
 */
public final class DefenderHttp {

    /** Name of the exchange property that contains the batch being sent, for the dead letter. */
    public static final String BATCH_PROPERTY = "defenderBatch";

    private final DefenderSettings settings;
    private final MsalTokenProvider tokens;
    private final ObjectMapper mapper;

    public DefenderHttp(DefenderSettings settings, MsalTokenProvider tokens, ObjectMapper mapper) {
        this.settings = settings;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    public DefenderSettings settings() {
        return settings;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Replaces the message's headers with those of a Defender call and returns the message. */
    public Message prepare(Exchange exchange, String method, String url) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_URI, url);
        message.setHeader("Accept", "application/json");
        message.setHeader("Authorization", tokens.authorizationHeader());
        return message;
    }

    /** Prepares a POST with a JSON body. */
    public void preparePost(Exchange exchange, String url, Object body) throws JsonProcessingException {
        Message message = prepare(exchange, "POST", url);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(mapper.writeValueAsBytes(body));
    }

    /** Reads the response body as JSON. */
    public JsonNode readJson(Exchange exchange, String what) throws IOException {
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            if (body == null) {
                throw new DefenderResponseException("Defender's " + what + " has no body");
            }
            return mapper.readTree(body);
        } catch (JsonProcessingException ex) {
            throw new DefenderResponseException("Defender's " + what + " is not valid JSON: " + ex.getOriginalMessage(),
                    ex);
        }
    }

    /** Returns Defender's error message from an error response body, or the start of the body. */
    public String errorMessage(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            return "no error body";
        }
        try {
            JsonNode error = mapper.readTree(body).path("error");
            if (error.has("message")) {
                return error.path("code").asText("") + ": " + error.path("message").asText();
            }
        } catch (JsonProcessingException ex) {
            // not Defender's error shape; the start of the body describes the failure
        }
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    /** Splits a batch in two halves, for finding the items of a batch Defender refused whole. */
    public static <T> List<List<T>> halves(List<T> batch) {
        List<List<T>> halves = new ArrayList<>();
        int middle = batch.size() / 2;
        halves.add(List.copyOf(batch.subList(0, middle)));
        halves.add(List.copyOf(batch.subList(middle, batch.size())));
        return halves;
    }
}
