package io.intelsync.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response that an emulator handler returns.
 *
 * @param status the HTTP status code
 * @param headers response headers, one value each
 * @param body the body bytes, empty for none
 */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

    public EmulatorResponse {
        headers = new LinkedHashMap<>(headers);
    }

    /** Creates a response with a JSON body and the given content type. */
    public static EmulatorResponse json(int status, String contentType, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        try {
            return new EmulatorResponse(status, headers, Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Internal error: a JSON tree could not be serialised", e);
        }
    }

    /** Creates a response with a plain text body. */
    public static EmulatorResponse text(int status, String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        return new EmulatorResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a response without a body, such as 204 No Content. */
    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, Map.of(), new byte[0]);
    }

    /** Returns a copy of this response with one more header. */
    public EmulatorResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new EmulatorResponse(status, copy, body);
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
