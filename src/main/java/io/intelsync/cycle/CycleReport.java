package io.intelsync.cycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intelsync.mapping.SkipReason;

/**
 * The outcome of one cycle, as logged in its {@code Sync finished} line.
 *
 * @param cycleId the cycle id
 * @param status how the cycle ended
 * @param dryRun whether writes were only planned
 * @param fullRead whether every collection was read from the start, rather than from its cursor
 * @param collections configured collections
 * @param objects STIX objects received
 * @param indicators STIX indicator objects among them
 * @param kept STIX indicators selected for Defender
 * @param overBudget STIX indicators left out because their Defender indicators did not fit the budget
 * @param created Defender indicators created
 * @param updated owned Defender indicators updated because their fields changed
 * @param deleted Defender indicators deleted
 * @param unchanged desired Defender indicators that Defender already held
 * @param failed Defender indicators that could not be delivered and went to the dead letter
 * @param skipped STIX indicators that yield no Defender indicator
 * @param plannedCreates Defender indicators the plan creates
 * @param plannedUpdates Defender indicators the plan updates
 * @param plannedDeletes Defender indicators the plan deletes
 * @param withheldDeletes owned indicators no longer desired whose deletion was held back
 * @param skipReasons skipped STIX indicators per reason
 * @param incompleteCollections collections whose read stopped early, with the reason
 * @param deliveryFailures calls to Defender that failed after their retries
 * @param fatalError why the cycle failed, or null
 * @param duration the cycle's duration
 */
public record CycleReport(String cycleId, CycleStatus status, boolean dryRun, boolean fullRead, int collections,
        long objects,
        long indicators, long kept, long overBudget, long created, long updated, long deleted, long unchanged,
        long failed, long skipped, long plannedCreates, long plannedUpdates, long plannedDeletes, long withheldDeletes, Map<SkipReason, Long> skipReasons,
        Map<String, String> incompleteCollections, List<String> deliveryFailures, String fatalError,
        Duration duration) {

    /** Returns the {@code Sync finished} line: {@code key=value} counts followed by the status. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("Sync finished cycle=").append(cycleId)
                .append(" read=").append(fullRead ? "full" : "incremental")
                .append(" collections=").append(collections)
                .append(" objects=").append(objects)
                .append(" indicators=").append(indicators)
                .append(" kept=").append(kept)
                .append(" over_budget=").append(overBudget)
                .append(" created=").append(created);
        if (!dryRun) {
            line.append(" updated=").append(updated);
        }
        line.append(" deleted=").append(deleted)
                .append(" unchanged=").append(unchanged)
                .append(" failed=").append(failed)
                .append(" skipped=").append(skipped);
        if (dryRun) {
            line.append(" dry_run=true planned_create=").append(plannedCreates)
                    .append(" planned_update=").append(plannedUpdates)
                    .append(" planned_delete=").append(plannedDeletes);
        }
        if (withheldDeletes > 0) {
            line.append(" withheld_deletes=").append(withheldDeletes);
        }
        line.append(" duration_ms=").append(duration.toMillis())
                .append(" status=").append(status.label());
        if (!incompleteCollections.isEmpty()) {
            line.append(" incomplete=").append(incompleteCollections.keySet().stream().collect(Collectors.joining(",")));
        }
        return line.toString();
    }

    /** Returns the skip counts as {@code reason=count} pairs, or an empty string when nothing was skipped. */
    public String skipReasonsLine() {
        return skipReasons.entrySet().stream()
                .map(entry -> entry.getKey().label() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
