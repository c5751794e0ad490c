package io.intelsync.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.SelectionOrder;
import io.intelsync.mapping.SkipReason;
import io.intelsync.selection.NewestIndicatorSelection;
import io.intelsync.selection.SelectionCandidate;

/**
 * The state of one sync cycle, shared by every route through the exchange property {@link #PROPERTY}: its
 * id and start time, the collection reads, the selection, the counters of the {@code Sync finished} line,
 * and the failures that decide its status.
 */
public final class SyncCycle {

    /** Name of the exchange property that contains the cycle. */
    public static final String PROPERTY = "syncCycle";

    private final String id;
    private final Instant startedAt;
    private final Clock clock;
    private final boolean dryRun;
    private final List<CollectionConfig> collections;
    private final Map<String, Integer> collectionBudgets = new LinkedHashMap<>();
    private final SelectionOrder order;
    private volatile NewestIndicatorSelection selection;
    private volatile int budget;
    private final Map<String, CollectionRead> reads = new LinkedHashMap<>();
    private final Map<SkipReason, AtomicLong> skips = new EnumMap<>(SkipReason.class);
    private final List<String> deliveryFailures = new ArrayList<>();
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong indicators = new AtomicLong();
    private final AtomicLong unexpectedSpecVersions = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long kept;
    private volatile long plannedCreates;
    private volatile long plannedUpdates;
    private volatile long plannedDeletes;
    private volatile long withheldDeletes;
    private volatile java.util.Set<io.intelsync.defender.IndicatorKey> plannedUpdateKeys = java.util.Set.of();
    private volatile String fatalError;
    private boolean fullRead = true;
    private Map<String, String> startCursors = Map.of();
    private String readReason = "no sync state";
    private volatile Instant finishedAt;

    public SyncCycle(String id, Clock clock, boolean dryRun, List<CollectionConfig> collections, int budget) {
        this(id, clock, dryRun, collections, SelectionOrder.NEWEST_FIRST);
        startSelection(budget);
    }

    /**
     * Creates a cycle whose selection starts once its budget is known, see {@link #startSelection}.
     *
     * @param id the cycle id
     * @param clock the clock against which expiry is judged
     * @param dryRun whether writes are only planned
     * @param collections the configured collections in priority order
     * @param order which indicators fill the budget first
     */
    public SyncCycle(String id, Clock clock, boolean dryRun, List<CollectionConfig> collections, SelectionOrder order) {
        this.id = Objects.requireNonNull(id, "id");
        this.clock = clock;
        this.startedAt = clock.instant();
        this.dryRun = dryRun;
        this.collections = List.copyOf(collections);
        this.order = order;
        for (CollectionConfig collection : collections) {
            collection.overrides().maxIndicators().ifPresent(max -> collectionBudgets.put(collection.id(), max));
        }
    }

    /**
     * Starts the selection of the newest indicators.
     *
     * @param maxIndicators the most Defender indicators the selection may keep, at least 1
     */
    public synchronized void startSelection(int maxIndicators) {
        this.budget = maxIndicators;
        this.selection = new NewestIndicatorSelection(maxIndicators, collectionBudgets,
                order == SelectionOrder.COLLECTION_FIRST ? SelectionCandidate.COLLECTION_FIRST : SelectionCandidate.PRIORITY);
    }

    /** Returns the budget of the selection, once started. */
    public int budget() {
        return budget;
    }

    /**
     * Decides how this cycle reads: in full from the start, or from each collection's cursor.
     *
     * @param full whether every collection is read in full
     * @param cursors the {@code added_after} of each collection for an incremental read
     * @param reason why, for the log
     */
    public synchronized void planRead(boolean full, Map<String, String> cursors, String reason) {
        this.fullRead = full;
        this.startCursors = full ? Map.of() : Map.copyOf(cursors);
        this.readReason = reason;
    }

    /** Returns whether this cycle reads every collection in full. */
    public synchronized boolean isFullRead() {
        return fullRead;
    }

    /** Returns why this cycle reads the way it does. */
    public synchronized String readReason() {
        return readReason;
    }

    /** Returns the {@code added_after} to start a collection's read with, or null to read it from the start. */
    public synchronized String startCursor(String collectionId) {
        return startCursors.get(collectionId);
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Returns the current time of the cycle's clock, against which expiry is judged. */
    public Instant now() {
        return clock.instant();
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Returns the configured collections in priority order. */
    public List<CollectionConfig> collections() {
        return collections;
    }

    /** Returns the selection, once {@link #startSelection} ran. */
    public NewestIndicatorSelection selection() {
        NewestIndicatorSelection current = selection;
        if (current == null) {
            throw new IllegalStateException("The selection of cycle " + id + " has not started");
        }
        return current;
    }

    /**
     * Starts the read of a collection and returns its progress record.
     *
     * @param addedAfter the {@code added_after} of the first page, or null to read from the beginning
     */
    public synchronized CollectionRead startRead(CollectionConfig collection, int maxPages, Duration maxReadTime,
            String addedAfter) {
        CollectionRead read = new CollectionRead(collection, maxPages, maxReadTime, clock, addedAfter);
        reads.put(collection.id(), read);
        return read;
    }

    /** Returns the reads started so far, in collection order. */
    public synchronized List<CollectionRead> reads() {
        return List.copyOf(reads.values());
    }

    /** Counts an object received from a TAXII server. */
    public void countObject() {
        objects.incrementAndGet();
    }

    /** Counts a STIX indicator object received. */
    public void countIndicator() {
        indicators.incrementAndGet();
    }

    /** Counts an object whose spec_version is not 2.1 and returns how many there were so far. */
    public long countUnexpectedSpecVersion() {
        return unexpectedSpecVersions.incrementAndGet();
    }

    /** Counts an indicator that yields no Defender indicator and returns the count for its reason so far. */
    public long countSkip(SkipReason reason) {
        synchronized (skips) {
            return skips.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Returns the number of skipped indicators per reason. */
    public Map<SkipReason, Long> skipCounts() {
        synchronized (skips) {
            Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
            skips.forEach((reason, count) -> counts.put(reason, count.get()));
            return counts;
        }
    }

    public void setKept(long keptIndicators) {
        this.kept = keptIndicators;
    }

    /** Records the cycle's plan for its counts, and counts the desired indicators Defender already holds. */
    public void setPlan(io.intelsync.defender.SyncPlan plan) {
        this.plannedCreates = plan.creates().size();
        this.plannedUpdates = plan.updates().size();
        this.plannedDeletes = plan.deletes().size();
        this.withheldDeletes = plan.withheldDeletes().size();
        this.plannedUpdateKeys = plan.updates().stream().map(update -> update.desired().indicator().key())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        unchanged.addAndGet(plan.unchanged());
    }

    /** Returns whether the plan updates this indicator rather than creating it. */
    public boolean isPlannedUpdate(io.intelsync.mapping.DesiredIndicator indicator) {
        return plannedUpdateKeys.contains(indicator.indicator().key());
    }

    public void addUpdated(long count) {
        updated.addAndGet(count);
    }

    public void addCreated(long count) {
        created.addAndGet(count);
    }

    public void addDeleted(long count) {
        deleted.addAndGet(count);
    }

    /** Counts Defender indicators that were not delivered; they went to the dead letter. */
    public void addFailed(long count) {
        failed.addAndGet(count);
    }

    /** Records a call to Defender that failed after its retries; the cycle becomes partial. */
    public synchronized void recordDeliveryFailure(String description) {
        deliveryFailures.add(description);
    }

    /** Records a failure that stops the cycle before it can write to Defender; the cycle becomes failed. */
    public void recordFatalError(String description) {
        if (fatalError == null) {
            fatalError = description;
        }
    }

    public String fatalError() {
        return fatalError;
    }

    /** Returns whether every configured collection was read to its end. */
    public synchronized boolean allReadsComplete() {
        return reads.size() == collections.size() && reads.values().stream().allMatch(CollectionRead::isComplete);
    }

    /** Returns the collections whose read did not reach the end, with the reason. */
    public synchronized Map<String, String> incompleteReads() {
        Map<String, String> incomplete = new LinkedHashMap<>();
        for (CollectionConfig collection : collections) {
            CollectionRead read = reads.get(collection.id());
            if (read == null) {
                incomplete.put(collection.id(), "not read");
            } else if (!read.isComplete()) {
                incomplete.put(collection.id(), read.incompleteReason() == null ? "stopped" : read.incompleteReason());
            }
        }
        return incomplete;
    }

    /** Returns the cycle's status from what happened so far. */
    public synchronized CycleStatus status() {
        if (fatalError != null) {
            return CycleStatus.FAILED;
        }
        if (!allReadsComplete() || !deliveryFailures.isEmpty() || failed.get() > 0) {
            return CycleStatus.PARTIAL;
        }
        return CycleStatus.COMPLETE;
    }

    /** Marks the cycle as finished and returns its counters. */
    public synchronized CycleReport finish() {
        if (finishedAt == null) {
            finishedAt = clock.instant();
        }
        long skipped = skipCounts().values().stream().mapToLong(Long::longValue).sum();
        long overBudget = selection == null ? 0 : selection.outOfBudgetCount() + selection.tooLargeCount();
        return new CycleReport(id, status(), dryRun, fullRead, collections.size(), objects.get(), indicators.get(), kept,
                overBudget, created.get(), updated.get(), deleted.get(), unchanged.get(), failed.get(), skipped,
                plannedCreates, plannedUpdates, plannedDeletes, withheldDeletes,
                skipCounts(), incompleteReads(), List.copyOf(deliveryFailures), fatalError,
                Duration.between(startedAt, finishedAt));
    }
}
