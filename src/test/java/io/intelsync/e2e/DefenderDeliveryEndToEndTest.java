package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.cycle.SyncControl;
import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.MutableClock;
import io.intelsync.sandbox.defender.DefenderEndpoint;
import io.intelsync.sandbox.http.RecordedRequest;
import io.intelsync.sandbox.taxii.TaxiiPersonality;

/**
 * Delivers indicators to the Defender emulator, which enforces Defender's limits, ownership, errors and rate
 * limits, through the real routes.
 */
class DefenderDeliveryEndToEndTest {

    @TempDir
    Path dataDirectory;

    private LogCapture logs;
    private SandboxHarness harness;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        logs.close();
    }

    private String feed(int count) throws Exception {
        harness = new SandboxHarness(dataDirectory);
        return harness.createIndicatorCollection("feed", count, "feed.example.com");
    }

    private List<RecordedRequest> writes() {
        return harness.emulators.defender().requests().stream().filter(r -> r.method().equals("POST")
                || r.method().equals("DELETE")).toList();
    }

    private Map<String, Long> valueCounts() {
        return harness.defenderIndicators().stream().map(i -> i.path("indicatorValue").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void changedScoreUpdatesActionAndSeverityWithoutDelete() throws Exception {
        harness = new SandboxHarness(dataDirectory);
        String collection = harness.emulators.taxii().createCollection("scored");
        harness.addDomainIndicator(collection, 1, "scored.example.com", 10, 0);
        harness.with("taxii.collections", collection).start();
        harness.runCycle();
        ObjectNode before = harness.defenderIndicator("scored.example.com").orElseThrow();
        assertThat(before.path("action").asText()).isEqualTo("Audit");
        assertThat(before.path("severity").asText()).isEqualTo("Informational");
        harness.emulators.defender().clearRequests();

        harness.addDomainIndicator(collection, 1, "scored.example.com", 80, 1);
        CycleReport report = harness.runCycle();

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        assertThat(report.deleted()).isZero();
        ObjectNode after = harness.defenderIndicator("scored.example.com").orElseThrow();
        assertThat(after.path("action").asText()).isEqualTo("Block");
        assertThat(after.path("severity").asText()).isEqualTo("High");
        assertThat(after.path("id").asText()).isEqualTo(before.path("id").asText());
        assertThat(writes()).singleElement().satisfies(write -> assertThat(write.path()).endsWith("/import"));
        assertThat(logs.linesContaining("Sync finished").get(1)).contains("updated=1");
    }

    @Test
    void othersSurviveEveryCycleIncludingEmptyFeed() throws Exception {
        String collection = feed(3);
        ObjectNode foreign = SandboxHarness.JSON.createObjectNode().put("indicatorValue", "d0.feed.example.com")
                .put("indicatorType", "DomainName").put("action", "Allowed").put("title", "analyst")
                .put("description", "allowed by an analyst").put("application", "Defender Intel Synchronizer");
        harness.emulators.defender().putIndicator(foreign.deepCopy().put("indicatorValue", "manual.example.com"),
                "analyst@example.com");
        harness.emulators.defender().putIndicator(foreign.deepCopy().put("indicatorValue", "other-app.example.com")
                .put("application", "Another Deployment"), Emulators.CLIENT_ID);
        harness.emulators.defender().putIndicator(foreign.deepCopy().put("indicatorValue", "other-client.example.com"),
                "another-client");
        harness.with("taxii.collections", collection).with("defender.max-delete-share", "100").start();
        List<String> others = List.of("manual.example.com", "other-app.example.com", "other-client.example.com");

        harness.runCycle();
        others.forEach(value -> assertThat(harness.defenderIndicator(value)).as(value).isPresent());

        for (int i = 0; i < 3; i++) {
            harness.emulators.taxii().removeObject(collection, String.format("indicator--%08x-0000-4000-8000-%012x",
                    Math.abs(collection.hashCode()), i));
        }
        harness.requestFullRead();
        CycleReport empty = harness.runCycle();

        assertThat(empty.kept()).isZero();
        assertThat(empty.deleted()).isEqualTo(3);
        assertThat(harness.defenderIndicators()).extracting(i -> i.path("indicatorValue").asText())
                .containsExactlyInAnyOrderElementsOf(others);
        harness.runCycle();
        assertThat(harness.defenderIndicators()).hasSize(3);
    }

    @Test
    void massDeletionWaitsForConfirmation() throws Exception {
        String collection = feed(10);
        harness.with("taxii.collections", collection).start();
        harness.runCycle();
        for (int i = 2; i < 10; i++) {
            harness.emulators.taxii().removeObject(collection, String.format("indicator--%08x-0000-4000-8000-%012x",
                    Math.abs(collection.hashCode()), i));
        }
        harness.requestFullRead();

        CycleReport held = harness.runCycle();

        assertThat(held.deleted()).isZero();
        assertThat(held.withheldDeletes()).isEqualTo(8);
        assertThat(harness.defenderIndicators()).hasSize(10);
        assertThat(logs.linesContaining("Holding back 8 deletions")).singleElement().asString()
                .contains("8 of the 10").contains("confirmDeletes");
        assertThat(logs.linesContaining("Sync finished").get(1)).contains("withheld_deletes=8");

        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(SyncControl.OBJECT_NAME), "confirmDeletes",
                null, null);
        CycleReport confirmed = harness.runCycle();

        assertThat(confirmed.deleted()).isEqualTo(8);
        assertThat(harness.defenderIndicators()).hasSize(2);
    }

    @Test
    void throttlingOutagesAndExpiredTokenStillConverge() throws Exception {
        harness = new SandboxHarness(dataDirectory).with("retry.max-delay", "100").with("retry.max-redeliveries", "4")
                .with("defender.batch-size", "100");
        harness.start();
        harness.emulators.defender().failEveryNth(DefenderEndpoint.IMPORT, 3, 429, 2);
        harness.emulators.defender().failNext(DefenderEndpoint.LIST, 503, 2, null);

        CycleReport first = harness.runCycle();

        assertThat(first.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(first.created()).isEqualTo(ExpectedSampleCounts.CREATED);
        harness.emulators.defender().clearFaults();
        harness.emulators.entra().revokeAllTokens();
        int tokensBefore = harness.emulators.entra().tokenRequestCount();
        harness.requestFullRead();

        CycleReport second = harness.runCycle();

        assertThat(second.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(harness.emulators.entra().tokenRequestCount()).isEqualTo(tokensBefore + 1);
        assertThat(valueCounts()).hasSize((int) ExpectedSampleCounts.CREATED).allSatisfy((value, count) ->
                assertThat(count).as(value).isEqualTo(1L));
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(logs.linesContaining("Retrying call")).anySatisfy(line -> assertThat(line).contains("HTTP 429"));
        assertThat(logs.linesContaining("Retrying call")).anySatisfy(line -> assertThat(line).contains("HTTP 503"));
        assertThat(logs.linesContaining("Defender answered 401")).isNotEmpty();
    }

    @Test
    void import401RetriesWithNewToken() throws Exception {
        String collection = feed(3);
        harness.with("taxii.collections", collection).start();
        harness.emulators.defender().failNext(DefenderEndpoint.IMPORT, 401, 1, null);

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.created()).isEqualTo(3);
        assertThat(harness.emulators.entra().tokenRequestCount()).as("first token, then one after the 401").isEqualTo(2);
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(logs.linesContaining("Defender answered 401")).hasSize(1);
    }

    @Test
    void second401GoesToDeadLetter() throws Exception {
        String collection = feed(3);
        harness.with("taxii.collections", collection).start();
        harness.emulators.defender().failNext(DefenderEndpoint.IMPORT, 401, 2, null);

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(report.created()).isZero();
        assertThat(report.failed()).isEqualTo(3);
        assertThat(harness.deadLetters()).hasSize(3).allSatisfy(line ->
                assertThat(line.path("reason").asText()).contains("HTTP 401"));
    }

    @Test
    void rejectedBatchIsSplitInHalves() throws Exception {
        harness = new SandboxHarness(dataDirectory);
        String bad = "d137.split.example.com";
        String collection = harness.createIndicatorCollection("split", 500, "split.example.com");
        harness.emulators.defender().rejectBatchesContaining(bad);
        harness.with("taxii.collections", collection).start();

        CycleReport report = harness.runCycle();

        assertThat(report.created()).isEqualTo(499);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(harness.defenderIndicators()).hasSize(499);
        assertThat(harness.defenderIndicator(bad)).isEmpty();
        List<JsonNode> deadLetters = harness.deadLetters();
        assertThat(deadLetters).singleElement().satisfies(line -> {
            assertThat(line.path("indicator").path("indicatorValue").asText()).isEqualTo(bad);
            assertThat(line.path("reason").asText()).contains("HTTP 400").contains("InvalidRequestBody");
        });
        long imports = harness.emulators.defender().requests().stream().filter(r -> r.path().endsWith("/import")).count();
        assertThat(imports).as("one call, then two halves per level down to one item").isLessThanOrEqualTo(1 + 2 * 9);
    }

    @Test
    void failedImportsAfterRestartConverge() throws Exception {
        String collection = feed(6);
        harness.with("taxii.collections", collection).with("defender.max-delete-share", "100").start();
        harness.runCycle();
        harness.emulators.taxii().removeObject(collection, String.format("indicator--%08x-0000-4000-8000-%012x",
                Math.abs(collection.hashCode()), 0));
        harness.addDomainIndicator(collection, 100, "new.feed.example.com");
        harness.emulators.defender().failNext(DefenderEndpoint.IMPORT, 500, 10, null);
        harness.requestFullRead();

        CycleReport interrupted = harness.runCycle();
        assertThat(interrupted.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(interrupted.deleted()).isEqualTo(1);
        assertThat(harness.defenderIndicator("new.feed.example.com")).isEmpty();

        harness.restart();
        harness.emulators.defender().clearFaults();
        CycleReport next = harness.runCycle();

        assertThat(next.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(next.created()).isEqualTo(1);
        assertThat(valueCounts()).containsOnlyKeys("d1.feed.example.com", "d2.feed.example.com", "d3.feed.example.com",
                "d4.feed.example.com", "d5.feed.example.com", "new.feed.example.com");
    }

    @Test
    void dryRunWritesNothingAndSavesPlan() throws Exception {
        harness = new SandboxHarness(dataDirectory).with("defender.passive-only", "true").start();

        CycleReport report = harness.runCycle();

        assertThat(writes()).isEmpty();
        assertThat(harness.emulators.defender().requests()).isNotEmpty();
        assertThat(report.created()).isZero();
        assertThat(report.plannedCreates()).isEqualTo(ExpectedSampleCounts.CREATED);
        assertThat(logs.linesContaining("Sync finished")).singleElement().asString().contains("dry_run=true")
                .contains("planned_create=" + ExpectedSampleCounts.CREATED).contains("planned_update=0")
                .contains("planned_delete=0").contains("created=0").doesNotContain("updated=");
        JsonNode plan = SandboxHarness.JSON.readTree(Files.readString(dataDirectory.resolve("dry-run-plan.json")));
        assertThat(plan.path("counts").path("create").asLong()).isEqualTo(ExpectedSampleCounts.CREATED);
        assertThat(plan.path("create")).hasSize((int) ExpectedSampleCounts.CREATED);
        assertThat(plan.path("create").get(0).path("indicator").path("indicatorValue").asText()).isNotBlank();
    }

    @Test
    void callsPerCycleAreTheMinimum() throws Exception {
        String collection = feed(700);
        harness.with("taxii.collections", collection).start();
        harness.runCycle();
        assertThat(harness.emulators.defender().requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /api/indicators", "POST /api/indicators/import", "POST /api/indicators/import");

        harness.emulators.defender().clearRequests();
        harness.emulators.taxii().removeObject(collection, String.format("indicator--%08x-0000-4000-8000-%012x",
                Math.abs(collection.hashCode()), 5));
        harness.addDomainIndicator(collection, 700, "d700.feed.example.com");
        harness.addDomainIndicator(collection, 701, "d701.feed.example.com");
        harness.requestFullRead();
        CycleReport second = harness.runCycle();

        assertThat(second.created()).isEqualTo(2);
        assertThat(second.deleted()).isEqualTo(1);
        // 701 indicators listed: one page of 1000, one import of 2, one BatchDelete of 1.
        assertThat(harness.emulators.defender().requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /api/indicators", "POST /api/indicators/import",
                        "POST /api/indicators/BatchDelete");
    }

    @Test
    void deviceGroupsAreResolvedToIds() throws Exception {
        String collection = feed(2);
        harness.with("taxii.collections", collection).with("defender.rbac-group-names", "Sandbox servers").start();

        CycleReport report = harness.runCycle();

        assertThat(report.created()).isEqualTo(2);
        ObjectNode indicator = harness.defenderIndicator("d0.feed.example.com").orElseThrow();
        assertThat(indicator.path("rbacGroupNames").toString()).isEqualTo("[\"Sandbox servers\"]");
        assertThat(indicator.path("rbacGroupIds").toString()).isEqualTo("[1]");
    }

    @Test
    void unknownDeviceGroupStopsCycleBeforeAnyWrite() throws Exception {
        String collection = feed(2);
        harness.with("taxii.collections", collection).with("defender.rbac-group-names", "Sandbox servers,Nowhere")
                .start();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.FAILED);
        assertThat(report.fatalError()).contains("[Nowhere]");
        assertThat(writes()).isEmpty();
    }

    @Test
    void fullSyncIsPacedWithoutThrottling() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        harness = new SandboxHarness(dataDirectory, TaxiiPersonality.OPENCTI, clock, clock::advance);
        harness.emulators.taxii().addSyntheticCollection("synthetic", 3000, 7);
        harness.with("taxii.collections", "synthetic").with("defender.batch-size", "50").start();
        Instant start = clock.instant();

        CycleReport report = harness.runCycle();

        long imports = harness.emulators.defender().requests().stream().filter(r -> r.path().endsWith("/import"))
                .count();
        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(imports).isGreaterThan(60);
        assertThat(logs.linesContaining("Retrying call")).as("no 429 from the emulator").isEmpty();
        Duration simulated = Duration.between(start, clock.instant());
        long windows = (imports - 1) / 30;
        assertThat(simulated).isBetween(Duration.ofMinutes(windows), Duration.ofMinutes(windows).plusSeconds(5));
        assertThat(logs.linesContaining("Pacing Defender IMPORT calls")).as("one wait per full window").hasSize((int) windows);
    }
}
