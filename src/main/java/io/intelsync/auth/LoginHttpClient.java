package io.intelsync.auth;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;

/**
 * Sends MSAL4J's requests to the configured sign-in URL, with connect and read timeouts.
 *
 * <p>MSAL4J accepts only an https authority, and its default client has no timeouts. The service gives
 * MSAL4J an https authority (see {@link MsalTokenProvider}) and this client replaces the scheme, host and
 * port of each request with those of the sign-in URL, keeping the path and query. With the default sign-in
 * URL nothing changes; with {@code http://127.0.0.1:PORT} the requests reach a local emulator.
 */
public final class LoginHttpClient implements IHttpClient {

    // Headers that java.net.http sets itself and refuses to take from the caller.
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final URI loginUrl;
    private final HttpClient client;
    private final Duration readTimeout;

    /**
     * @param loginUrl the sign-in URL whose scheme, host, port and path prefix replace those of MSAL4J's requests
     * @param connectTimeout the connect timeout
     * @param readTimeout the time to wait for a response
     */
    public LoginHttpClient(URI loginUrl, Duration connectTimeout, Duration readTimeout) {
        this.loginUrl = loginUrl;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request.url())).timeout(readTimeout);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        String body = request.body();
        switch (request.httpMethod()) {
            case GET -> builder.GET();
            case POST -> builder.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
            default -> builder.method(request.httpMethod().name(), body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        com.microsoft.aad.msal4j.HttpResponse result = new com.microsoft.aad.msal4j.HttpResponse();
        result.statusCode(response.statusCode());
        result.addHeaders(response.headers().map());
        result.body(response.body());
        return result;
    }

    /** Returns the URL that a request for {@code original} is sent to. */
    URI target(URL original) {
        String path = original.getPath();
        String prefix = loginUrl.getRawPath() == null ? "" : loginUrl.getRawPath();
        String query = original.getQuery() == null ? "" : "?" + original.getQuery();
        return URI.create(loginUrl.getScheme() + "://" + loginUrl.getRawAuthority() + prefix + path + query);
    }
}
