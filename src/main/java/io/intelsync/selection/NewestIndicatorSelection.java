package io.intelsync.selection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Keeps the newest STIX indicators whose Defender indicators fit in a budget, while the objects stream past,
 * so that memory contains the kept set and never a whole collection.
 *
 * <p>The result is the longest run of candidates, in priority order ({@link SelectionCandidate#PRIORITY} by
 * default), whose total weight fits the budget; it does not depend on the order in which candidates arrive. A candidate that
 * does not fit ends the run: older candidates are not used to fill the remaining room, because that would
 * prefer old small indicators over a newer large one. Each STIX id counts once, with its newest version.
 * A withdrawn version (revoked, expired, not for detection) removes older versions of its id. A collection
 * may also have a budget of its own, which bounds what it contributes in the same way.
 *
 * <p>The kept set is ordered in a tree, and the highest-priority candidate that was pushed out of it is
 * remembered as the cutoff: any later candidate of lower priority can never enter the result.
 *
 * <p>NOTE: when a kept candidate is withdrawn, or replaced by a lighter version of the same id, after
 * others were pushed out, the freed room stays empty for the rest of the cycle, because the pushed-out
 * candidates are gone. The result is then shorter than the ideal one, never longer. This needs the same
 * STIX id in two collections with different versions, since a TAXII read returns one version per id.
 */
public final class NewestIndicatorSelection {

    /** Result of offering a candidate. */
    public enum Outcome {
        /** It is in the kept set, for now. */
        KEPT,
        /** It is older than the cutoff, so it can never be kept. */
        OUT_OF_BUDGET,
        /** It alone yields more Defender indicators than the budget, so it is left out and ends nothing. */
        TOO_LARGE,
        /** A newer version of the same STIX id, or a withdrawal of it, is already known. */
        SUPERSEDED
    }

    private final int budget;
    private final Comparator<SelectionCandidate> priority;
    private final Map<String, NewestIndicatorSelection> collectionLimits = new HashMap<>();
    private final Consumer<SelectionCandidate> onPushedOut;
    private final TreeSet<SelectionCandidate> kept;
    private final Map<String, SelectionCandidate> keptById = new HashMap<>();
    private final Map<String, Instant> withdrawn = new HashMap<>();
    private SelectionCandidate cutoff;
    private long keptWeight;
    private long sequence;
    private long outOfBudget;
    private long tooLarge;

    /** @param budget the most Defender indicators the kept candidates may produce together */
    public NewestIndicatorSelection(int budget) {
        this(budget, Map.of(), SelectionCandidate.PRIORITY);
    }

    /**
     * @param budget the most Defender indicators the kept candidates may produce together
     * @param collectionBudgets the most Defender indicators that each listed collection may contribute
     * @param priority the order in which candidates fill the budget, {@link SelectionCandidate#PRIORITY} or
     *        {@link SelectionCandidate#COLLECTION_FIRST}
     */
    public NewestIndicatorSelection(int budget, Map<String, Integer> collectionBudgets,
            Comparator<SelectionCandidate> priority) {
        this(budget, priority, candidate -> { });
        // A collection with its own budget first passes its candidates through a selection of its own; what
        // that selection pushes out leaves this one too.
        collectionBudgets.forEach((collection, collectionBudget) -> collectionLimits.put(collection,
                new NewestIndicatorSelection(collectionBudget, priority, this::removeIfKept)));
    }

    private NewestIndicatorSelection(int budget, Comparator<SelectionCandidate> priority,
            Consumer<SelectionCandidate> onPushedOut) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1, got " + budget);
        }
        this.budget = budget;
        this.priority = priority;
        this.kept = new TreeSet<>(priority);
        this.onPushedOut = onPushedOut;
    }

    /**
     * Offers a candidate built from the arguments.
     *
     * @return whether it is kept for now; a later, newer candidate may still push it out
     */
    public synchronized Outcome offer(io.intelsync.stix.IndicatorReading.Accepted accepted, String collectionId,
            int collectionRank) {
        SelectionCandidate candidate = new SelectionCandidate(accepted.indicator(), collectionId, collectionRank,
                accepted.observables(), accepted.windowStop(), sequence++);
        return offerThroughLimits(candidate);
    }

    /** Offers a candidate kept by an earlier cycle, as if it had been read again. */
    public synchronized Outcome offerKept(SelectionCandidate candidate) {
        return offerThroughLimits(candidate.withSequence(sequence++));
    }

    private Outcome offerThroughLimits(SelectionCandidate candidate) {
        if (candidate.weight() > budget) {
            // A candidate that cannot fit even alone must not become the cutoff, or every older one would be refused.
            tooLarge++;
            return Outcome.TOO_LARGE;
        }
        NewestIndicatorSelection collectionLimit = collectionLimits.get(candidate.collectionId());
        if (collectionLimit != null) {
            if (candidate.weight() > collectionLimit.budget) {
                tooLarge++;
                return Outcome.TOO_LARGE;
            }
            Outcome outcome = collectionLimit.offer(candidate);
            if (outcome != Outcome.KEPT) {
                return outcome;
            }
        }
        return offer(candidate);
    }

    private Outcome offer(SelectionCandidate candidate) {
        Instant withdrawnAt = withdrawn.get(candidate.stixId());
        if (withdrawnAt != null && !candidate.indicator().modified().isAfter(withdrawnAt)) {
            return Outcome.SUPERSEDED;
        }
        SelectionCandidate existing = keptById.get(candidate.stixId());
        if (existing != null) {
            if (priority.compare(candidate, existing) >= 0) {
                return Outcome.SUPERSEDED;
            }
            remove(existing);
        }
        if (cutoff != null && priority.compare(candidate, cutoff) > 0) {
            outOfBudget++;
            return Outcome.OUT_OF_BUDGET;
        }
        kept.add(candidate);
        keptById.put(candidate.stixId(), candidate);
        keptWeight += candidate.weight();
        while (keptWeight > budget) {
            SelectionCandidate lowest = kept.last();
            remove(lowest);
            cutoff = lowest;
            outOfBudget++;
            onPushedOut.accept(lowest);
        }
        return keptById.get(candidate.stixId()) == candidate ? Outcome.KEPT : Outcome.OUT_OF_BUDGET;
    }

    /**
     * Records that a version of a STIX indicator withdraws it. Kept versions older than that version are
     * removed, and older versions offered later are refused.
     */
    public synchronized void withdraw(String stixId, Instant modified) {
        collectionLimits.values().forEach(limit -> limit.withdraw(stixId, modified));
        Instant previous = withdrawn.get(stixId);
        if (previous == null || modified.isAfter(previous)) {
            withdrawn.put(stixId, modified);
        }
        SelectionCandidate existing = keptById.get(stixId);
        if (existing != null && !existing.indicator().modified().isAfter(modified)) {
            remove(existing);
        }
        if (withdrawn.size() > 2 * budget && cutoff != null && priority == SelectionCandidate.PRIORITY) {
            // A withdrawal older than the cutoff cannot matter: every version it refuses is out of budget anyway.
            Instant cutoffTime = cutoff.indicator().modified();
            withdrawn.values().removeIf(time -> time.isBefore(cutoffTime));
        }
    }

    /** Returns the kept candidates from the highest priority to the lowest. */
    public synchronized List<SelectionCandidate> kept() {
        return new ArrayList<>(kept);
    }

    /** Returns how many offered candidates were left out, or pushed out, because the budget was full. */
    public synchronized long outOfBudgetCount() {
        return outOfBudget + collectionLimits.values().stream().mapToLong(limit -> limit.outOfBudget).sum();
    }

    /** Returns how many offered candidates alone yield more Defender indicators than the budget. */
    public synchronized long tooLargeCount() {
        return tooLarge;
    }

    /** Returns the number of kept STIX indicators. */
    public synchronized int keptCount() {
        return kept.size();
    }

    /** Returns the number of Defender indicators the kept candidates produce before de-duplication. */
    public synchronized long keptWeight() {
        return keptWeight;
    }

    // Called by a collection's own selection when it pushes a candidate out.
    private synchronized void removeIfKept(SelectionCandidate candidate) {
        if (keptById.get(candidate.stixId()) == candidate) {
            remove(candidate);
        }
    }

    private void remove(SelectionCandidate candidate) {
        kept.remove(candidate);
        keptById.remove(candidate.stixId());
        keptWeight -= candidate.weight();
    }
}
