package io.intelsync.deadletter;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.cycle.CollectionRead;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.defender.DefenderHttp;
import io.intelsync.defender.ExistingIndicator;
import io.intelsync.mapping.DesiredIndicator;
import io.intelsync.taxii.TaxiiRequests;

/**
 * Turns what could not be delivered into dead-letter lines, and records the failure in the cycle. The
 * {@code dead-letter} route calls {@link #toLines} and appends its result to the dead-letter endpoint.
 *
 * <p>The route receives two kinds of exchange. An exchange from the import route carries, in the property
 * {@link DeadLetterRecord#REJECTED_PROPERTY}, the records of the items Defender refused. A failed exchange
 * from the error policy carries the exception and the route it failed in. A failed TAXII page ends its
 * collection's read as incomplete, and a failed listing fails the cycle. A failed import or delete batch
 * writes one line per item.
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_ERROR_BODY_LENGTH = 2000;

    private static final String REDACTED = "[redacted]";

    private final ObjectMapper mapper;
    private final Clock clock;
    private final String deploymentId;
    private final List<String> secrets;

    /**
     * @param secrets the configured secrets (tokens, passwords), removed from each line's reason and error
     *        body, because a server may echo a request header there. Empty strings are ignored.
     */
    public DeadLetters(ObjectMapper mapper, Clock clock, String deploymentId, java.util.Collection<String> secrets) {
        this.mapper = mapper;
        this.clock = clock;
        this.deploymentId = deploymentId;
        this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty()).distinct().toList();
    }

    /** Replaces the body with the dead-letter lines for the exchange, one JSON object per line. */
    public void toLines(Exchange exchange) throws JsonProcessingException {
        List<DeadLetterRecord> records = rejectedItems(exchange);
        if (records == null || records.isEmpty()) {
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            records = failure == null ? List.of() : recordFailure(exchange, failure);
        }
        StringBuilder lines = new StringBuilder();
        for (DeadLetterRecord record : records) {
            lines.append(mapper.writeValueAsString(redact(record))).append('\n');
        }
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(lines.toString());
    }

    // Removes the secrets from the texts that come from a server: the reason and the error body.
    private DeadLetterRecord redact(DeadLetterRecord record) throws JsonProcessingException {
        return new DeadLetterRecord(record.time(), record.cycle(), record.deployment(), record.stage(),
                redact(record.reason()), record.httpStatus(), redact(record.errorBody()), record.collection(),
                record.stixId(), record.indicator(), record.defenderId(), record.details());
    }

    // Replaces each secret as written and as JSON writes it inside a string, since an error body is often JSON.
    private String redact(String text) throws JsonProcessingException {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            String quoted = mapper.writeValueAsString(secret);
            redacted = redacted.replace(secret, REDACTED).replace(quoted.substring(1, quoted.length() - 1), REDACTED);
        }
        return redacted;
    }

    /** Logs the lines in the body at ERROR when the dead-letter endpoint could not take them. */
    public void writeFailed(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String lines = exchange.getMessage().getBody(String.class);
        LOG.error("Could not write to the dead-letter endpoint ({}); the records follow: {}",
                failure == null ? "unknown error" : failure.getMessage(), lines == null ? "" : lines.strip());
    }

    // Returns the refused items of an import and removes them from the exchange; empty or null on the failure path.
    @SuppressWarnings("unchecked") // DefenderCalls.readImport stores a list of records
    private static List<DeadLetterRecord> rejectedItems(Exchange exchange) {
        return (List<DeadLetterRecord>) exchange.removeProperty(DeadLetterRecord.REJECTED_PROPERTY);
    }

    private List<DeadLetterRecord> recordFailure(Exchange exchange, Exception failure) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        String cycleId = cycle == null ? null : cycle.id();
        String reason = reason(failure);
        Integer status = failure instanceof HttpOperationFailedException http ? http.getStatusCode() : null;
        String errorBody = failure instanceof HttpOperationFailedException http ? abbreviate(http.getResponseBody()) : null;
        String stage = stage(routeId);
        List<DeadLetterRecord> records = new ArrayList<>();
        switch (stage) {
            case "taxii-read" -> {
                CollectionRead read = exchange.getProperty(TaxiiRequests.READ_PROPERTY, CollectionRead.class);
                String collection = read == null ? null : read.collectionId();
                if (read != null) {
                    read.stopIncomplete("page " + (read.pages() + 1) + " failed: " + reason);
                }
                LOG.error("TAXII read failed cycle={} collection={} page={}: {}", cycleId, collection,
                        read == null ? null : read.pages() + 1, reason);
                records.add(record(cycleId, stage, reason, status, errorBody, collection, null, null, null,
                        read == null ? null : Map.of("page", String.valueOf(read.pages() + 1))));
            }
            case "defender-import" -> {
                List<?> batch = exchange.getProperty(DefenderHttp.BATCH_PROPERTY, List.class);
                int size = batch == null ? 0 : batch.size();
                LOG.error("Defender import failed cycle={} indicators={}: {}", cycleId, size, reason);
                if (cycle != null) {
                    cycle.addFailed(size);
                    cycle.recordDeliveryFailure("import of " + size + " indicators: " + reason);
                }
                for (Object item : batch == null ? List.of() : batch) {
                    DesiredIndicator desired = (DesiredIndicator) item;
                    records.add(record(cycleId, stage, reason, status, errorBody, desired.collectionId(), desired.stixId(),
                            desired, null, null));
                }
            }
            case "defender-delete" -> {
                List<?> batch = exchange.getProperty(DefenderHttp.BATCH_PROPERTY, List.class);
                int size = batch == null ? 0 : batch.size();
                LOG.error("Defender delete failed cycle={} indicators={}: {}", cycleId, size, reason);
                if (cycle != null) {
                    cycle.addFailed(size);
                    cycle.recordDeliveryFailure("deletion of " + size + " indicators: " + reason);
                }
                for (Object item : batch == null ? List.of() : batch) {
                    ExistingIndicator existing = (ExistingIndicator) item;
                    records.add(record(cycleId, stage, reason, status, errorBody, null, null, null, existing.id(),
                            Map.of("indicatorType", String.valueOf(existing.type()), "indicatorValue",
                                    String.valueOf(existing.value()))));
                }
            }
            default -> {
                LOG.error("Sync cycle stopped cycle={} route={}: {}", cycleId, routeId, reason);
                if (cycle != null) {
                    cycle.recordFatalError(stage + " failed: " + reason);
                }
                records.add(record(cycleId, stage, reason, status, errorBody, null, null, null, null, null));
            }
        }
        return records;
    }

    private DeadLetterRecord record(String cycleId, String stage, String reason, Integer status, String errorBody,
            String collection, String stixId, DesiredIndicator desired, String defenderId, Map<String, String> details) {
        return new DeadLetterRecord(DateTimeFormatter.ISO_INSTANT.format(clock.instant()), cycleId, deploymentId, stage,
                reason, status, errorBody, collection, stixId, desired == null ? null : desired.indicator(), defenderId,
                details);
    }

    // Route ids start with the name of their stage, for example taxii-read-collection and defender-import-batch.
    private static String stage(String routeId) {
        if (routeId == null) {
            return "sync";
        }
        for (String stage : List.of("taxii-read", "defender-import", "defender-delete", "defender-list")) {
            if (routeId.startsWith(stage)) {
                return stage;
            }
        }
        return routeId;
    }

    private static String reason(Exception failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + " " + (http.getStatusText() == null ? "" : http.getStatusText()).trim()
                    + " from " + http.getUri();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String abbreviate(String text) {
        if (text == null || text.length() <= MAX_ERROR_BODY_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_ERROR_BODY_LENGTH) + "...";
    }
}
