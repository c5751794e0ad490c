package io.intelsync.selection;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.intelsync.cycle.CollectionRead;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.stix.IndicatorReader;
import io.intelsync.stix.IndicatorReading;
import io.intelsync.taxii.TaxiiRequests;

/**
 * Takes each STIX object of a page, reads it, counts it, and offers the indicators that yield Defender
 * observables to the cycle's selection. The first skips of each reason in a cycle are logged at INFO with
 * the STIX id; later ones only at DEBUG, so that a feed of thousands of unsupported patterns does not flood
 * the log.
 */
public final class IndicatorIntake {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorIntake.class);
    private static final int LOGGED_SKIPS_PER_REASON = 20;
    private static final int LOGGED_SPEC_VERSION_WARNINGS = 5;

    private final IndicatorReader reader;

    public IndicatorIntake(IndicatorReader reader) {
        this.reader = reader;
    }

    /** Reads one STIX object, the body of the exchange, into the cycle's selection. */
    public void offer(Exchange exchange) {
        JsonNode object = exchange.getMessage().getBody(JsonNode.class);
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        CollectionRead read = exchange.getProperty(TaxiiRequests.READ_PROPERTY, CollectionRead.class);
        offer(object, cycle, read);
    }

    /** Reads one STIX object read from the collection of {@code read} into the cycle's selection. */
    public void offer(JsonNode object, SyncCycle cycle, CollectionRead read) {
        cycle.countObject();
        if (object == null || !object.isObject()) {
            return;
        }
        IndicatorReading reading = reader.read(object, cycle.now());
        if (reading instanceof IndicatorReading.NotIndicator) {
            return;
        }
        cycle.countIndicator();
        if (IndicatorReader.hasUnexpectedSpecVersion(object)
                && cycle.countUnexpectedSpecVersion() <= LOGGED_SPEC_VERSION_WARNINGS) {
            LOG.warn("Indicator with spec_version {} read as STIX 2.1 cycle={} collection={} id={}",
                    object.get("spec_version"), cycle.id(), read.collectionId(), object.path("id").asText());
        }
        if (reading instanceof IndicatorReading.Skipped skipped) {
            long countForReason = cycle.countSkip(skipped.reason());
            if (skipped.withdrawsIndicator()) {
                cycle.selection().withdraw(skipped.stixId(), skipped.modified());
            }
            logSkip(cycle, read, skipped, countForReason);
            return;
        }
        IndicatorReading.Accepted accepted = (IndicatorReading.Accepted) reading;
        NewestIndicatorSelection.Outcome outcome = cycle.selection().offer(accepted, read.collectionId(),
                read.collection().rank());
        if (outcome == NewestIndicatorSelection.Outcome.TOO_LARGE) {
            LOG.warn("Indicator left out cycle={} collection={} id={}: its pattern yields {} Defender indicators, more "
                    + "than the budget (defender.max-indicators or the collection's max_indicators)", cycle.id(),
                    read.collectionId(), accepted.indicator().id(), accepted.observables().size());
        }
    }

    private void logSkip(SyncCycle cycle, CollectionRead read, IndicatorReading.Skipped skipped, long countForReason) {
        if (countForReason <= LOGGED_SKIPS_PER_REASON) {
            LOG.info("Skipped indicator cycle={} collection={} id={} reason={}: {}{}", cycle.id(), read.collectionId(),
                    skipped.stixId(), skipped.reason().label(), skipped.detail(),
                    countForReason == LOGGED_SKIPS_PER_REASON ? " (further skips for this reason are logged at DEBUG)" : "");
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Skipped indicator cycle={} collection={} id={} reason={}: {}", cycle.id(), read.collectionId(),
                    skipped.stixId(), skipped.reason().label(), skipped.detail());
        }
    }
}
