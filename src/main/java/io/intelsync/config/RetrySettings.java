package io.intelsync.config;

/**
 * Retry policy for HTTP calls that fail with 429, a 5xx status or an I/O error.
 *
 * @param maxRedeliveries the retries after the first attempt
 * @param initialDelayMillis the delay before the first retry, doubled for each further one
 * @param maxDelayMillis the longest delay, also the cap on a server's Retry-After
 */
public record RetrySettings(int maxRedeliveries, long initialDelayMillis, long maxDelayMillis) {
}
