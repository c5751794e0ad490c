package io.intelsync.config;

import java.time.Duration;

/**
 * Timeouts of every HTTP call: TAXII, Entra and Defender.
 *
 * @param connectTimeout the time to open a connection
 * @param responseTimeout the time to wait for a response
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout) {
}
