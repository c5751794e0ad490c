package io.intelsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
