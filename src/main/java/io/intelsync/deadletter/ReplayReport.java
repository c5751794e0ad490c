package io.intelsync.deadletter;

import java.time.Duration;

import io.intelsync.cycle.CycleStatus;

/**
 * The outcome and counts of one dead-letter replay.
 *
 * @param replayId the replay's id, written into the dead-letter lines of items refused again
 * @param status {@code complete} when every item sent was accepted, {@code partial} when some were refused
 *        again, {@code failed} when the replay could not run; the reason is then in {@code problem}
 * @param dryRun whether the replay only planned
 * @param lines the dead-letter lines found
 * @param wanted the failed imports whose indicator the last saved selection still wants
 * @param resubmitted the indicators sent again (one per wanted indicator, however many lines name it)
 * @param created indicators that Defender accepted as new
 * @param updated indicators that Defender accepted as changes of owned ones
 * @param failed indicators refused again, which have new dead-letter lines
 * @param alreadyDelivered wanted indicators that Defender already contains as wanted, so their lines are cleared
 *        without a call
 * @param notWanted failed imports that the saved selection no longer wants; their lines stay
 * @param other lines of other kinds (failed reads, listings or deletions), which stay
 * @param cleared lines removed from the dead-letter files
 * @param problem why the replay could not run, or null
 * @param duration how long the replay took
 */
public record ReplayReport(String replayId, CycleStatus status, boolean dryRun, int lines, int wanted, int resubmitted,
        long created, long updated, long failed, int alreadyDelivered, int notWanted, int other, int cleared,
        String problem, Duration duration) {

    /** Returns the {@code Dead-letter replay finished} log line. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("Dead-letter replay finished replay=").append(replayId)
                .append(" lines=").append(lines)
                .append(" wanted=").append(wanted)
                .append(" resubmitted=").append(resubmitted)
                .append(" created=").append(created)
                .append(" updated=").append(updated)
                .append(" failed=").append(failed)
                .append(" already_delivered=").append(alreadyDelivered)
                .append(" not_wanted=").append(notWanted)
                .append(" other=").append(other)
                .append(" cleared=").append(cleared);
        if (dryRun) {
            line.append(" dry_run=true");
        }
        line.append(" duration_ms=").append(duration.toMillis())
                .append(" status=").append(status.label());
        return line.toString();
    }
}
