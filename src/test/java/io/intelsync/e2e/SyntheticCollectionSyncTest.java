package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.intelsync.bench.ExpectedSelection;
import io.intelsync.bench.KeptSetCheck;
import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.sandbox.taxii.SyntheticObjects;

/**
 * Runs one cycle of the real service against a synthetic collection of 50,000 objects, and checks that
 * Defender ends up with exactly the newest indicators that fit the budget, as computed independently
 * from the generator. The benchmark in {@code io.intelsync.bench} does the same with a million objects.
 */
class SyntheticCollectionSyncTest {

    private static final String COLLECTION = "synthetic-50000";
    private static final int OBJECTS = 50_000;
    private static final long SEED = 20_240_601;
    private static final int BUDGET = 15_000;

    @TempDir
    Path dataDirectory;

    private SandboxHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void cycleKeepsNewestIndicatorsThatFit() throws Exception {
        ExpectedSelection expected = ExpectedSelection.compute(new SyntheticObjects(SEED, OBJECTS), BUDGET);
        harness = new SandboxHarness(dataDirectory);
        harness.emulators.taxii().addSyntheticCollection(COLLECTION, OBJECTS, SEED);
        harness.with("taxii.collections", COLLECTION)
                .with("defender.max-indicators", Integer.toString(BUDGET))
                .start();

        CycleReport report = harness.runCycle();

        KeptSetCheck check = KeptSetCheck.compare(expected.defenderIndicators(), harness.defenderIndicators());
        assertThat(check.passed()).as(check.summary(5)).isTrue();
        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.objects()).isEqualTo(expected.objects());
        assertThat(report.indicators()).isEqualTo(expected.indicators());
        assertThat(report.skipped()).isEqualTo(expected.skipped());
        assertThat(report.kept()).isEqualTo(expected.kept().size());
        assertThat(report.created()).isEqualTo(expected.keptWeight());
        assertThat(report.failed()).isZero();
        // The budget must cut the candidates, or the test would not check the selection.
        assertThat(expected.firstLeftOut()).isNotNull();
        assertThat(expected.keptWeight()).isGreaterThan(BUDGET - 3L);
        // This seed puts the cut inside a tie on modified, so the tie-break by STIX id is checked too.
        ExpectedSelection.KeptIndicator lastKept = expected.kept().get(expected.kept().size() - 1);
        assertThat(expected.firstLeftOut().modified()).isEqualTo(lastKept.modified());
        assertThat(expected.firstLeftOut().stixId()).isGreaterThan(lastKept.stixId());
    }
}
