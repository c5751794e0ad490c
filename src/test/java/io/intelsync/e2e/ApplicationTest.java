package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.intelsync.Application;
import io.intelsync.sandbox.Emulators;

/** Runs the command line in-process, as {@code java -jar} would. */
class ApplicationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    private int run(Map<String, String> environment, String... args) {
        return Application.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--sandbox").contains("--once");
    }

    @Test
    void unknownOptionExitsWithUsageStatus() {
        assertThat(run(Map.of(), "--onse")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--onse'").contains("Usage:");
    }

    @Test
    void replayWithOnceExitsWithUsageStatus() {
        assertThat(run(Map.of(), "--replay-dead-letters", "--once")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--replay-dead-letters runs a replay instead of a cycle");
    }

    @Test
    void missingSettingsStopStartupNamingVariables() {
        assertThat(run(Map.of(), "--once")).isEqualTo(78);
        assertThat(logs.linesContaining("Invalid settings")).singleElement().asString()
                .contains("OPENCTI_URL")
                .contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TENANT_ID")
                .contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_SECRET")
                .contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TAXII_COLLECTIONS");
    }

    @Test
    void sandboxRunsOneCompleteCycle() {
        assertThat(run(Map.of(), "--sandbox", "--once")).isZero();
        assertThat(logs.linesContaining("Sync finished")).singleElement().asString()
                .contains("collections=8").contains("status=complete");
        List<String> lines = logs.lines();
        assertThat(lines).noneMatch(line -> line.contains(Emulators.CLIENT_SECRET));
        assertThat(lines).noneMatch(line -> line.contains(Emulators.TAXII_TOKEN));
    }

    @Test
    void sandboxServesUserDataFolder(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("my-feed.json"), """
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                   "created": "2024-05-01T00:00:00.000Z", "modified": "2024-05-01T00:00:00.000Z",
                   "pattern": "[domain-name:value = 'Phish.Example.COM.' OR ipv4-addr:value = '203.0.112.9']",
                   "pattern_type": "stix", "valid_from": "2024-05-01T00:00:00Z"}]}
                """);

        assertThat(run(Map.of("SANDBOX_TAXII_DATA_DIR", folder.toString()), "--sandbox", "--once")).isZero();

        assertThat(logs.linesContaining("Sync finished")).singleElement().asString()
                .contains("collections=1").contains("objects=1").contains("kept=1").contains("created=2")
                .contains("status=complete");
    }

    @Test
    void sandboxRejectsMissingDataFolder() {
        assertThat(run(Map.of("SANDBOX_TAXII_DATA_DIR", "no-such-folder"), "--sandbox", "--once")).isEqualTo(78);
        assertThat(logs.linesContaining("SANDBOX_TAXII_DATA_DIR")).singleElement().asString()
                .contains("'no-such-folder', which is not a folder");
    }

    @Test
    void unwritableDataFolderStopsStartup() {
        assertThat(run(Map.of("SYNC_DATA_DIR", "/proc/not-writable"), "--sandbox", "--once")).isEqualTo(78);
        assertThat(logs.linesContaining("SYNC_DATA_DIR")).anySatisfy(line ->
                assertThat(line).contains("'/proc/not-writable'").contains("mount a writable volume"));
    }

    @Test
    void deadLetterUriWithoutFolderStopsStartup() {
        assertThat(run(Map.of("DEAD_LETTER_URI", "file:"), "--sandbox", "--once")).isEqualTo(78);
        assertThat(logs.linesContaining("DEAD_LETTER_URI")).anySatisfy(line ->
                assertThat(line).contains("'file:'").contains("names no folder"));
    }

    @Test
    void unreachableStateDatabaseStopsStartup() {
        assertThat(run(Map.of("SYNC_STATE_URL", "jdbc:postgresql://127.0.0.1:1/sync"), "--sandbox", "--once"))
                .isEqualTo(78);
        assertThat(logs.linesContaining("sync.state-url")).isNotEmpty();
    }

    @Test
    void invalidSettingsAreReportedTogether() {
        int status = run(Map.of("HTTP_CONNECT_TIMEOUT", "10s", "SYNC_SCHEDULE_ENABLED", "maybe",
                "CONNECTOR_LOG_LEVEL", "loud", "MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_EXPIRE_TIME", "0"),
                "--sandbox", "--once");
        assertThat(status).isEqualTo(78);
        assertThat(logs.linesContaining("Invalid settings")).singleElement().asString()
                .contains("HTTP_CONNECT_TIMEOUT").contains("'10s'")
                .contains("SYNC_SCHEDULE_ENABLED").contains("'maybe'")
                .contains("CONNECTOR_LOG_LEVEL").contains("'loud'")
                .contains("EXPIRE_TIME").contains("'0'");
    }

    @Test
    void unknownDeadLetterComponentStopsStartup() {
        assertThat(run(Map.of("DEAD_LETTER_URI", "bogus:thing"), "--sandbox", "--once")).isEqualTo(78);
        assertThat(logs.linesContaining("DEAD_LETTER_URI")).anySatisfy(line ->
                assertThat(line).contains("component 'bogus' is not available"));
    }

    @Test
    void sandboxPortOutOfRangeIsReported() {
        assertThat(run(Map.of("SANDBOX_PORT", "70000"), "--emulators")).isEqualTo(78);
        assertThat(logs.linesContaining("SANDBOX_PORT")).anySatisfy(line ->
                assertThat(line).contains("'70000'").contains("up to 65533"));
    }

    @Test
    void passwordInUrlIsRejectedWithoutEchoingIt() {
        int status = run(Map.of("TAXII_API_ROOT", "https://reader:hunter2@127.0.0.1:1/taxii2/root"), "--sandbox",
                "--once");
        assertThat(status).isEqualTo(78);
        assertThat(logs.linesContaining("TAXII_API_ROOT")).anySatisfy(line ->
                assertThat(line).contains("contains a user name and password"));
        assertThat(logs.lines()).noneMatch(line -> line.contains("hunter2"));
    }

    @Test
    void sandboxKeepsExplicitDefenderSettings() {
        // A Defender URL set in the environment stays the user's, so its credentials are not replaced either.
        int status = run(Map.of("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://127.0.0.1:1"),
                "--sandbox", "--once");
        assertThat(status).isEqualTo(78);
        assertThat(logs.linesContaining("Invalid settings")).singleElement().asString()
                .contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TENANT_ID")
                .doesNotContain("OPENCTI_URL");
    }
}
