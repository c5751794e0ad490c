package io.intelsync.cycle;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.intelsync.config.SyncSettings;
import io.intelsync.defender.DefenderListing;

/**
 * Starts and finishes sync cycles. The {@code sync-cycle} route calls {@link #begin} first and
 * {@link #finish} on completion, whatever happened in between, so that every cycle ends with its
 * {@code Sync finished} line.
 */
public final class SyncCycles {

    private static final Logger LOG = LoggerFactory.getLogger(SyncCycles.class);
    /** Defender's limit of active indicators per tenant; Microsoft does not raise it. */
    public static final int TENANT_LIMIT = 15_000;

    private final SyncSettings settings;
    private final Clock clock;
    private final Consumer<SyncCycle> readPlanner;
    private final AtomicReference<CycleReport> lastReport = new AtomicReference<>();

    /**
     * @param settings the settings
     * @param clock the clock of the cycles
     * @param readPlanner plans each new cycle's read, for example from the sync state
     */
    public SyncCycles(SyncSettings settings, Clock clock, Consumer<SyncCycle> readPlanner) {
        this.settings = settings;
        this.clock = clock;
        this.readPlanner = readPlanner;
    }

    /** Creates the cycle, stores it in the exchange property {@link SyncCycle#PROPERTY} and logs its start. */
    public SyncCycle begin(Exchange exchange) {
        SyncCycle cycle = newCycle(settings, clock);
        exchange.setProperty(SyncCycle.PROPERTY, cycle);
        LOG.info("Sync started cycle={} deployment={} collections={} dry_run={}", cycle.id(), settings.deploymentId(),
                settings.taxii().collections().stream().map(c -> c.id()).toList(), cycle.dryRun());
        return cycle;
    }

    /** Creates a cycle with a new random id, the configured collections and the dry-run setting. */
    public static SyncCycle newCycle(SyncSettings settings, Clock clock) {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return new SyncCycle(id, clock, settings.defender().passiveOnly(), settings.taxii().collections(),
                settings.selectionOrder());
    }

    /**
     * Starts the exchange's selection once Defender was listed. Indicators that other tools or people own use
     * Defender's limit of {@value #TENANT_LIMIT} per tenant too, so the budget is the smaller of
     * {@code defender.max-indicators} and what they leave.
     */
    public void prepareSelection(Exchange exchange) {
        readPlanner.accept(startSelection(exchange));
    }

    /**
     * Starts the exchange's selection with the budget that the listed Defender indicators leave (see
     * {@link #prepareSelection}) and returns the cycle.
     */
    public SyncCycle startSelection(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        String clientId = settings.defender().clientId();
        String application = settings.defender().application();
        long others = listing.indicators().stream().filter(i -> !i.isOwnedBy(clientId, application)).count();
        int left = (int) Math.max(0, TENANT_LIMIT - others);
        int budget = Math.max(1, Math.min(settings.defender().maxIndicators(), left));
        if (left < settings.defender().maxIndicators()) {
            LOG.warn("Other tools or people own {} Defender indicators cycle={}, so this service keeps at most {} of "
                    + "the tenant's {}", others, cycle.id(), budget, TENANT_LIMIT);
        }
        cycle.startSelection(budget);
        return cycle;
    }

    /** Logs the {@code Sync finished} line of the exchange's cycle and keeps its report. */
    public void finish(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        if (cycle == null) {
            LOG.error("Sync cycle ended before it started: no {} property on exchange {}", SyncCycle.PROPERTY,
                    exchange.getExchangeId());
            return;
        }
        CycleReport report = cycle.finish();
        lastReport.set(report);
        for (Map.Entry<String, String> incomplete : report.incompleteCollections().entrySet()) {
            LOG.warn("Collection read incomplete cycle={} collection={}: {}", report.cycleId(), incomplete.getKey(),
                    incomplete.getValue());
        }
        if (!report.skipReasons().isEmpty()) {
            LOG.info("Skipped indicators cycle={} {}", report.cycleId(), report.skipReasonsLine());
        }
        if (report.fatalError() != null) {
            LOG.error("Sync failed cycle={}: {}", report.cycleId(), report.fatalError());
        }
        if (report.status() == CycleStatus.COMPLETE) {
            LOG.info(report.summaryLine());
        } else {
            LOG.warn(report.summaryLine());
        }
    }

    /** Returns the report of the last finished cycle, or null before the first one ends. */
    public CycleReport lastReport() {
        return lastReport.get();
    }
}
