package io.intelsync.sandbox.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as an emulator received it.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded request path, without the query
 * @param rawQuery the query string exactly as sent (still percent-encoded), or {@code ""}
 * @param query the decoded query parameters in the order sent. Values are kept as sent, so a
 *     cursor sent as {@code 1.0} stays {@code 1.0}, and repeated parameters keep every value.
 * @param headers the request headers, with lower-cased names
 * @param body the request body decoded as UTF-8, or {@code ""}
 * @param time the emulator clock's time when the request arrived
 */
public record RecordedRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body,
        Instant time) {

    public RecordedRequest {
        query = QueryStrings.immutableCopy(query);
        headers = QueryStrings.immutableCopy(headers);
    }

    /** Returns the first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Returns the first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
