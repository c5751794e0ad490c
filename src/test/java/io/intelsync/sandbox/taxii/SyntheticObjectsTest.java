package io.intelsync.sandbox.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intelsync.mapping.PatternExtractor;
import io.intelsync.mapping.SkipReason;
import io.intelsync.sandbox.taxii.SyntheticObject.DefenderValue;
import io.intelsync.sandbox.taxii.SyntheticObject.Kind;
import io.intelsync.stix.IndicatorReader;
import io.intelsync.stix.IndicatorReading;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the generator of synthetic collections against the service's own reading of the objects, so
 * that the expected outcome that benchmarks and tests compute from {@link SyntheticObject} is right.
 */
class SyntheticObjectsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void sameSeedGivesSameObjects() {
        SyntheticObjects first = new SyntheticObjects(7, 1_000);
        SyntheticObjects second = new SyntheticObjects(7, 1_000);
        SyntheticObjects otherSeed = new SyntheticObjects(8, 1_000);

        for (long i = 0; i < 1_000; i++) {
            assertThat(second.object(i)).isEqualTo(first.object(i));
            assertThat(second.object(i).toJson()).isEqualTo(first.object(i).toJson());
            assertThat(otherSeed.object(i).id()).isNotEqualTo(first.object(i).id());
        }
    }

    @Test
    void dateAddedIsMicrosecondOffset() {
        SyntheticObjects objects = new SyntheticObjects(1, 10);

        assertThat(objects.object(0).dateAdded()).isEqualTo(SyntheticObjects.FIRST_DATE_ADDED);
        assertThat(objects.object(7).dateAdded()).isEqualTo(SyntheticObjects.FIRST_DATE_ADDED.plusNanos(7_000));
    }

    @Test
    void indexOutsideCollectionIsRejected() {
        SyntheticObjects objects = new SyntheticObjects(1, 10);

        assertThatThrownBy(() -> objects.object(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new SyntheticObjects(1, SyntheticObjects.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid synthetic collection size");
    }

    @Test
    void declaredOutcomeMatchesServiceReading() {
        IndicatorReader reader = new IndicatorReader(new PatternExtractor());
        SyntheticObjects objects = new SyntheticObjects(42, 20_000);
        Map<Kind, SkipReason> skipReasons = Map.of(
                Kind.REVOKED, SkipReason.REVOKED,
                Kind.OTHER_PATTERN_TYPE, SkipReason.PATTERN_TYPE_NOT_STIX,
                Kind.NOT_FOR_DETECTION, SkipReason.NOT_FOR_DETECTION,
                Kind.EXPIRED, SkipReason.EXPIRED,
                Kind.NON_PUBLIC_ADDRESS, SkipReason.NON_PUBLIC_ADDRESS);

        for (long i = 0; i < objects.count(); i++) {
            SyntheticObject object = objects.object(i);
            IndicatorReading reading = reader.read(object.toJson(), NOW);
            String context = "object " + i + " " + object.toJson();
            switch (object.kind()) {
                case OTHER_TYPE -> assertThat(reading).as(context).isInstanceOf(IndicatorReading.NotIndicator.class);
                case INDICATOR -> {
                    assertThat(reading).as(context).isInstanceOf(IndicatorReading.Accepted.class);
                    IndicatorReading.Accepted accepted = (IndicatorReading.Accepted) reading;
                    List<DefenderValue> read = accepted.observables().stream()
                            .map(observable -> new DefenderValue(observable.type().name(), observable.value()))
                            .toList();
                    assertThat(read).as(context).isEqualTo(object.defenderIndicators());
                    assertThat(accepted.indicator().modified()).as(context).isEqualTo(object.modified());
                    assertThat(accepted.indicator().id()).as(context).isEqualTo(object.id());
                }
                default -> {
                    assertThat(reading).as(context).isInstanceOf(IndicatorReading.Skipped.class);
                    assertThat(((IndicatorReading.Skipped) reading).reason()).as(context)
                            .isEqualTo(skipReasons.get(object.kind()));
                    assertThat(object.defenderIndicators()).as(context).isEmpty();
                }
            }
        }
    }

    @Test
    void valuesAndIdsAreUnique() {
        SyntheticObjects objects = new SyntheticObjects(3, 100_000);
        Set<String> ids = new HashSet<>();
        Set<String> values = new HashSet<>();
        long valueCount = 0;

        for (long i = 0; i < objects.count(); i++) {
            SyntheticObject object = objects.object(i);
            ids.add(object.id());
            for (DefenderValue value : object.defenderIndicators()) {
                values.add(value.value());
                valueCount++;
            }
        }

        assertThat(ids).hasSize(100_000);
        assertThat(values).hasSize((int) valueCount);
    }

    @Test
    void mixHasEveryKindWeightAndTie() {
        SyntheticObjects objects = new SyntheticObjects(5, 100_000);
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        Map<Integer, Integer> weights = new HashMap<>();
        Map<Instant, Integer> modifiedTimes = new HashMap<>();

        for (long i = 0; i < objects.count(); i++) {
            SyntheticObject object = objects.object(i);
            kinds.merge(object.kind(), 1, Integer::sum);
            if (object.kind() == Kind.INDICATOR) {
                weights.merge(object.weight(), 1, Integer::sum);
                modifiedTimes.merge(object.modified(), 1, Integer::sum);
            }
        }

        assertThat(kinds.keySet()).containsExactlyInAnyOrder(Kind.values());
        assertThat(kinds.get(Kind.INDICATOR)).isBetween(84_000, 87_000);
        assertThat(kinds.get(Kind.OTHER_TYPE)).isBetween(5_000, 7_000);
        assertThat(weights.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(weights.get(1)).isGreaterThan(weights.get(2));
        assertThat(weights.get(2)).isGreaterThan(weights.get(3));
        assertThat(modifiedTimes.values().stream().filter(count -> count > 1).count()).isGreaterThan(1_000);
    }
}
