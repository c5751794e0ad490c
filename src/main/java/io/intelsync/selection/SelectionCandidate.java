package io.intelsync.selection;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.intelsync.mapping.Observable;
import io.intelsync.stix.StixIndicator;

/**
 * A STIX indicator offered to the selection, with where it was read and what it would send to Defender.
 *
 * @param indicator the indicator
 * @param collectionId the collection it was read from
 * @param collectionRank the collection's priority, 0 being the highest
 * @param observables its Defender observables; their number is its weight against the budget
 * @param windowStop the end of its pattern's observation window, or null
 * @param sequence the order in which it was offered, which breaks the remaining ties
 */
public record SelectionCandidate(StixIndicator indicator, String collectionId, int collectionRank,
        List<Observable> observables, Instant windowStop, long sequence) {

    /**
     * Orders candidates from the highest priority to the lowest: newest {@code modified} first, then the
     * collection configured first, then the STIX id, so that every cycle breaks ties the same way whatever
     * the order of reading, then the one offered first.
     */
    public static final Comparator<SelectionCandidate> PRIORITY = Comparator
            .comparing((SelectionCandidate c) -> c.indicator().modified(), Comparator.reverseOrder())
            .thenComparingInt(SelectionCandidate::collectionRank)
            .thenComparing(SelectionCandidate::stixId)
            .thenComparingLong(SelectionCandidate::sequence);

    /**
     * Orders candidates by collection first: the collection configured first, then the newest
     * {@code modified}, then the STIX id, then the one offered first.
     */
    public static final Comparator<SelectionCandidate> COLLECTION_FIRST = Comparator
            .comparingInt(SelectionCandidate::collectionRank)
            .thenComparing((SelectionCandidate c) -> c.indicator().modified(), Comparator.reverseOrder())
            .thenComparing(SelectionCandidate::stixId)
            .thenComparingLong(SelectionCandidate::sequence);

    public SelectionCandidate {
        observables = List.copyOf(observables);
    }

    /** Returns the number of Defender indicators this candidate would use from the budget. */
    public int weight() {
        return observables.size();
    }

    /** Returns the same candidate with another offer sequence. */
    public SelectionCandidate withSequence(long newSequence) {
        return new SelectionCandidate(indicator, collectionId, collectionRank, observables, windowStop, newSequence);
    }

    /** Returns the STIX id. */
    public String stixId() {
        return indicator.id();
    }
}
