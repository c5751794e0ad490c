package io.intelsync.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class DeadLettersTest {

    private static final String TOKEN = "octi-token-\"42\"";

    @Test
    void secretEchoedInErrorBodyIsRedacted() throws Exception {
        DeadLetters deadLetters = new DeadLetters(new ObjectMapper(),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), "deployment", List.of(TOKEN, ""));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.setProperty(Exchange.FAILURE_ROUTE_ID, "taxii-read-collection");
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new HttpOperationFailedException(
                    "http://127.0.0.1:1/root/collections/c1/objects/", 500, "Server Error", null, Map.of(),
                    "{\"you_sent\": \"Bearer " + TOKEN.replace("\"", "\\\"") + "\"}"));

            deadLetters.toLines(exchange);

            String line = exchange.getMessage().getBody(String.class);
            assertThat(line).contains("[redacted]").contains("HTTP 500");
            assertThat(line).doesNotContain("octi-token");
        }
    }
}
