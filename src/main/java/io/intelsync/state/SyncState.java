package io.intelsync.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.SyncSettings;
import io.intelsync.cycle.CollectionRead;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.selection.SelectionCandidate;

/**
 * Decides whether a cycle reads every collection in full or only what was added since the last complete
 * read, and saves what the cycle read.
 *
 * <p>An incremental cycle starts from the kept indicators of the last cycle and reads each collection with
 * {@code added_after} set to the {@code X-TAXII-Date-Added-Last} of its last complete read; new versions
 * replace old ones and withdrawn ones leave the set. Objects that leave a collection without a new version
 * (an OpenCTI collection filter that no longer matches, for example) are not seen that way, so a full read
 * runs every {@code sync.full-read-interval}, on request, and whenever the collections or the settings that
 * shape the selection change (which also clears the state).
 *
 * <p>A collection's cursor moves only after its read completed and the cycle reached Defender; a dry run
 * saves nothing. In a full read, a collection whose read stopped early keeps its previous kept indicators.
 */
public final class SyncState {

    private static final Logger LOG = LoggerFactory.getLogger(SyncState.class);
    /** Raise when the extraction of observables changes, so that stored observables are rebuilt. */
    private static final int EXTRACTION_VERSION = 1;

    private final StateStore store;
    private final SyncSettings settings;
    private final Clock clock;
    private final Duration fullReadInterval;
    private final String fingerprint;
    private final AtomicBoolean fullReadRequested = new AtomicBoolean();

    public SyncState(StateStore store, SyncSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.fullReadInterval = settings.state().fullReadInterval();
        this.fingerprint = fingerprint(settings);
    }

    /** Makes the next cycle read every collection in full. */
    public void requestFullRead() {
        fullReadRequested.set(true);
        LOG.info("Full read requested for the next cycle");
    }

    /** Plans the cycle's read and, for an incremental read, offers the kept indicators of the last cycle. */
    public void prepare(SyncCycle cycle) {
        StoredState stored = store.load(ranks(cycle));
        String reason = fullReadReason(stored);
        if (reason != null) {
            cycle.planRead(true, Map.of(), reason);
            LOG.info("Full read cycle={}: {}", cycle.id(), reason);
            return;
        }
        int expired = offerUnexpired(stored, cycle);
        cycle.planRead(false, stored.cursors(), "last full read at " + stored.lastFullRead());
        LOG.info("Incremental read cycle={}: {} kept indicators from the last cycle, {} expired since; cursors {}",
                cycle.id(), stored.candidates().size() - expired, expired, stored.cursors());
    }

    /**
     * Offers the kept indicators that the last cycle saved, those still valid, to the cycle's selection, without
     * planning a read: the dead-letter replay uses them as the indicators that are still wanted.
     *
     * @return null, or why there is no saved selection to use
     */
    public String offerSavedSelection(SyncCycle cycle) {
        StoredState stored = store.load(ranks(cycle));
        if (stored.settingsFingerprint() == null) {
            return "no cycle has saved its selection yet; run a sync cycle first";
        }
        if (!stored.settingsFingerprint().equals(fingerprint)) {
            return "the saved selection was made with other collections or selection settings; run a sync cycle "
                    + "with the current settings first";
        }
        int expired = offerUnexpired(stored, cycle);
        LOG.info("Saved selection offered cycle={}: {} kept indicators, {} expired since", cycle.id(),
                stored.candidates().size() - expired, expired);
        return null;
    }

    private static Map<String, Integer> ranks(SyncCycle cycle) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (CollectionConfig collection : cycle.collections()) {
            ranks.put(collection.id(), collection.rank());
        }
        return ranks;
    }

    // Offers the stored candidates whose valid_until and window have not passed; returns how many had.
    private static int offerUnexpired(StoredState stored, SyncCycle cycle) {
        Instant now = cycle.now();
        int expired = 0;
        for (SelectionCandidate candidate : stored.candidates()) {
            boolean validUntilPassed = candidate.indicator().validUntil() != null
                    && !candidate.indicator().validUntil().isAfter(now);
            boolean windowEnded = candidate.windowStop() != null && !candidate.windowStop().isAfter(now);
            if (validUntilPassed || windowEnded) {
                expired++;
            } else {
                cycle.selection().offerKept(candidate);
            }
        }
        return expired;
    }

    /** Saves the read of the exchange's cycle; called when the cycle reached Defender. */
    public void commit(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        if (cycle.dryRun()) {
            LOG.info("Dry run cycle={}: the sync state is not saved", cycle.id());
            return;
        }
        Map<String, String> cursors = new LinkedHashMap<>();
        Set<String> replaced = new HashSet<>();
        for (CollectionRead read : cycle.reads()) {
            if (read.isComplete()) {
                replaced.add(read.collectionId());
                if (read.lastDateAdded() != null) {
                    cursors.put(read.collectionId(), read.lastDateAdded());
                }
            } else if (!cycle.isFullRead()) {
                // The kept indicators of an incremental read include the stored ones, so they may replace them.
                replaced.add(read.collectionId());
            }
        }
        Instant fullReadAt = cycle.isFullRead() && cycle.allReadsComplete() ? cycle.startedAt() : null;
        store.save(fingerprint, fullReadAt, cursors, replaced, cycle.selection().kept(), clock.instant());
        LOG.info("Saved sync state cycle={} read={} cursors={} collections_replaced={}", cycle.id(),
                cycle.isFullRead() ? "full" : "incremental", cursors, replaced.size());
    }

    // Returns why the next cycle must read in full, or null when an incremental read is enough.
    private String fullReadReason(StoredState stored) {
        if (stored.settingsFingerprint() == null) {
            store.reset(fingerprint);
            return "no sync state yet";
        }
        if (!stored.settingsFingerprint().equals(fingerprint)) {
            store.reset(fingerprint);
            return "the collections or the settings that shape the selection changed, so the sync state was cleared";
        }
        if (fullReadRequested.getAndSet(false)) {
            return "requested";
        }
        if (stored.lastFullRead() == null) {
            return "no full read has completed yet";
        }
        if (!stored.lastFullRead().plus(fullReadInterval).isAfter(clock.instant())) {
            return "the last full read, at " + stored.lastFullRead() + ", is older than " + fullReadInterval.toHours()
                    + " hours (sync.full-read-interval)";
        }
        return null;
    }

    // The settings that decide what the kept set holds: changing any of them makes the stored set wrong.
    static String fingerprint(SyncSettings settings) {
        StringBuilder text = new StringBuilder("v").append(EXTRACTION_VERSION)
                .append('|').append(settings.taxii().apiRoot())
                .append('|').append(settings.taxii().addedAfter())
                .append('|').append(settings.taxii().matchType())
                .append('|').append(settings.selectionOrder())
                .append('|').append(settings.defender().maxIndicators())
                .append('|').append(settings.allowNonPublicAddresses());
        for (CollectionConfig collection : settings.taxii().collections()) {
            text.append('|').append(collection.id()).append('=').append(collection.overrides().maxIndicators());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", ex);
        }
    }
}
