package io.intelsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelsync.sandbox.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP/1.1 client for tests against the emulators on 127.0.0.1. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {
    }

    /** Sends a GET with header name/value pairs. */
    public static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        return send(builder(url, headers).GET().build());
    }

    /** Sends a POST with a body and header name/value pairs. */
    public static HttpResponse<String> post(String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest request = builder(url, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    public static HttpResponse<String> delete(String url, String... headers) throws IOException, InterruptedException {
        return send(builder(url, headers).DELETE().build());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static HttpRequest.Builder builder(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
