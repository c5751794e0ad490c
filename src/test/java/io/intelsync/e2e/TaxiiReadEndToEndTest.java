package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.sandbox.http.RecordedRequest;
import io.intelsync.sandbox.taxii.CursorFormat;
import io.intelsync.sandbox.taxii.TaxiiPersonality;
import io.intelsync.taxii.TaxiiCheckException;

/**
 * Reads TAXII collections through the real routes against the emulator's OpenCTI and medallion
 * personalities, with the paging behaviours of real servers.
 */
class TaxiiReadEndToEndTest {

    @TempDir
    Path dataDirectory;

    private SandboxHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private SandboxHarness openCti() throws Exception {
        harness = new SandboxHarness(dataDirectory, TaxiiPersonality.OPENCTI);
        return harness;
    }

    private static List<String> queryValues(List<RecordedRequest> requests, String name) {
        return requests.stream().map(r -> r.queryParameter(name).orElse("-")).toList();
    }

    @Test
    void pagesShorterThanLimitAreReadToTheEnd() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("paging", 25, "paging.example.com");
        harness.emulators.taxii().setMaxPageSize(4);
        harness.with("taxii.collections", collection).with("taxii.page-size", "10").start();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.objects()).isEqualTo(25);
        assertThat(report.created()).isEqualTo(25);
        List<RecordedRequest> requests = harness.objectsRequests(collection);
        assertThat(requests).hasSize(7);
        assertThat(queryValues(requests, "limit")).containsOnly("10");
        assertThat(queryValues(requests, "next").get(0)).isEqualTo("-");
        assertThat(queryValues(requests, "next").subList(1, 7)).doesNotContain("-");
    }

    @Test
    void numericNextIsSentBackAsWritten() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("numeric", 9, "numeric.example.com");
        harness.emulators.taxii().setMaxPageSize(4);
        harness.emulators.taxii().setCursorFormat(CursorFormat.NUMBER);
        harness.with("taxii.collections", collection).start();

        CycleReport report = harness.runCycle();

        assertThat(report.created()).isEqualTo(9);
        List<RecordedRequest> requests = harness.objectsRequests(collection);
        assertThat(queryValues(requests, "next")).containsExactly("-", "4", "8");
        assertThat(requests.get(1).rawQuery()).contains("next=4").doesNotContain("4.0");
    }

    @Test
    void nextWithSpacesAndPipesRoundTrips() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("spaced", 9, "spaced.example.com");
        harness.emulators.taxii().setMaxPageSize(4);
        harness.emulators.taxii().setCursorFormat(CursorFormat.SPACED_STRING);
        harness.with("taxii.collections", collection).start();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.created()).isEqualTo(9);
        List<String> cursors = queryValues(harness.objectsRequests(collection), "next");
        assertThat(cursors).hasSize(3);
        assertThat(cursors.get(1)).contains(" ").contains("|");
    }

    @Test
    void moreWithoutNextContinuesWithDateAddedLast() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("omit-next", 10, "omit.example.com");
        harness.emulators.taxii().setMaxPageSize(4);
        harness.emulators.taxii().setOmitNext(true);
        harness.with("taxii.collections", collection).start();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.created()).isEqualTo(10);
        List<RecordedRequest> requests = harness.objectsRequests(collection);
        assertThat(requests).hasSize(3);
        assertThat(queryValues(requests, "next")).containsOnly("-");
        assertThat(queryValues(requests, "added_after").get(0)).isEqualTo("-");
        assertThat(queryValues(requests, "added_after").get(1)).isNotEqualTo("-");
    }

    @Test
    void stuckCursorEndsReadIncompleteWithoutDeletes() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("stuck", 10, "stuck.example.com");
        harness.emulators.taxii().setMaxPageSize(4);
        harness.with("taxii.collections", collection).start();
        harness.runCycle();
        assertThat(harness.defenderIndicators()).hasSize(10);
        harness.emulators.taxii().removeObject(collection, harness.defenderIndicator("d9.stuck.example.com")
                .orElseThrow().path("externalId").asText());
        harness.emulators.taxii().setStuckCursor(true);
        harness.requestFullRead();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.PARTIAL);
        assertThat(report.deleted()).isZero();
        assertThat(report.incompleteCollections().get(collection)).containsAnyOf("twice", "repeated");
        assertThat(harness.objectsRequests(collection).size()).isLessThan(20);
        assertThat(harness.defenderIndicators()).hasSize(10);
    }

    @Test
    void incrementalReadSendsCursorAndRepeatsFilters() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("incremental", 6, "inc.example.com");
        harness.emulators.taxii().setMaxPageSize(4);
        harness.with("taxii.collections", collection).with("taxii.match-type", "indicator").start();
        harness.runCycle();
        List<RecordedRequest> first = harness.objectsRequests(collection);
        String lastHeader = harness.emulators.taxii().lastDateAddedHeader(collection);
        harness.emulators.taxii().clearRequests();
        for (int i = 6; i < 11; i++) {
            harness.addDomainIndicator(collection, i, "d" + i + ".inc.example.com");
        }

        CycleReport second = harness.runCycle();

        assertThat(first).hasSize(2);
        assertThat(second.fullRead()).isFalse();
        assertThat(second.objects()).isEqualTo(5);
        assertThat(second.created()).isEqualTo(5);
        assertThat(second.unchanged()).isEqualTo(6);
        List<RecordedRequest> requests = harness.objectsRequests(collection);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).queryParameter("added_after")).contains(lastHeader);
        assertThat(requests.get(0).queryParameter("next")).isEmpty();
        assertThat(requests.get(1).queryParameter("added_after")).contains(lastHeader);
        assertThat(queryValues(requests, "match[type]")).containsOnly("indicator");
        assertThat(queryValues(requests, "limit")).containsOnly("500");
    }

    @Test
    void extraHeadersAreSentOnEveryRequest() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("headers", 5, "headers.example.com");
        harness.emulators.taxii().setMaxPageSize(2);
        harness.with("taxii.collections", collection).with("taxii.headers", "{\"X-Tenant\": \"blue team\"}").start();

        harness.runCycle();

        assertThat(harness.objectsRequests(collection)).hasSize(3).allSatisfy(request ->
                assertThat(request.header("X-Tenant")).contains("blue team"));
    }

    @Test
    void restartKeepsCursor() throws Exception {
        openCti();
        String collection = harness.createIndicatorCollection("restart", 3, "restart.example.com");
        harness.with("taxii.collections", collection).start();
        harness.runCycle();
        String lastHeader = harness.emulators.taxii().lastDateAddedHeader(collection);

        harness.restart();
        harness.emulators.taxii().clearRequests();
        CycleReport afterRestart = harness.runCycle();

        assertThat(afterRestart.fullRead()).isFalse();
        assertThat(afterRestart.objects()).isZero();
        assertThat(afterRestart.unchanged()).isEqualTo(3);
        assertThat(afterRestart.deleted()).isZero();
        assertThat(harness.objectsRequests(collection)).singleElement()
                .satisfies(request -> assertThat(request.queryParameter("added_after")).contains(lastHeader));
    }

    @Test
    void medallionSamplesWithBasicAuth() throws Exception {
        harness = new SandboxHarness(dataDirectory, TaxiiPersonality.MEDALLION).start();

        CycleReport first = harness.runCycle();
        CycleReport second = harness.runCycle();

        assertThat(first.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(first.created()).isEqualTo(ExpectedSampleCounts.CREATED);
        assertThat(harness.emulators.taxii().requests()).allSatisfy(request ->
                assertThat(request.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic ")));
        assertThat(second.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(second.fullRead()).isFalse();
        assertThat(second.objects()).isZero();
        assertThat(second.created()).isZero();
        assertThat(second.deleted()).isZero();
    }

    @Test
    void collectionAliasResolvesToId() throws Exception {
        harness = new SandboxHarness(dataDirectory, TaxiiPersonality.MEDALLION);
        String id = harness.collectionId("stix-elevator-issue-271");
        harness.with("taxii.collections", "stix-elevator-issue-271").start();

        CycleReport report = harness.runCycle();

        assertThat(report.status()).isEqualTo(CycleStatus.COMPLETE);
        assertThat(report.incompleteCollections()).isEmpty();
        assertThat(harness.objectsRequests(id)).isNotEmpty();
        assertThat(report.created()).isEqualTo(31);
    }

    @Test
    void startupCheckNamesEachUnreadableCollection() throws Exception {
        openCti();
        String readable = harness.collectionId("stix-elevator-issue-271");
        String closed = harness.collectionId("stix2-json-schemas-apt1");
        harness.emulators.taxii().setCanRead(closed, false);
        harness.with("taxii.collections", readable + ",no-such-collection," + closed);

        assertThatThrownBy(harness::start).isInstanceOf(TaxiiCheckException.class)
                .hasMessageContaining("collection 'no-such-collection' is not among the collections")
                .hasMessageContaining("collection '" + closed + "' (stix2-json-schemas-apt1) cannot be read")
                .hasMessageNotContaining("'" + readable + "'");
    }

    @Test
    void startupCheckReportsWrongCredentials() throws Exception {
        openCti();
        harness.with("taxii.token", "wrong-token");

        assertThatThrownBy(harness::start).isInstanceOf(TaxiiCheckException.class)
                .hasMessageContaining("answered HTTP 401").hasMessageContaining("OPENCTI_TOKEN");
    }

    @Test
    void startupCheckReportsUnreachableServer() throws Exception {
        openCti();
        harness.with("taxii.api-root", "http://127.0.0.1:1/taxii2/root");

        assertThatThrownBy(harness::start).isInstanceOf(TaxiiCheckException.class)
                .hasMessageContaining("is unreachable").hasMessageContaining("TAXII_API_ROOT");
    }
}
