package io.intelsync.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK {@link HttpServer} bound to 127.0.0.1 that passes every request to one handler and records
 * it. The emulators build on it.
 */
public final class EmulatorHttpServer implements AutoCloseable {

    /** Handles one request. An exception becomes a logged 500 response. */
    @FunctionalInterface
    public interface Handler {
        EmulatorResponse handle(RecordedRequest request) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHttpServer.class);
    private static final byte[] LOOPBACK_IPV4 = {127, 0, 0, 1};

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Handler handler;
    private final UnaryOperator<RecordedRequest> recordingFilter;
    private final List<RecordedRequest> requests = new ArrayList<>();

    private EmulatorHttpServer(
            String name,
            int port,
            Clock clock,
            Handler handler,
            UnaryOperator<RecordedRequest> recordingFilter,
            SSLContext tls) throws IOException {
        this.name = name;
        this.clock = clock;
        this.handler = handler;
        this.recordingFilter = recordingFilter;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(LOOPBACK_IPV4), port);
        if (tls == null) {
            this.server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        this.executor = Executors.newCachedThreadPool(daemonThreads(name));
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param name a short name for thread names and log lines, such as {@code taxii-emulator}
     * @param port the TCP port, or 0 for an ephemeral port
     * @param recordingFilter applied to each request before it is recorded, for example to mask secrets
     * @throws IOException if the port cannot be bound
     */
    public static EmulatorHttpServer start(
            String name,
            int port,
            Clock clock,
            Handler handler,
            UnaryOperator<RecordedRequest> recordingFilter) throws IOException {
        return new EmulatorHttpServer(name, port, clock, handler, recordingFilter, null);
    }

    /**
     * Starts a server on 127.0.0.1 that speaks HTTPS with the given TLS context, for tests of certificate trust.
     *
     * @see #start(String, int, Clock, Handler, UnaryOperator)
     */
    public static EmulatorHttpServer startHttps(
            String name,
            int port,
            Clock clock,
            Handler handler,
            UnaryOperator<RecordedRequest> recordingFilter,
            SSLContext tls) throws IOException {
        return new EmulatorHttpServer(name, port, clock, handler, recordingFilter, tls);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns {@code http://127.0.0.1:PORT}, or https for a TLS server, without a trailing slash. */
    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** Returns the requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Stopped {} on {}", name, baseUrl());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = readRequest(exchange);
            synchronized (requests) {
                requests.add(recordingFilter.apply(request));
            }
            EmulatorResponse response;
            try {
                response = handler.handle(request);
            } catch (Exception | AssertionError e) {
                LOG.error("{} failed to handle {} {}", name, request.method(), request.path(), e);
                response = EmulatorResponse.text(500, "Internal error in " + name + ": " + e);
            }
            writeResponse(exchange, response);
        }
    }

    private RecordedRequest readRequest(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((headerName, values) ->
                headers.computeIfAbsent(headerName.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new RecordedRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(),
                rawQuery == null ? "" : rawQuery,
                QueryStrings.parse(rawQuery),
                headers,
                new String(body, StandardCharsets.UTF_8),
                clock.instant());
    }

    private static void writeResponse(HttpExchange exchange, EmulatorResponse response) throws IOException {
        response.headers().forEach((headerName, value) -> exchange.getResponseHeaders().set(headerName, value));
        byte[] body = response.body();
        // sendResponseHeaders takes -1 for no body, because 0 starts a chunked body of unknown length.
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
