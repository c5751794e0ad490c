package io.intelsync.deadletter;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.config.SettingCatalog;
import io.intelsync.config.SyncSettings;
import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.cycle.SyncCycles;
import io.intelsync.defender.DefenderIndicator;
import io.intelsync.defender.DefenderListing;
import io.intelsync.defender.IndicatorKey;
import io.intelsync.defender.ReconciliationPlanner;
import io.intelsync.defender.SyncPlan;
import io.intelsync.mapping.DefenderIndicatorMapper;
import io.intelsync.mapping.DesiredIndicator;
import io.intelsync.state.SyncState;

/**
 * Sends the failed imports of the dead-letter files again, for the indicators that are still wanted, and
 * clears their lines. The {@code dead-letter-replay} route calls these steps in order and {@link #finish}
 * on completion.
 *
 * <p>"Still wanted" means wanted by the selection that the last sync cycle saved, mapped with the current
 * settings: the replay reads no TAXII collection. A wanted indicator is sent as the selection now maps it, not
 * as the old line recorded it, and only when Defender does not already hold it as wanted (a later cycle may
 * have delivered it). Lines of indicators no longer wanted, and lines of failed reads, listings and deletions,
 * stay: the next cycle deletes what is stale and reads again. An indicator refused again gets a new line
 * with the new reason. Until the replay ends, the files are renamed (see {@link DeadLetterFiles}), so a
 * replay that is stopped loses no line.
 */
public final class DeadLetterReplay {

    /** Name of the exchange property that contains the running replay. */
    public static final String PROPERTY = "deadLetterReplay";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String IMPORT_STAGE = "defender-import";
    private static final int LOGGED_ITEMS = 10;

    private final SyncSettings settings;
    private final String deadLetterUri;
    private final SyncState state;
    private final ReconciliationPlanner planner;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicReference<ReplayReport> lastReport = new AtomicReference<>();

    /**
     * @param settings the settings
     * @param deadLetterUri the dead-letter endpoint URI; the replay reads the files of a {@code file:} endpoint
     * @param state the sync state, which contains the selection of the last cycle
     * @param mapper reads the dead-letter lines
     * @param clock the clock of the replay
     */
    public DeadLetterReplay(SyncSettings settings, String deadLetterUri, SyncState state, ObjectMapper mapper,
            Clock clock) {
        this.settings = settings;
        this.deadLetterUri = deadLetterUri;
        this.state = state;
        this.planner = ReconciliationPlanner.of(settings.defender());
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The lines, counts and outcome of one replay, kept in the exchange property {@link #PROPERTY}. */
    private static final class Run {
        private final SyncCycle cycle;
        private final Instant startedAt;
        private DeadLetterFiles files;
        private List<DeadLetterFiles.Line> lines = List.of();
        private final Map<DeadLetterFiles.Line, IndicatorKey> importLines = new LinkedHashMap<>();
        private final Set<DeadLetterFiles.Line> wantedLines = new LinkedHashSet<>();
        private int other;
        private int notWanted;
        private int resubmitted;
        private int alreadyDelivered;
        private boolean sent;
        private String problem;

        private Run(SyncCycle cycle, Instant startedAt) {
            this.cycle = cycle;
            this.startedAt = startedAt;
        }
    }

    /**
     * Starts the replay: sets the dead-letter files aside and reads their lines. Stops the route when the
     * dead-letter endpoint is not a file endpoint, or when no line is a failed import.
     */
    public void begin(Exchange exchange) {
        SyncCycle cycle = SyncCycles.newCycle(settings, clock);
        String id = cycle.id();
        Run run = new Run(cycle, clock.instant());
        exchange.setProperty(PROPERTY, run);
        exchange.setProperty(SyncCycle.PROPERTY, cycle);
        Optional<java.nio.file.Path> folder = DeadLetterFiles.folderOf(deadLetterUri);
        if (folder.isEmpty()) {
            stop(exchange, run, SettingCatalog.DEAD_LETTER_URI.displayName() + " is '" + deadLetterUri
                    + "', which is not a file endpoint; the replay reads dead-letter files only. Copy the lines to "
                    + "*.jsonl files in a folder and run the replay with dead-letter.uri set to file:<that folder>");
            return;
        }

        run.files = new DeadLetterFiles(folder.get());
        LOG.info("Dead-letter replay started replay={} folder={} dry_run={}", id, folder.get().toAbsolutePath(),
                cycle.dryRun());
        try {
            run.lines = run.files.setAside();
        } catch (UncheckedIOException ex) {
            run.files = null;
            stop(exchange, run, ex.getMessage());
            return;
        }

        for (DeadLetterFiles.Line line : run.lines) {
            Optional<IndicatorKey> key = failedImportKey(line);
            if (key.isPresent()) {
                run.importLines.put(line, key.get());
            } else {
                run.other++;
            }
        }
        LOG.info("Dead-letter replay replay={} lines={} failed_imports={} other={}", id, run.lines.size(),
                run.importLines.size(), run.other);
        if (run.importLines.isEmpty()) {
            exchange.setRouteStop(true);
        }
    }

    /**
     * Offers the selection that the last cycle saved to the replay's selection, which the route started with
     * the budget Defender leaves. Stops the route when no usable selection is saved.
     */
    public void offerSavedSelection(Exchange exchange) {
        Run run = run(exchange);
        String problem = state.offerSavedSelection(run.cycle);
        if (problem != null) {
            stop(exchange, run, "Cannot tell which dead-lettered indicators are still wanted: " + problem);
        }
    }

    /**
     * Plans the replay from the mapped selection: the failed imports whose indicator is still wanted and that
     * Defender does not hold as wanted are imported again; see {@link ReconciliationPlanner}. The plan, without
     * deletions, goes to {@link SyncPlan#PROPERTY}.
     */
    public void plan(Exchange exchange) {
        Run run = run(exchange);
        SyncCycle cycle = run.cycle;
        @SuppressWarnings("unchecked") // the mapper stores exactly this type
        List<DesiredIndicator> desired = exchange.getProperty(DefenderIndicatorMapper.DESIRED_PROPERTY, List.class);
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        Map<IndicatorKey, DesiredIndicator> wantedByKey = new LinkedHashMap<>();
        desired.forEach(item -> wantedByKey.putIfAbsent(item.indicator().key(), item));

        Map<IndicatorKey, DesiredIndicator> toCheck = new LinkedHashMap<>();
        for (Map.Entry<DeadLetterFiles.Line, IndicatorKey> entry : run.importLines.entrySet()) {
            DesiredIndicator wanted = wantedByKey.get(entry.getValue());
            if (wanted == null) {
                run.notWanted++;
            } else {
                run.wantedLines.add(entry.getKey());
                toCheck.putIfAbsent(entry.getValue(), wanted);
            }
        }
        // Reads count as incomplete, so the plan contains no deletion: the replay only imports.
        SyncPlan full = planner.plan(List.copyOf(toCheck.values()), listing.indicators(), false, false, cycle.now());
        SyncPlan plan = new SyncPlan(full.importBatches(), List.of(), full.creates(), full.updates(), List.of(),
                full.unchanged(), List.of(), null, false);
        run.resubmitted = plan.creates().size() + plan.updates().size();
        run.alreadyDelivered = plan.unchanged();
        exchange.setProperty(SyncPlan.PROPERTY, plan);
        cycle.setPlan(plan);
        LOG.info("Planned dead-letter replay replay={} wanted_indicators={} resubmit={} already_delivered={} "
                + "not_wanted={} dry_run={}", cycle.id(), toCheck.size(), run.resubmitted, run.alreadyDelivered, run.notWanted,
                cycle.dryRun());
        if (cycle.dryRun()) {
            plan.importBatches().stream().flatMap(List::stream).limit(LOGGED_ITEMS).forEach(item -> LOG.info(
                    "Dry run replay={} would resubmit {} {} from {}", cycle.id(), item.indicator().indicatorType(),
                    item.indicator().indicatorValue(), item.stixId()));
        }
    }

    /** Records that every batch of the plan was sent, so that the lines of the wanted indicators can go. */
    public void sent(Exchange exchange) {
        run(exchange).sent = true;
    }

    /**
     * Ends the replay: writes the lines that stay back to the dead-letter files, logs the
     * {@code Dead-letter replay finished} line and keeps the report.
     */
    public void finish(Exchange exchange) {
        Run run = exchange.getProperty(PROPERTY, Run.class);
        if (run == null) {
            LOG.error("Dead-letter replay ended before it started: no {} property on exchange {}", PROPERTY,
                    exchange.getExchangeId());
            return;
        }

        boolean clear = run.sent && !run.cycle.dryRun();
        List<DeadLetterFiles.Line> staying = new ArrayList<>();
        for (DeadLetterFiles.Line line : run.lines) {
            if (!(clear && run.wantedLines.contains(line))) {
                staying.add(line);
            }
        }
        if (run.files != null) {
            try {
                run.files.restore(staying);
            } catch (UncheckedIOException ex) {
                run.problem = run.problem == null ? ex.getMessage() : run.problem;
            }
        }

        CycleReport cycle = run.cycle.finish();
        String problem = run.problem != null ? run.problem : cycle.fatalError();
        // Not the cycle's status: a replay reads no collection, which a cycle would count as incomplete.
        CycleStatus status = problem != null ? CycleStatus.FAILED
                : cycle.failed() > 0 || !cycle.deliveryFailures().isEmpty() ? CycleStatus.PARTIAL : CycleStatus.COMPLETE;
        ReplayReport report = new ReplayReport(cycle.cycleId(), status, cycle.dryRun(), run.lines.size(),
                run.wantedLines.size(), run.resubmitted, cycle.created(), cycle.updated(), cycle.failed(),
                run.alreadyDelivered, run.notWanted, run.other, run.lines.size() - staying.size(), problem,
                Duration.between(run.startedAt, clock.instant()));
        lastReport.set(report);

        if (problem != null) {
            LOG.error("Dead-letter replay failed replay={}: {}", report.replayId(), problem);
        }
        if (status == CycleStatus.COMPLETE) {
            LOG.info(report.summaryLine());
        } else {
            LOG.warn(report.summaryLine());
        }
    }

    /** Returns the report of the last replay, or null before the first one ends. */
    public ReplayReport lastReport() {
        return lastReport.get();
    }

    private static Run run(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Run.class);
    }

    private static void stop(Exchange exchange, Run run, String problem) {
        run.problem = problem;
        exchange.setRouteStop(true);
    }

    // Returns the key of the indicator of a failed-import line, or empty for any other line.
    private Optional<IndicatorKey> failedImportKey(DeadLetterFiles.Line line) {
        try {
            JsonNode record = mapper.readTree(line.text());
            JsonNode indicator = record.path("indicator");
            if (!IMPORT_STAGE.equals(record.path("stage").asText()) || !indicator.isObject()) {
                return Optional.empty();
            }
            return Optional.of(mapper.treeToValue(indicator, DefenderIndicator.class).key());
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException ex) {
            LOG.warn("Dead-letter line in {} is not a record this service wrote, so it stays as it is: {}",
                    line.file().getFileName(), ex.getMessage());
            return Optional.empty();
        }
    }
}
