package io.intelsync.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.intelsync.sandbox.taxii.SyntheticObject;
import io.intelsync.sandbox.taxii.SyntheticObjects;

/**
 * The indicators that the service must keep from one synthetic collection, computed from what the
 * generator declares about each object and without any of the service's classes.
 *
 * <p>The rule is the service's: candidates in priority order (newest {@code modified} first, then the
 * order in which they were read, which for one collection is the index), and the longest run from the
 * top whose weights add up to at most the budget. The first candidate that does not fit ends the run.
 *
 * <p>It is computed in two streaming passes, so memory grows with the budget and not with the
 * collection. The first pass adds up the weights per day of {@code modified} and finds the day in
 * which the run ends. The second pass collects the candidates of that day and of newer days, sorts
 * them and takes the run.
 */
public final class ExpectedSelection {

    /**
     * A kept indicator.
     *
     * @param index the object's position in the collection
     * @param stixId the STIX id, which the service sends as {@code externalId}
     * @param modified the {@code modified} time
     * @param values the Defender indicators it yields
     */
    public record KeptIndicator(long index, String stixId, Instant modified, List<SyntheticObject.DefenderValue> values) {
    }

    // The service's order within one collection: newest modified first, then the STIX id.
    private static final Comparator<SyntheticObject> PRIORITY = Comparator
            .comparing(SyntheticObject::modified, Comparator.reverseOrder())
            .thenComparing(SyntheticObject::id);

    private final List<KeptIndicator> kept;
    private final KeptIndicator firstLeftOut;
    private final long objects;
    private final long indicators;
    private final long candidates;
    private final long skipped;
    private final long keptWeight;

    private ExpectedSelection(List<KeptIndicator> kept, KeptIndicator firstLeftOut, long objects, long indicators,
            long candidates, long skipped, long keptWeight) {
        this.kept = List.copyOf(kept);
        this.firstLeftOut = firstLeftOut;
        this.objects = objects;
        this.indicators = indicators;
        this.candidates = candidates;
        this.skipped = skipped;
        this.keptWeight = keptWeight;
    }

    /**
     * Computes the expected selection of a synthetic collection.
     *
     * @param generator the collection's generator
     * @param budget the maximum total weight, the service's {@code defender.max-indicators}
     */
    public static ExpectedSelection compute(SyntheticObjects generator, int budget) {
        NavigableMap<Long, Long> weightPerDay = new TreeMap<>(Comparator.reverseOrder());
        long indicators = 0;
        long candidates = 0;
        for (long i = 0; i < generator.count(); i++) {
            SyntheticObject object = generator.object(i);
            if (object.isIndicator()) {
                indicators++;
            }
            if (object.weight() > 0) {
                candidates++;
                weightPerDay.merge(day(object.modified()), (long) object.weight(), Long::sum);
            }
        }

        long lastDay = Long.MIN_VALUE;
        long total = 0;
        for (Map.Entry<Long, Long> entry : weightPerDay.entrySet()) {
            lastDay = entry.getKey();
            total += entry.getValue();
            if (total > budget) {
                break;
            }
        }

        List<SyntheticObject> newest = new ArrayList<>();
        for (long i = 0; i < generator.count(); i++) {
            SyntheticObject object = generator.object(i);
            if (object.weight() > 0 && day(object.modified()) >= lastDay) {
                newest.add(object);
            }
        }
        newest.sort(PRIORITY);

        List<KeptIndicator> kept = new ArrayList<>();
        KeptIndicator firstLeftOut = null;
        long keptWeight = 0;
        for (SyntheticObject object : newest) {
            if (keptWeight + object.weight() > budget) {
                firstLeftOut = keptIndicator(object);
                break;
            }
            keptWeight += object.weight();
            kept.add(keptIndicator(object));
        }
        long skipped = indicators - candidates;
        return new ExpectedSelection(kept, firstLeftOut, generator.count(), indicators, candidates, skipped, keptWeight);
    }

    private static KeptIndicator keptIndicator(SyntheticObject object) {
        return new KeptIndicator(object.index(), object.id(), object.modified(), object.defenderIndicators());
    }

    private static long day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** Returns the kept indicators from the highest priority to the lowest. */
    public List<KeptIndicator> kept() {
        return kept;
    }

    /** Returns the candidate that ended the run, or null when every candidate fits. */
    public KeptIndicator firstLeftOut() {
        return firstLeftOut;
    }

    /** Returns the number of objects in the collection, the {@code objects} count of the cycle. */
    public long objects() {
        return objects;
    }

    /** Returns the number of STIX indicators, the {@code indicators} count of the cycle. */
    public long indicators() {
        return indicators;
    }

    /** Returns the number of indicators that yield Defender indicators. */
    public long candidates() {
        return candidates;
    }

    /** Returns the number of indicators that yield no Defender indicator, the {@code skipped} count. */
    public long skipped() {
        return skipped;
    }

    /** Returns the number of Defender indicators the kept indicators yield. */
    public long keptWeight() {
        return keptWeight;
    }

    /**
     * Returns the Defender indicators that the service must import, as {@code indicatorType|value} keys
     * mapped to the STIX id that Defender must store as {@code externalId}.
     */
    public Map<String, String> defenderIndicators() {
        Map<String, String> indicators = new LinkedHashMap<>();
        for (KeptIndicator indicator : kept) {
            for (SyntheticObject.DefenderValue value : indicator.values()) {
                indicators.put(KeptSetCheck.key(value.indicatorType(), value.value()), indicator.stixId());
            }
        }
        return indicators;
    }
}
