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
    private final long maxDelayMillis;

    public RetryAfterDelay(Clock clock, long maxDelayMillis) {
        this.clock = clock;
        this.maxDelayMillis = maxDelayMillis;
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
        if (delay.isPresent()) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(delay.get(), maxDelayMillis));
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
        LOG.warn("Retrying call cycle={} route={} attempt={}{}: {}", cycle == null ? null : cycle.id(),
                exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class), attempt,
                delay.map(millis -> " after Retry-After " + millis + " ms").orElse(""), describe(failure));
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
        try {
            return Optional.of(Math.max(0, Long.parseLong(trimmed)) * 1000);
        } catch (NumberFormatException ex) {
            try {
                Instant until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Math.max(0, Duration.between(clock.instant(), until).toMillis()));
            } catch (DateTimeParseException notADate) {
                LOG.warn("Ignoring Retry-After header '{}': neither seconds nor an HTTP date", trimmed);
                return Optional.empty();
            }
        }
    }

    private static String describe(Exception failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " from " + http.getUri();
        }
        return failure == null ? "unknown failure" : failure.toString();
    }
}
