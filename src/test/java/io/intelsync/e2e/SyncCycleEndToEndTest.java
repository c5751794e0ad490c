package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.defender.DefenderEndpoint;
import io.intelsync.sandbox.http.RecordedRequest;

/**
 * Runs whole cycles of the real routes against the emulators serving the built-in STIX samples.
 */
class SyncCycleEndToEndTest {

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

    private SandboxHarness start() throws Exception {
        harness = new SandboxHarness(dataDirectory).start();
        return harness;
    }

    private List<RecordedRequest> defenderCalls(String method, String pathSuffix) {
        return harness.emulators.defender().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    @Test
    void firstCycleCreatesExpectedIndicators() throws Exception {
        start();
        Instant before = Instant.now();
        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.collections()).isEqualTo(8);
        assertThat(report.objects()).isEqualTo(ExpectedSampleCounts.OBJECTS);
        assertThat(report.indicators()).isEqualTo(ExpectedSampleCounts.INDICATORS);
        assertThat(report.kept()).isEqualTo(ExpectedSampleCounts.KEPT);
        assertThat(report.created()).isEqualTo(ExpectedSampleCounts.CREATED);
        assertThat(report.deleted()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.skipped()).isEqualTo(ExpectedSampleCounts.SKIPPED);
        assertThat(harness.defenderIndicators()).hasSize((int) ExpectedSampleCounts.CREATED);

        ObjectNode ip = harness.defenderIndicator("192.99.221.77").orElseThrow();
        assertThat(ip.path("indicatorType").asText()).isEqualTo("IpAddress");
        assertThat(ip.path("action").asText()).isEqualTo("Audit");
        assertThat(ip.path("generateAlert").asBoolean()).isTrue();
        assertThat(ip.path("createdBy").asText()).isEqualTo(Emulators.CLIENT_ID);
        assertThat(ip.path("application").asText()).isEqualTo("Defender Intel Synchronizer");
        Instant expiry = Instant.parse(ip.path("expirationTime").asText());
        assertThat(expiry).isBetween(before.plus(30, ChronoUnit.DAYS).minusSeconds(1),
                Instant.now().plus(30, ChronoUnit.DAYS));

        assertThat(harness.defenderIndicator("usaid.theyardservice.com")).hasValueSatisfying(domain ->
                assertThat(domain.path("indicatorType").asText()).isEqualTo("DomainName"));
        assertThat(harness.defenderIndicator("https://r20.rs6.net/tn.jsp?f=")).hasValueSatisfying(url ->
                assertThat(url.path("indicatorType").asText()).isEqualTo("Url"));
        // medallion's sample has three versions of one indicator; only the newest URL is sent.
        assertThat(harness.defenderIndicator("http://x4z9arb.cn/4712")).isPresent();
        assertThat(harness.defenderIndicator("http://z4z10farb.cn/4712")).isEmpty();
        // OpenCTI's sample indicators are revoked and expired.
        assertThat(harness.defenderIndicator("www.xolod-teplo.ru")).isEmpty();
        assertThat(harness.defenderIndicator("ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c"))
                .hasValueSatisfying(hash -> assertThat(hash.path("indicatorType").asText()).isEqualTo("FileSha256"));

        assertThat(defenderCalls("POST", "/import")).hasSize((int) Math.ceil(ExpectedSampleCounts.CREATED / 500.0));
        assertThat(logs.linesContaining("Sync finished")).singleElement().asString()
                .contains("created=" + ExpectedSampleCounts.CREATED).contains("status=complete");
    }

    @Test
    void unchangedSecondCycleWritesNothing() throws Exception {
        start();
        harness.runCycle();
        harness.emulators.defender().clearRequests();

        CycleReport second = harness.runCycle();

        assertThat(second.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(second.created()).isZero();
        assertThat(second.deleted()).isZero();
        assertThat(second.unchanged()).isEqualTo(ExpectedSampleCounts.CREATED);
        assertThat(defenderCalls("POST", "/import")).isEmpty();
        assertThat(defenderCalls("POST", "/BatchDelete")).isEmpty();
        // The emulator pages its list by 1000, like a tenant with more indicators than one page.
        assertThat(defenderCalls("GET", "/api/indicators")).extracting(RecordedRequest::rawQuery)
                .containsExactly("", "$skip=1000");
    }

    @Test
    void removedIndicatorIsDeletedAfterFullRead() throws Exception {
        start();
        ObjectNode foreign = SandboxHarness.JSON.createObjectNode()
                .put("indicatorValue", "not-from-the-feed.example.com").put("indicatorType", "DomainName")
                .put("action", "Block").put("title", "manual").put("description", "added by an analyst")
                .put("application", "Defender Intel Synchronizer");
        harness.emulators.defender().putIndicator(foreign, "another-client");
        ObjectNode otherApplication = foreign.deepCopy().put("indicatorValue", "other-deployment.example.com")
                .put("application", "Another Deployment");
        harness.emulators.defender().putIndicator(otherApplication, Emulators.CLIENT_ID);
        harness.runCycle();
        assertThat(harness.defenderIndicator("192.99.221.77")).isPresent();

        String collection = harness.collectionId("stix-elevator-issue-271");
        assertThat(harness.emulators.taxii().removeObject(collection,
                "indicator--f90eb6f1-dd9d-4d39-a7bc-d4c6bf8cda93")).isPositive();

        // An incremental read cannot see an object that left without a new version, so nothing is deleted.
        CycleReport incremental = harness.runCycle();
        assertThat(incremental.fullRead()).isFalse();
        assertThat(incremental.deleted()).isZero();
        assertThat(harness.defenderIndicator("192.99.221.77")).isPresent();

        harness.requestFullRead();
        CycleReport second = harness.runCycle();

        assertThat(second.fullRead()).isTrue();
        assertThat(second.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(second.deleted()).isEqualTo(1);
        assertThat(harness.defenderIndicator("192.99.221.77")).isEmpty();
        assertThat(harness.defenderIndicator("not-from-the-feed.example.com")).isPresent();
        assertThat(harness.defenderIndicator("other-deployment.example.com")).isPresent();
        assertThat(defenderCalls("POST", "/BatchDelete")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("IndicatorIds"));
    }

    @Test
    void revokedVersionDeletesItsIndicator() throws Exception {
        start();
        harness.runCycle();
        String collection = harness.collectionId("stix-elevator-issue-271");
        harness.emulators.taxii().addObject(collection, SandboxHarness.JSON.readTree("""
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--f90eb6f1-dd9d-4d39-a7bc-d4c6bf8cda93",
                 "created": "2021-05-28T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "revoked": true,
                 "pattern": "[ipv4-addr:value = '192.99.221.77']", "pattern_type": "stix",
                 "valid_from": "2021-05-28T00:00:00Z"}
                """));

        CycleReport second = harness.runCycle();

        assertThat(second.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(second.deleted()).isEqualTo(1);
        assertThat(second.fullRead()).isFalse();
        assertThat(second.objects()).as("only the new version is read").isEqualTo(1);
        assertThat(second.skipReasons()).containsEntry(io.intelsync.mapping.SkipReason.REVOKED, 1L);
        assertThat(harness.defenderIndicator("192.99.221.77")).isEmpty();
    }

    @Test
    void failedTaxiiPageMakesCyclePartialWithoutDeletes() throws Exception {
        harness = new SandboxHarness(dataDirectory).with("taxii.page-size", "10").start();
        harness.runCycle();
        String issue271 = harness.collectionId("stix-elevator-issue-271");
        harness.emulators.taxii().removeObject(issue271, "indicator--f90eb6f1-dd9d-4d39-a7bc-d4c6bf8cda93");
        String appendixG = harness.collectionId("stix-elevator-Appendix_G_IOCs_Full");
        harness.emulators.taxii().failObjectsRequests(appendixG, 3, 500, 100);
        harness.emulators.defender().clearRequests();
        harness.requestFullRead();

        CycleReport second = harness.runCycle();

        assertThat(second.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(second.deleted()).isZero();
        assertThat(second.incompleteCollections()).containsOnlyKeys(appendixG);
        assertThat(second.incompleteCollections().get(appendixG)).contains("page 4").contains("HTTP 500");
        assertThat(defenderCalls("POST", "/BatchDelete")).isEmpty();
        assertThat(harness.defenderIndicator("192.99.221.77")).isPresent();
        assertThat(logs.linesContaining("Sync finished")).last().asString().contains("status=partial")
                .contains("deleted=0").contains("incomplete=" + appendixG);
        assertThat(harness.deadLetters()).anySatisfy(line -> {
            assertThat(line.path("stage").asText()).isEqualTo("taxii-read");
            assertThat(line.path("collection").asText()).isEqualTo(appendixG);
            assertThat(line.path("httpStatus").asInt()).isEqualTo(500);
        });
    }

    @Test
    void indicatorDefenderRefusesGoesToDeadLetter() throws Exception {
        harness = new SandboxHarness(dataDirectory).with("mapping.allow-non-public-addresses", "true").start();
        String collection = harness.collectionId("stix-elevator-issue-271");
        harness.emulators.taxii().addObject(collection, SandboxHarness.JSON.readTree("""
                {"type": "indicator", "spec_version": "2.1", "id": "indicator--3f2b9a4e-1d6c-4b8e-9f21-6a0c5d7e8b90",
                 "created": "2024-03-01T00:00:00.000Z", "modified": "2024-03-01T00:00:00.000Z",
                 "name": "Internal relay", "pattern": "[ipv4-addr:value = '10.20.30.40']", "pattern_type": "stix",
                 "valid_from": "2024-03-01T00:00:00Z"}
                """));

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.created()).isEqualTo(ExpectedSampleCounts.CREATED);
        assertThat(harness.defenderIndicator("10.20.30.40")).isEmpty();
        List<JsonNode> deadLetters = harness.deadLetters();
        assertThat(deadLetters).singleElement().satisfies(line -> {
            assertThat(line.path("stage").asText()).isEqualTo("defender-import");
            assertThat(line.path("stixId").asText()).isEqualTo("indicator--3f2b9a4e-1d6c-4b8e-9f21-6a0c5d7e8b90");
            assertThat(line.path("collection").asText()).isEqualTo(collection);
            assertThat(line.path("indicator").path("indicatorValue").asText()).isEqualTo("10.20.30.40");
            assertThat(line.path("reason").asText()).isNotBlank();
            assertThat(line.path("cycle").asText()).isEqualTo(report.cycleId());
            assertThat(line.path("time").asText()).isNotBlank();
        });
    }

    @Test
    void deadLetterEndpointFailureIsLogged() throws Exception {
        harness = new SandboxHarness(dataDirectory).with("dead-letter.uri", "file:/proc/not-writable?fileName=x.jsonl")
                .start();
        harness.emulators.defender().failNext(DefenderEndpoint.IMPORT, 500, 3, null);

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(report.failed()).isEqualTo(500);
        assertThat(report.created()).isEqualTo(ExpectedSampleCounts.CREATED - 500);
        assertThat(logs.linesContaining("Could not write to the dead-letter endpoint")).singleElement().asString()
                .contains("\"stage\":\"defender-import\"").contains("HTTP 500");
    }

    @Test
    void importRetriedAfterRetryAfter() throws Exception {
        start();
        harness.emulators.defender().failNext(DefenderEndpoint.IMPORT, 429, 1, 1);

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.created()).isEqualTo(ExpectedSampleCounts.CREATED);
        List<RecordedRequest> imports = defenderCalls("POST", "/import");
        assertThat(imports).hasSizeGreaterThanOrEqualTo(2);
        Duration gap = Duration.between(imports.get(0).time(), imports.get(1).time());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(imports.get(1).body()).isEqualTo(imports.get(0).body());
        assertThat(logs.linesContaining("Retrying call")).anySatisfy(line ->
                assertThat(line).contains("in 1000 ms (Retry-After)").contains("HTTP 429"));
    }

    @Test
    void tokenIsRequestedOnceAndNeverLogged() throws Exception {
        start();
        harness.runCycle();
        harness.runCycle();

        assertThat(harness.emulators.entra().tokenRequestCount()).isEqualTo(1);
        List<String> tokens = harness.emulators.defender().requests().stream()
                .map(r -> r.header("Authorization").orElseThrow().substring("Bearer ".length())).distinct().toList();
        assertThat(tokens).hasSize(1);
        List<String> lines = logs.lines();
        assertThat(lines).isNotEmpty();
        for (String secret : List.of(tokens.get(0), Emulators.CLIENT_SECRET, Emulators.TAXII_TOKEN)) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void routesAreJmxMBeans() throws Exception {
        start();
        harness.runCycle();

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
        assertThat(routes).extracting(name -> name.getKeyProperty("name").replace("\"", ""))
                .contains("sync-schedule", "sync-cycle", "taxii-read-collection", "defender-import-batch", "dead-letter");
        ObjectName cycle = routes.stream().filter(name -> name.getKeyProperty("name").contains("sync-cycle"))
                .findFirst().orElseThrow();
        assertThat(server.getAttribute(cycle, "ExchangesTotal")).isEqualTo(1L);
        assertThat(server.getAttribute(cycle, "State")).isEqualTo("Started");
    }

    @Test
    void failedListingFailsCycleWithoutWrites() throws Exception {
        start();
        harness.emulators.defender().failNext(DefenderEndpoint.LIST, 403, 1, null);

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.FAILED);
        assertThat(report.fatalError()).contains("HTTP 403");
        assertThat(defenderCalls("POST", "/import")).isEmpty();
        assertThat(harness.defenderIndicators()).isEmpty();
        assertThat(logs.linesContaining("Sync finished")).singleElement().asString().contains("status=failed");
    }
}
