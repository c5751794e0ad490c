package io.intelsync.defender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.intelsync.mapping.DesiredIndicator;

class ReconciliationPlannerTest {

    private static final String CLIENT = "client-1";
    private static final String APP = "Defender Intel Synchronizer";

    private final ReconciliationPlanner planner = new ReconciliationPlanner(CLIENT, APP, 2);

    private static DesiredIndicator desired(IndicatorType type, String value) {
        return new DesiredIndicator(new DefenderIndicator(value, type, IndicatorAction.Audit, IndicatorSeverity.Low, "t",
                "d", "2030-01-01T00:00:00Z", true, APP, "indicator--1", null, null, null), "indicator--1", "c1");
    }

    private static ExistingIndicator existing(String id, String type, String value, String createdBy, String app) {
        return new ExistingIndicator(id, type, value, createdBy, app, null, "Audit", List.of());
    }

    @Test
    void importsMissingAndKeepsPresent() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.DomainName, "a.example"),
                desired(IndicatorType.DomainName, "b.example")),
                List.of(existing("1", "DomainName", "A.example", CLIENT, APP)), true);
        assertThat(plan.creates()).isEqualTo(1);
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.importBatches()).singleElement().satisfies(batch ->
                assertThat(batch).extracting(w -> w.indicator().indicatorValue()).containsExactly("b.example"));
        assertThat(plan.deletes()).isZero();
    }

    @Test
    void deletesOnlyOwnedStaleIndicators() {
        SyncPlan plan = planner.plan(List.of(), List.of(
                existing("1", "DomainName", "mine.example", CLIENT, APP),
                existing("2", "DomainName", "other-client.example", "someone-else", APP),
                existing("3", "DomainName", "other-app.example", CLIENT, "Another Deployment"),
                existing("4", "DomainName", "manual.example", "analyst@example.com", null)), true);
        assertThat(plan.deleteBatches()).singleElement().satisfies(batch ->
                assertThat(batch).extracting(ExistingIndicator::id).containsExactly("1"));
    }

    @Test
    void ownershipComparesClientIdWithoutCase() {
        SyncPlan plan = planner.plan(List.of(), List.of(existing("1", "Url", "http://x.example/", "CLIENT-1", APP)), true);
        assertThat(plan.deletes()).isEqualTo(1);
    }

    @Test
    void incompleteReadWithholdsDeletes() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.Url, "http://new.example/")),
                List.of(existing("1", "DomainName", "mine.example", CLIENT, APP)), false);
        assertThat(plan.deleteBatches()).isEmpty();
        assertThat(plan.deletes()).isZero();
        assertThat(plan.withheldDeletes()).isEqualTo(1);
        assertThat(plan.creates()).isEqualTo(1);
    }

    @Test
    void batchesHoldAtMostBatchSize() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.DomainName, "a.example"),
                desired(IndicatorType.DomainName, "b.example"), desired(IndicatorType.DomainName, "c.example")), List.of(),
                true);
        assertThat(plan.importBatches()).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void hashKeysIgnoreCase() {
        SyncPlan plan = planner.plan(List.of(desired(IndicatorType.FileSha1, "a".repeat(40))),
                List.of(existing("1", "FileSha1", "A".repeat(40), CLIENT, APP)), true);
        assertThat(plan.creates()).isZero();
        assertThat(plan.deletes()).isZero();
    }
}
