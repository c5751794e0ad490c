package io.intelsync.defender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.intelsync.mapping.DesiredIndicator;

class ReconciliationPlannerTest {

    private static final String CLIENT = "client-1";
    private static final String APP = "Defender Intel Synchronizer";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String DESIRED_EXPIRY = "2026-07-01T00:00:00Z";

    private final ReconciliationPlanner planner = new ReconciliationPlanner(CLIENT, APP, 2, Duration.ofDays(15), 50,
            15_000);

    private static DesiredIndicator desired(IndicatorType type, String value) {
        return desired(type, value, IndicatorAction.Audit, DESIRED_EXPIRY);
    }

    private static DesiredIndicator desired(IndicatorType type, String value, IndicatorAction action, String expiry) {
        return new DesiredIndicator(new DefenderIndicator(value, type, action, IndicatorSeverity.Low, "t", "d", expiry,
                true, APP, "indicator--1", null, null, null, null), "indicator--1", "c1");
    }

    private static ExistingIndicator existing(String id, String type, String value, String createdBy, String app) {
        return new ExistingIndicator(id, type, value, createdBy, app, null, "Audit", List.of(),
                new ExistingIndicator.Fields("Low", "t", "d", Instant.parse(DESIRED_EXPIRY), null, null, true));
    }

    private SyncPlan plan(List<DesiredIndicator> desired, List<ExistingIndicator> existing) {
        return planner.plan(desired, existing, true, false, NOW);
    }

    @Test
    void createsMissingAndKeepsPresent() {
        SyncPlan plan = plan(List.of(desired(IndicatorType.DomainName, "a.example"),
                desired(IndicatorType.DomainName, "b.example")),
                List.of(existing("1", "DomainName", "A.example", CLIENT, APP)));
        assertThat(plan.creates()).extracting(c -> c.indicator().indicatorValue()).containsExactly("b.example");
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.importBatches()).singleElement().satisfies(batch ->
                assertThat(batch).extracting(w -> w.indicator().indicatorValue()).containsExactly("b.example"));
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void changedFieldsOfOwnedIndicatorAreUpdated() {
        SyncPlan plan = plan(List.of(desired(IndicatorType.DomainName, "a.example", IndicatorAction.Block, DESIRED_EXPIRY)),
                List.of(existing("1", "DomainName", "a.example", CLIENT, APP)));
        assertThat(plan.creates()).isEmpty();
        assertThat(plan.updates()).singleElement().satisfies(update -> {
            assertThat(update.existing().id()).isEqualTo("1");
            assertThat(update.changedFields()).containsExactly("action");
        });
        assertThat(plan.importBatches()).hasSize(1);
    }

    @Test
    void indicatorOfOthersIsNeverUpdated() {
        SyncPlan plan = plan(List.of(desired(IndicatorType.DomainName, "a.example", IndicatorAction.Block, DESIRED_EXPIRY)),
                List.of(existing("1", "DomainName", "a.example", "someone-else", APP)));
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void movingExpiryIsRefreshedOnlyWhenHalfTheLifetimeIsLeft() {
        DesiredIndicator tomorrowPlus30 = desired(IndicatorType.DomainName, "a.example", IndicatorAction.Audit,
                "2026-07-02T00:00:00Z");
        assertThat(plan(List.of(tomorrowPlus30), List.of(existing("1", "DomainName", "a.example", CLIENT, APP)))
                .updates()).as("29 days left").isEmpty();
        ExistingIndicator soon = new ExistingIndicator("1", "DomainName", "a.example", CLIENT, APP, null, "Audit", List.of(),
                new ExistingIndicator.Fields("Low", "t", "d", Instant.parse("2026-06-10T00:00:00Z"), null, null, true));
        assertThat(plan(List.of(tomorrowPlus30), List.of(soon)).updates()).singleElement()
                .satisfies(update -> assertThat(update.changedFields()).containsExactly("expirationTime"));
    }

    @Test
    void earlierExpiryIsUpdatedAtOnce() {
        DesiredIndicator shortened = desired(IndicatorType.DomainName, "a.example", IndicatorAction.Audit,
                "2026-06-05T00:00:00Z");
        assertThat(plan(List.of(shortened), List.of(existing("1", "DomainName", "a.example", CLIENT, APP))).updates())
                .singleElement().satisfies(update -> assertThat(update.changedFields()).containsExactly("expirationTime"));
    }

    @Test
    void deletesOnlyOwnedStaleIndicators() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.DomainName, "keep.example")), List.of(
                existing("0", "DomainName", "keep.example", CLIENT, APP),
                existing("1", "DomainName", "mine.example", CLIENT, APP),
                existing("2", "DomainName", "other-client.example", "someone-else", APP),
                existing("3", "DomainName", "other-app.example", CLIENT, "Another Deployment"),
                existing("4", "DomainName", "manual.example", "analyst@example.com", null)), true, false, NOW);
        assertThat(plan.deletes()).extracting(ExistingIndicator::id).containsExactly("1");
    }

    @Test
    void ownershipComparesClientIdWithoutCase() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.Url, "http://y.example/")),
                List.of(existing("1", "Url", "http://x.example/", "CLIENT-1", APP),
                        existing("2", "Url", "http://y.example/", CLIENT, APP)), true, false, NOW);
        assertThat(plan.deletes()).extracting(ExistingIndicator::id).containsExactly("1");
    }

    @Test
    void incompleteReadWithholdsDeletes() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.Url, "http://new.example/")),
                List.of(existing("1", "DomainName", "mine.example", CLIENT, APP)), false, false, NOW);
        assertThat(plan.deleteBatches()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
        assertThat(plan.withheldDeletes()).hasSize(1);
        assertThat(plan.withheldReason()).contains("not every collection");
        assertThat(plan.creates()).hasSize(1);
    }

    @Test
    void massDeletionIsHeldBackUntilConfirmed() {
        List<ExistingIndicator> owned = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            owned.add(existing(String.valueOf(i), "DomainName", "d" + i + ".example", CLIENT, APP));
        }
        List<DesiredIndicator> twoLeft = List.of(desired(IndicatorType.DomainName, "d0.example"),
                desired(IndicatorType.DomainName, "d1.example"));

        SyncPlan held = planner.plan(twoLeft, owned, true, false, NOW);
        assertThat(held.deletes()).isEmpty();
        assertThat(held.withheldDeletes()).hasSize(8);
        assertThat(held.withheldReason()).contains("8 of the 10").contains("50%").contains("confirmDeletes");

        SyncPlan confirmed = planner.plan(twoLeft, owned, true, true, NOW);
        assertThat(confirmed.deletes()).hasSize(8);
        assertThat(confirmed.withheldDeletes()).isEmpty();

        SyncPlan half = planner.plan(owned.subList(0, 5).stream()
                .map(e -> desired(IndicatorType.DomainName, e.value())).toList(), owned, true, false, NOW);
        assertThat(half.deletes()).as("exactly 50% is allowed").hasSize(5);
    }

    @Test
    void deletionsGoFirstNearTheTenantLimit() {
        ReconciliationPlanner small = new ReconciliationPlanner(CLIENT, APP, 500, Duration.ofDays(15), 100, 3);
        SyncPlan plan = small.plan(List.of(desired(IndicatorType.DomainName, "new1.example"),
                desired(IndicatorType.DomainName, "new2.example")),
                List.of(existing("1", "DomainName", "old1.example", CLIENT, APP),
                        existing("2", "DomainName", "old2.example", CLIENT, APP)), true, false, NOW);
        assertThat(plan.deleteFirst()).isTrue();
        assertThat(plan(List.of(desired(IndicatorType.DomainName, "new.example")), List.of()).deleteFirst()).isFalse();
    }

    @Test
    void batchesHoldAtMostBatchSize() {
        SyncPlan plan = plan(List.of(desired(IndicatorType.DomainName, "a.example"),
                desired(IndicatorType.DomainName, "b.example"), desired(IndicatorType.DomainName, "c.example")), List.of());
        assertThat(plan.importBatches()).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void hashKeysIgnoreCase() {
        SyncPlan plan = plan(List.of(desired(IndicatorType.FileSha1, "a".repeat(40))),
                List.of(existing("1", "FileSha1", "A".repeat(40), CLIENT, APP)));
        assertThat(plan.creates()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }
}
