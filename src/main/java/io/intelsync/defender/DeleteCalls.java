package io.intelsync.defender;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.intelsync.cycle.SyncCycle;

/**
 * Sends batches of ids to {@code POST …/BatchDelete} ({@code {"IndicatorIds": [...]}}). Defender answers 404
 * for the whole batch when any id is unknown, for example an indicator that expired or that someone deleted
 * since the listing; the batch is then split in halves and sent again, and an id that is unknown alone
 * counts as deleted.
 */
public final class DeleteCalls {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteCalls.class);

    private final DefenderHttp http;
    private final DefenderRateLimits limits;

    public DeleteCalls(DefenderHttp http, DefenderRateLimits limits) {
        this.http = http;
        this.limits = limits;
    }

    /** Prepares a BatchDelete call for the batch of {@link ExistingIndicator}s in the body. */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        @SuppressWarnings("unchecked") // the delete batches of the plan are lists of existing indicators
        List<ExistingIndicator> batch = exchange.getMessage().getBody(List.class);
        exchange.setProperty(DefenderHttp.BATCH_PROPERTY, batch);
        limits.acquire(DefenderRateLimits.Operation.BATCH_DELETE);
        http.preparePost(exchange, http.settings().indicatorsUrl() + "/BatchDelete",
                Map.of("IndicatorIds", batch.stream().map(ExistingIndicator::id).toList()));
    }

    /** Counts a successful BatchDelete. */
    public void read(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        List<?> batch = exchange.getProperty(DefenderHttp.BATCH_PROPERTY, List.class);
        cycle.addDeleted(batch.size());
        LOG.info("Deleted batch cycle={} indicators={}", cycle.id(), batch.size());
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(List.of());
    }

    /**
     * Handles a batch that Defender answered with 404: the body becomes its two halves, to be deleted again,
     * or, for a single id, an empty list and the id counted as already deleted.
     */
    public void splitUnknownIds(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        @SuppressWarnings("unchecked") // set by prepare
        List<ExistingIndicator> batch = exchange.getProperty(DefenderHttp.BATCH_PROPERTY, List.class);
        exchange.getMessage().getHeaders().clear();
        if (batch.size() == 1) {
            ExistingIndicator gone = batch.get(0);
            LOG.info("Indicator already gone from Defender cycle={} id={} {} {}", cycle.id(), gone.id(), gone.type(),
                    gone.value());
            cycle.addDeleted(1);
            exchange.getMessage().setBody(List.of());
            return;
        }
        LOG.info("Defender answered 404 for a batch of {} ids cycle={}; deleting it again in halves to skip the ids "
                + "already gone", batch.size(), cycle.id());
        exchange.getMessage().setBody(DefenderHttp.halves(batch));
    }
}
