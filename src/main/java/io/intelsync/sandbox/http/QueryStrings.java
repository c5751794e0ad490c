package io.intelsync.sandbox.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsing and encoding of URL query strings and form bodies ({@code application/x-www-form-urlencoded}). */
public final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * Parses a raw query string or form body into a multimap that keeps the parameter order and
     * every repeated value. Names and values are percent-decoded, and {@code +} decodes to a space.
     * A parameter without {@code =} gets the value {@code ""}.
     */
    public static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.computeIfAbsent(decode(name), key -> new ArrayList<>()).add(decode(value));
        }
        return parameters;
    }

    /** Percent-encodes one query parameter value or name, encoding spaces as {@code %20}. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Percent-decodes one name or value, with {@code +} as a space. A malformed escape is kept as sent. */
    public static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    static Map<String, List<String>> immutableCopy(Map<String, List<String>> multimap) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        multimap.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
