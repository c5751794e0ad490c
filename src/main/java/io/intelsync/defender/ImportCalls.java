package io.intelsync.defender;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.intelsync.cycle.SyncCycle;
import io.intelsync.deadletter.DeadLetterRecord;
import io.intelsync.mapping.DesiredIndicator;

/**
 * Sends batches of indicators to {@code POST …/import} ({@code {"Indicators": [...]}}) and reads the
 * per-item results. When Defender refuses a whole batch with 400, the batch is split in halves and each
 * half sent again, until the items Defender refuses are found alone; they go to the dead letter with
 * Defender's error, and the others are imported.
 */
public final class ImportCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCalls.class);
    private static final int LOGGED_FAILURE_REASONS = 10;

    private final DefenderHttp http;
    private final DefenderRateLimits limits;
    private final String deploymentId;

    public ImportCalls(DefenderHttp http, DefenderRateLimits limits, String deploymentId) {
        this.http = http;
        this.limits = limits;
        this.deploymentId = deploymentId;
    }

    /** Prepares an import call for the batch of {@link DesiredIndicator}s in the body. */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        @SuppressWarnings("unchecked") // the import batches of the plan are lists of desired indicators
        List<DesiredIndicator> batch = exchange.getMessage().getBody(List.class);
        exchange.setProperty(DefenderHttp.BATCH_PROPERTY, batch);
        exchange.setProperty(DeadLetterRecord.REJECTED_PROPERTY, List.of());
        limits.acquire(DefenderRateLimits.Operation.IMPORT);
        http.preparePost(exchange, http.settings().indicatorsUrl() + "/import",
                Map.of("Indicators", batch.stream().map(DesiredIndicator::indicator).toList()));
    }

    /**
     * Reads an import response. Items that Defender refused become dead-letter records in the property
     * {@link DeadLetterRecord#REJECTED_PROPERTY}, which the route sends to the dead letter when there are any.
     */
    public void read(Exchange exchange) throws IOException {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        List<DesiredIndicator> batch = batch(exchange);
        JsonNode results = http.readJson(exchange, "import response").get("value");
        if (results == null || !results.isArray()) {
            throw new DefenderResponseException("Defender's import response has no 'value' array, so the outcome of "
                    + batch.size() + " indicators is unknown");
        }

        List<DeadLetterRecord> rejected = new ArrayList<>();
        int updated = 0;
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            DesiredIndicator item = matchResult(batch, result, i);
            if (result.path("isFailed").asBoolean(false)) {
                rejected.add(rejectedRecord(cycle, item, result.path("failureReason").asText("no failureReason given"),
                        result.path("indicator").asText()));
            } else if (item != null && cycle.isPlannedUpdate(item)) {
                updated++;
            }
        }
        int accepted = batch.size() - rejected.size();
        cycle.addCreated(accepted - updated);
        cycle.addUpdated(updated);
        cycle.addFailed(rejected.size());

        LOG.info("Imported batch cycle={} indicators={} accepted={} rejected={}", cycle.id(), batch.size(), accepted,
                rejected.size());
        logRejected(cycle, rejected);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(null);
        exchange.setProperty(DeadLetterRecord.REJECTED_PROPERTY, rejected);
    }

    /**
     * Handles a batch that Defender refused whole with 400: the body becomes its two halves, to be imported
     * again, or, for a single indicator, an empty list and a dead-letter record with Defender's error.
     */
    public void splitRefusedBatch(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        List<DesiredIndicator> batch = batch(exchange);
        String error = http.errorMessage(exchange);
        exchange.getMessage().getHeaders().clear();
        if (batch.size() == 1) {
            DesiredIndicator item = batch.get(0);
            LOG.warn("Defender refused indicator cycle={} id={} value={}: HTTP 400 {}", cycle.id(), item.stixId(),
                    item.indicator().indicatorValue(), error);
            cycle.addFailed(1);
            exchange.setProperty(DeadLetterRecord.REJECTED_PROPERTY,
                    List.of(rejectedRecord(cycle, item, "HTTP 400 " + error, null)));
            exchange.getMessage().setBody(List.of());
            return;
        }
        LOG.warn("Defender refused a batch of {} indicators with HTTP 400 cycle={} ({}); sending it again in halves "
                + "to find the refused ones", batch.size(), cycle.id(), error);
        exchange.setProperty(DeadLetterRecord.REJECTED_PROPERTY, List.of());
        exchange.getMessage().setBody(DefenderHttp.halves(batch));
    }

    @SuppressWarnings("unchecked") // set by prepare
    private static List<DesiredIndicator> batch(Exchange exchange) {
        return exchange.getProperty(DefenderHttp.BATCH_PROPERTY, List.class);
    }

    private DeadLetterRecord rejectedRecord(SyncCycle cycle, DesiredIndicator item, String reason, String value) {
        String time = DateTimeFormatter.ISO_INSTANT.format(cycle.now());
        if (item == null) {
            return new DeadLetterRecord(time, cycle.id(), deploymentId, "defender-import", reason, null, null, null, null,
                    null, null, Map.of("indicator", String.valueOf(value)));
        }
        return new DeadLetterRecord(time, cycle.id(), deploymentId, "defender-import", reason, null, null,
                item.collectionId(), item.stixId(), item.indicator(), null, null);
    }

    private static void logRejected(SyncCycle cycle, List<DeadLetterRecord> rejected) {
        for (DeadLetterRecord record : rejected.subList(0, Math.min(LOGGED_FAILURE_REASONS, rejected.size()))) {
            LOG.warn("Defender rejected indicator cycle={} id={} value={}: {}", cycle.id(), record.stixId(),
                    record.indicator() == null ? record.details() : record.indicator().indicatorValue(), record.reason());
        }
    }

    // Defender answers one result per indicator; the order is expected to match, the value confirms it.
    private static DesiredIndicator matchResult(List<DesiredIndicator> batch, JsonNode result, int index) {
        String value = result.path("indicator").asText(null);
        if (index < batch.size() && (value == null
                || batch.get(index).indicator().indicatorValue().equalsIgnoreCase(value))) {
            return batch.get(index);
        }
        for (DesiredIndicator item : batch) {
            if (item.indicator().indicatorValue().equalsIgnoreCase(value)) {
                return item;
            }
        }
        return null;
    }
}
