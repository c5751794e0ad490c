package io.intelsync.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.intelsync.defender.IndicatorType;
import io.intelsync.mapping.Observable;
import io.intelsync.stix.IndicatorReading;
import io.intelsync.stix.OpenCtiAttributes;
import io.intelsync.stix.StixIndicator;

class NewestIndicatorSelectionTest {

    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

    private record Offer(String id, long minutes, int weight, String collection, int rank) {
    }

    private static IndicatorReading.Accepted accepted(String id, long minutes, int weight) {
        StixIndicator indicator = new StixIndicator(id, BASE.plusSeconds(minutes * 60), null, null, null, null,
                OpenCtiAttributes.NONE);
        List<Observable> observables = IntStream.range(0, weight)
                .mapToObj(i -> new Observable(IndicatorType.DomainName, id + "-" + i + ".example.com")).toList();
        return new IndicatorReading.Accepted(indicator, observables, List.of(), null);
    }

    private static List<String> keptIds(NewestIndicatorSelection selection) {
        return selection.kept().stream().map(SelectionCandidate::stixId).toList();
    }

    private static NewestIndicatorSelection run(int budget, List<Offer> offers) {
        NewestIndicatorSelection selection = new NewestIndicatorSelection(budget);
        for (Offer offer : offers) {
            selection.offer(accepted(offer.id(), offer.minutes(), offer.weight()), offer.collection(), offer.rank());
        }
        return selection;
    }

    @Test
    void keepsNewestWithinBudget() {
        NewestIndicatorSelection selection = run(3, List.of(
                new Offer("indicator--a", 1, 1, "c", 0),
                new Offer("indicator--b", 5, 1, "c", 0),
                new Offer("indicator--c", 3, 1, "c", 0),
                new Offer("indicator--d", 4, 1, "c", 0),
                new Offer("indicator--e", 2, 1, "c", 0)));
        assertThat(keptIds(selection)).containsExactly("indicator--b", "indicator--d", "indicator--c");
        assertThat(selection.keptWeight()).isEqualTo(3);
    }

    @Test
    void weightCountsDefenderIndicators() {
        NewestIndicatorSelection selection = run(4, List.of(
                new Offer("indicator--old", 1, 1, "c", 0),
                new Offer("indicator--heavy", 9, 3, "c", 0),
                new Offer("indicator--mid", 5, 1, "c", 0)));
        assertThat(keptIds(selection)).containsExactly("indicator--heavy", "indicator--mid");
        assertThat(selection.keptWeight()).isEqualTo(4);
    }

    @Test
    void candidateThatDoesNotFitEndsTheRun() {
        // heavy (3) fits, middle (2) does not fit in 4, so the older light one is not used to fill the room.
        List<Offer> offers = List.of(
                new Offer("indicator--heavy", 9, 3, "c", 0),
                new Offer("indicator--middle", 8, 2, "c", 0),
                new Offer("indicator--light", 1, 1, "c", 0));
        assertThat(keptIds(run(4, offers))).containsExactly("indicator--heavy");
        assertThat(keptIds(run(4, List.of(offers.get(2), offers.get(1), offers.get(0)))))
                .containsExactly("indicator--heavy");
        assertThat(keptIds(run(4, List.of(offers.get(0), offers.get(2), offers.get(1)))))
                .containsExactly("indicator--heavy");
    }

    @Test
    void tooLargeCandidateIsLeftOutWithoutBlockingOlderOnes() {
        NewestIndicatorSelection selection = new NewestIndicatorSelection(2);
        selection.offer(accepted("indicator--old", 1, 1), "c", 0);
        assertThat(selection.offer(accepted("indicator--huge", 9, 3), "c", 0))
                .isEqualTo(NewestIndicatorSelection.Outcome.TOO_LARGE);
        assertThat(selection.offer(accepted("indicator--older", 0, 1), "c", 0))
                .isEqualTo(NewestIndicatorSelection.Outcome.KEPT);

        assertThat(keptIds(selection)).containsExactly("indicator--old", "indicator--older");
        assertThat(selection.tooLargeCount()).isEqualTo(1);
        assertThat(selection.outOfBudgetCount()).isZero();
    }

    @Test
    void tooLargeForItsCollectionIsLeftOut() {
        NewestIndicatorSelection selection = new NewestIndicatorSelection(10, Map.of("small", 2),
                SelectionCandidate.PRIORITY);
        assertThat(selection.offer(accepted("indicator--wide", 9, 3), "small", 0))
                .isEqualTo(NewestIndicatorSelection.Outcome.TOO_LARGE);
        assertThat(selection.offer(accepted("indicator--narrow", 1, 1), "small", 0))
                .isEqualTo(NewestIndicatorSelection.Outcome.KEPT);
    }

    @Test
    void outOfBudgetCandidatesAreCounted() {
        NewestIndicatorSelection selection = run(2, List.of(
                new Offer("indicator--a", 5, 1, "c", 0),
                new Offer("indicator--b", 4, 1, "c", 0),
                new Offer("indicator--c", 3, 1, "c", 0),
                new Offer("indicator--d", 6, 1, "c", 0)));
        assertThat(keptIds(selection)).containsExactly("indicator--d", "indicator--a");
        assertThat(selection.outOfBudgetCount()).isEqualTo(2);
    }

    @Test
    void tieOnModifiedGoesToEarlierCollection() {
        NewestIndicatorSelection selection = run(1, List.of(
                new Offer("indicator--second", 5, 1, "c2", 1),
                new Offer("indicator--first", 5, 1, "c1", 0)));
        assertThat(keptIds(selection)).containsExactly("indicator--first");
    }

    @Test
    void sameIdKeepsNewestVersion() {
        NewestIndicatorSelection selection = run(10, List.of(
                new Offer("indicator--x", 1, 1, "c", 0),
                new Offer("indicator--x", 7, 2, "c", 0),
                new Offer("indicator--x", 3, 1, "c", 0)));
        assertThat(selection.kept()).singleElement()
                .satisfies(c -> assertThat(c.indicator().modified()).isEqualTo(BASE.plusSeconds(7 * 60)));
        assertThat(selection.keptWeight()).isEqualTo(2);
    }

    @Test
    void sameIdInTwoCollectionsCountsOnceForEarlierCollection() {
        NewestIndicatorSelection selection = run(10, List.of(
                new Offer("indicator--x", 4, 1, "second", 1),
                new Offer("indicator--x", 4, 1, "first", 0)));
        assertThat(selection.kept()).singleElement()
                .satisfies(c -> assertThat(c.collectionId()).isEqualTo("first"));
    }

    @Test
    void withdrawalRemovesOlderVersion() {
        NewestIndicatorSelection selection = run(10, List.of(new Offer("indicator--x", 1, 1, "c", 0)));
        selection.withdraw("indicator--x", BASE.plusSeconds(120));
        assertThat(selection.keptCount()).isZero();
        assertThat(selection.keptWeight()).isZero();
    }

    @Test
    void withdrawalRefusesOlderVersionOfferedLater() {
        NewestIndicatorSelection selection = new NewestIndicatorSelection(10);
        selection.withdraw("indicator--x", BASE.plusSeconds(120));
        assertThat(selection.offer(accepted("indicator--x", 1, 1), "c", 0))
                .isEqualTo(NewestIndicatorSelection.Outcome.SUPERSEDED);
        assertThat(selection.offer(accepted("indicator--x", 5, 1), "c", 0))
                .isEqualTo(NewestIndicatorSelection.Outcome.KEPT);
    }

    @Test
    void staleWithdrawalKeepsNewerVersion() {
        NewestIndicatorSelection selection = run(10, List.of(new Offer("indicator--x", 9, 1, "c", 0)));
        selection.withdraw("indicator--x", BASE.plusSeconds(60));
        assertThat(selection.keptCount()).isEqualTo(1);
    }

    @Test
    void collectionBudgetBoundsItsContribution() {
        NewestIndicatorSelection selection = new NewestIndicatorSelection(10, Map.of("small", 2),
                SelectionCandidate.PRIORITY);
        selection.offer(accepted("indicator--s1", 9, 1), "small", 0);
        selection.offer(accepted("indicator--s2", 8, 1), "small", 0);
        selection.offer(accepted("indicator--s3", 7, 1), "small", 0);
        selection.offer(accepted("indicator--b1", 1, 1), "big", 1);
        selection.offer(accepted("indicator--s0", 10, 1), "small", 0);

        assertThat(keptIds(selection)).containsExactly("indicator--s0", "indicator--s1", "indicator--b1");
        assertThat(selection.keptWeight()).isEqualTo(3);
    }

    @Test
    void collectionFirstOrderFillsBudgetByCollection() {
        NewestIndicatorSelection selection = new NewestIndicatorSelection(2, Map.of(), SelectionCandidate.COLLECTION_FIRST);
        selection.offer(accepted("indicator--second-new", 9, 1), "second", 1);
        selection.offer(accepted("indicator--first-old", 1, 1), "first", 0);
        selection.offer(accepted("indicator--first-older", 0, 1), "first", 0);

        assertThat(keptIds(selection)).containsExactly("indicator--first-old", "indicator--first-older");
    }

    @Test
    void keptCandidateFromEarlierCycleCompetesAgain() {
        NewestIndicatorSelection earlier = run(1, List.of(new Offer("indicator--kept", 5, 1, "c", 0)));
        NewestIndicatorSelection next = new NewestIndicatorSelection(1);
        next.offerKept(earlier.kept().get(0));
        next.offer(accepted("indicator--newer", 6, 1), "c", 0);

        assertThat(keptIds(next)).containsExactly("indicator--newer");
    }

    @Test
    void resultDoesNotDependOnArrivalOrder() {
        Random random = new Random(20261204L);
        List<Integer> times = new ArrayList<>(IntStream.range(0, 400).boxed().toList());
        Collections.shuffle(times, random);
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Distinct times, so that no tie falls back to the arrival order.
            offers.add(new Offer("indicator--" + random.nextInt(300), times.get(i), 1 + random.nextInt(4),
                    "c" + (i % 3), i % 3));
        }
        List<String> expected = keptIds(run(150, offers));
        assertThat(expected).isNotEmpty();
        for (int round = 0; round < 50; round++) {
            List<Offer> shuffled = new ArrayList<>(offers);
            Collections.shuffle(shuffled, random);
            assertThat(keptIds(run(150, shuffled))).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void resultMatchesSortingEverything() {
        Random random = new Random(7L);
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            offers.add(new Offer("indicator--" + i, random.nextInt(100_000), 1, "c", 0));
        }
        List<String> expected = offers.stream()
                .sorted((a, b) -> Long.compare(b.minutes(), a.minutes()) != 0 ? Long.compare(b.minutes(), a.minutes())
                        : a.id().compareTo(b.id()))
                .limit(100).map(Offer::id).toList();
        assertThat(keptIds(run(100, offers))).isEqualTo(expected);
    }
}
