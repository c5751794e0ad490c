package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.deadletter.ReplayReport;
import io.intelsync.sandbox.defender.DefenderEndpoint;
import io.intelsync.sandbox.http.RecordedRequest;

/**
 * Replays the dead-letter files through the real {@code dead-letter-replay} route against the Defender
 * emulator: a feed of three domains whose second one Defender refuses in the first cycle.
 */
class DeadLetterReplayEndToEndTest {

    private static final String REFUSED = "d1.feed.example.com";

    @TempDir
    Path dataDirectory;

    private LogCapture logs;
    private SandboxHarness harness;
    private String collection;

    @BeforeEach
    void firstCycleRejectsOneItem() throws Exception {
        logs = new LogCapture();
        harness = new SandboxHarness(dataDirectory);
        collection = harness.createIndicatorCollection("feed", 3, "feed.example.com");
        harness.emulators.defender().rejectBatchesContaining(REFUSED);
        harness.with("taxii.collections", collection).with("defender.max-delete-share", "100").start();
        CycleReport first = harness.runCycle();
        assertThat(first.failed()).isEqualTo(1);
        assertThat(harness.deadLetters()).singleElement()
                .satisfies(line -> assertThat(line.path("indicator").path("indicatorValue").asText()).isEqualTo(REFUSED));
        harness.emulators.defender().clearRequests();
    }

    @AfterEach
    void stop() {
        harness.close();
        logs.close();
    }

    private List<String> defenderCalls() {
        return harness.emulators.defender().requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @Test
    void wantedItemIsResent() throws Exception {
        harness.emulators.defender().clearFaults();

        ReplayReport report = harness.replayDeadLetters();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.resubmitted()).isEqualTo(1);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.cleared()).isEqualTo(1);
        assertThat(harness.defenderIndicator(REFUSED)).isPresent();
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(defenderCalls()).containsExactly("GET /api/indicators", "POST /api/indicators/import");
        List<RecordedRequest> imports = harness.emulators.defender().requests().stream()
                .filter(r -> r.path().endsWith("/import")).toList();
        JsonNode sent = SandboxHarness.JSON.readTree(imports.get(0).body()).path("Indicators");
        assertThat(sent).singleElement().satisfies(item ->
                assertThat(item.path("indicatorValue").asText()).isEqualTo(REFUSED));
        assertThat(logs.linesContaining("Dead-letter replay finished")).singleElement()
                .satisfies(line -> assertThat(line).contains("resubmitted=1").contains("cleared=1")
                        .contains("status=complete"));
        try (Stream<Path> files = Files.list(dataDirectory)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".replaying"));
        }
    }

    @Test
    void rejectedAgainGetsNewLine() throws Exception {
        String firstCycle = harness.deadLetters().get(0).path("cycle").asText();

        ReplayReport report = harness.replayDeadLetters();

        assertThat(report.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(harness.deadLetters()).singleElement().satisfies(line -> {
            assertThat(line.path("indicator").path("indicatorValue").asText()).isEqualTo(REFUSED);
            assertThat(line.path("cycle").asText()).isEqualTo(report.replayId()).isNotEqualTo(firstCycle);
            assertThat(line.path("reason").asText()).contains("HTTP 400");
        });
    }

    @Test
    void unwantedItemIsKept() throws Exception {
        harness.emulators.taxii().removeObject(collection, String.format("indicator--%08x-0000-4000-8000-%012x",
                Math.abs(collection.hashCode()), 1));
        harness.requestFullRead();
        harness.runCycle();
        harness.emulators.defender().clearFaults();
        harness.emulators.defender().clearRequests();

        ReplayReport report = harness.replayDeadLetters();

        assertThat(report.notWanted()).isEqualTo(1);
        assertThat(report.resubmitted()).isZero();
        assertThat(report.cleared()).isZero();
        assertThat(harness.defenderIndicator(REFUSED)).isEmpty();
        assertThat(defenderCalls()).containsExactly("GET /api/indicators");
        assertThat(harness.deadLetters()).singleElement().satisfies(line ->
                assertThat(line.path("indicator").path("indicatorValue").asText()).isEqualTo(REFUSED));
    }

    @Test
    void deliveredItemIsClearedWithoutCall() throws Exception {
        harness.emulators.defender().clearFaults();
        CycleReport retried = harness.runCycle();
        assertThat(retried.created()).as("the next cycle imports what is missing").isEqualTo(1);
        harness.emulators.defender().clearRequests();

        ReplayReport report = harness.replayDeadLetters();

        assertThat(report.alreadyDelivered()).isEqualTo(1);
        assertThat(report.resubmitted()).isZero();
        assertThat(report.cleared()).isEqualTo(1);
        assertThat(defenderCalls()).containsExactly("GET /api/indicators");
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void dryRunSendsNothing() throws Exception {
        harness.emulators.defender().clearFaults();
        harness.with("defender.passive-only", "true").restart();
        harness.emulators.defender().clearRequests();

        ReplayReport report = harness.replayDeadLetters();

        assertThat(report.dryRun()).isTrue();
        assertThat(report.resubmitted()).isEqualTo(1);
        assertThat(report.cleared()).isZero();
        assertThat(harness.emulators.defender().requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(harness.deadLetters()).hasSize(1);
        assertThat(logs.linesContaining("Dry run replay=")).singleElement()
                .satisfies(line -> assertThat(line).contains(REFUSED));
    }

    @Test
    void otherLinesMakeNoCall() throws Exception {
        harness.emulators.defender().failNext(DefenderEndpoint.LIST, 403, 1, null);
        CycleReport failed = harness.runCycle();
        assertThat(failed.status()).isEqualTo(CycleStatus.FAILED);
        harness.emulators.defender().clearFaults();
        harness.replayDeadLetters();
        assertThat(harness.deadLetters()).singleElement()
                .satisfies(line -> assertThat(line.path("stage").asText()).isEqualTo("defender-list"));
        harness.emulators.defender().clearRequests();

        ReplayReport report = harness.replayDeadLetters();

        assertThat(report.other()).isEqualTo(1);
        assertThat(report.lines()).isEqualTo(1);
        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(harness.emulators.defender().requests()).isEmpty();
        assertThat(harness.deadLetters()).hasSize(1);
    }
}
