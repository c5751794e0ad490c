package io.intelsync.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.intelsync.config.RetrySettings;
import io.intelsync.cycle.SyncCycle;

/**
 * Runs before each retry of the error policy. When the failed call received 429 or 503 with a
 * {@code Retry-After} header, the retry waits that long instead of the exponential back-off (capped by
 * {@code retry.max-delay}); otherwise the policy's own delay applies. Each retry is logged with the cycle
 * and the failed call.
 *
 * <p>Camel's error handler calls this processor before it computes the next delay, and takes the
 * {@link Exchange#REDELIVERY_DELAY} header in place of the policy's delay. The header name is looked up
 * without regard to case, because camel-http keeps the server's spelling.
 */
public final class RetryAfterDelay implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryAfterDelay.class);

    private final Clock clock;
    private final RetrySettings retry;

    public RetryAfterDelay(Clock clock, RetrySettings retry) {
        this.clock = clock;
        this.retry = retry;
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Optional<Long> delay = Optional.empty();
        if (failure instanceof HttpOperationFailedException http
                && (http.getStatusCode() == 429 || http.getStatusCode() == 503)) {
            delay = retryAfterMillis(http.getResponseHeaders());
        }
        long waitMillis;
        if (delay.isPresent()) {
            waitMillis = Math.min(delay.get(), retry.maxDelayMillis());
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, waitMillis);
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
            waitMillis = backOffMillis(exchange);
        }
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        String route = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class);
        // Camel counts the failures so far in this header, 1 on the first failure.
        int failures = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        if (failures <= retry.maxRedeliveries()) {
            LOG.warn("Retrying call cycle={} route={} retry={}/{} in {} ms{}: {}", cycle == null ? null : cycle.id(),
                    route, failures, retry.maxRedeliveries(), waitMillis, delay.isPresent() ? " (Retry-After)" : "",
                    describe(failure));
        } else {
            LOG.warn("Giving up on call cycle={} route={} after {} attempts: {}", cycle == null ? null : cycle.id(),
                    route, failures, describe(failure));
        }
    }

    // The delay of Camel's exponential back-off before retry n: initial delay times 2^(n-1), capped.
    private long backOffMillis(Exchange exchange) {
        int failures = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        long delay = retry.initialDelayMillis();
        for (int i = 1; i < failures && delay < retry.maxDelayMillis(); i++) {
            delay *= 2;
        }
        return Math.min(delay, retry.maxDelayMillis());
    }

    /** Returns the delay that a {@code Retry-After} header requests, given in seconds or as an HTTP date. */
    Optional<Long> retryAfterMillis(Map<String, String> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        String value = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey())) {
                value = header.getValue();
            }
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.matches("-?\\d{1,18}")) {
            long seconds = Math.max(0, Long.parseLong(trimmed));
            // Values beyond the cap are capped anyway; comparing first avoids an overflow of seconds * 1000.
            return Optional.of(seconds > retry.maxDelayMillis() / 1000 ? retry.maxDelayMillis() : seconds * 1000);
        }
        if (trimmed.matches("\\d+")) {
            return Optional.of(retry.maxDelayMillis());
        }
        try {
            Instant until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            long millis = Math.max(0, Duration.between(clock.instant(), until).toMillis());
            return Optional.of(Math.min(millis, retry.maxDelayMillis()));
        } catch (DateTimeParseException | ArithmeticException notADate) {
            LOG.warn("Ignoring Retry-After header '{}': neither seconds nor an HTTP date", trimmed);
            return Optional.empty();
        }
    }

    private static String describe(Exception failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " from " + http.getUri();
        }
        return failure == null ? "unknown failure" : failure.toString();
    }
}
