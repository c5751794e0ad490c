package io.intelsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The measurements and the check of one benchmark run.
 *
 * @param label the run's name, such as {@code Xmx256m-run1}
 * @param jvmOptions the service JVM's options
 * @param process the exit status, wall time and peak resident set of the service process
 * @param log what the service logged
 * @param gc what its GC log shows
 * @param processStart when the benchmark started the service process
 * @param emulatorCpu the CPU time that the benchmark's JVM, which runs the emulators, used during the run
 * @param machineBusy the CPU time that all processes of the machine used during the run
 * @param importCalls the import calls that reached the Defender emulator, including rejected ones
 * @param pages the objects requests that reached the TAXII emulator
 * @param check the comparison of Defender's indicators with the expected ones
 * @param countMismatches counts of the {@code Sync finished} line that differ from the expected ones
 */
record RunResult(String label, List<String> jvmOptions, ServiceProcess.Result process, ServiceLog log, GcLog gc,
        Instant processStart, Duration emulatorCpu, Duration machineBusy, long importCalls, long pages, KeptSetCheck check, List<String> countMismatches) {

    static final String HEADER = """
            | Run | Service JVM options | Exit | Status | Cycle (duration_ms) s | Process s | Read s | Objects/s read \
            | Peak heap before GC MiB | Max heap after GC MiB | GCs (full) | Peak RSS MiB | Kept | Created | Imports | Check |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|""";

    /** Returns whether the service exited 0 and Defender contains exactly the expected indicators. */
    boolean passed() {
        return process.exitStatus() == 0 && check.passed() && countMismatches.isEmpty();
    }

    /** Returns the time from the {@code Sync started} line to the {@code Mapped indicators} line, which is the read. */
    Duration readTime() {
        if (log.syncStarted() == null || log.mapped() == null) {
            return null;
        }
        return Duration.between(log.syncStarted(), log.mapped());
    }

    /** Returns the objects per second of the read, or 0 when the log lacks the times. */
    double objectsPerSecond() {
        Duration read = readTime();
        long objects = log.count("objects");
        if (read == null || read.isZero() || objects < 0) {
            return 0;
        }
        return objects / (read.toMillis() / 1000.0);
    }

    /** Returns the run as a row of the Markdown table under {@link #HEADER}. */
    String row() {
        return String.format(Locale.ROOT, "| %s | `%s` | %d | %s | %.1f | %.1f | %s | %,.0f | %.0f | %.0f | %d (%d) | %.0f "
                + "| %s | %s | %d | %s |",
                label, String.join(" ", jvmOptions), process.exitStatus(), log.finished().getOrDefault("status", "-"),
                log.count("duration_ms") / 1000.0, process.wallTime().toMillis() / 1000.0, seconds(readTime()),
                objectsPerSecond(), gc.maxUsedBeforeMb(), gc.maxUsedAfterMb(), gc.collections(), gc.fullCollections(),
                process.peakRssMb(), log.finished().getOrDefault("kept", "-"), log.finished().getOrDefault("created", "-"),
                importCalls, passed() ? "PASS" : "FAIL");
    }

    /** Returns a multi-line report of the run for the console. */
    String describe() {
        StringBuilder text = new StringBuilder();
        line(text, "Exit status %d after %.1f s (process start to exit)", process.exitStatus(),
                process.wallTime().toMillis() / 1000.0);
        if (log.syncStarted() != null) {
            line(text, "Startup: %.1f s from process start to Sync started",
                    Duration.between(processStart, log.syncStarted()).toMillis() / 1000.0);
        }
        line(text, "Sync finished: %s", log.finished().isEmpty() ? "(no such line)" : log.finished());
        line(text, "Read: %s s for %d pages, %,.0f objects/s; imports and deletes after it: %s s", seconds(readTime()),
                pages, objectsPerSecond(), log.mapped() == null || log.syncFinished() == null ? "-"
                        : seconds(Duration.between(log.mapped(), log.syncFinished())));
        line(text, "Heap: peak before GC %.0f MiB, max after GC %.0f MiB, max committed %.0f MiB, %d GCs (%d full), "
                + "%.0f ms paused", gc.maxUsedBeforeMb(), gc.maxUsedAfterMb(), gc.maxCommittedMb(), gc.collections(),
                gc.fullCollections(), gc.totalPauseMs());
        line(text, "Peak RSS: %.0f MiB", process.peakRssMb());
        Duration otherCpu = machineBusy.minus(process.cpuTime()).minus(emulatorCpu);
        line(text, "CPU: service %.1f s, emulators %.1f s, other processes %.1f s, of %.1f s on %d cores",
                process.cpuTime().toMillis() / 1000.0, emulatorCpu.toMillis() / 1000.0,
                Math.max(0, otherCpu.toMillis()) / 1000.0,
                process.wallTime().toMillis() / 1000.0 * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        line(text, "Defender import calls: %d; retries logged: %d; ERROR lines: %d", importCalls, log.retries(),
                log.errors());
        if (!countMismatches.isEmpty()) {
            line(text, "Counts that differ from the expected ones: %s", countMismatches);
        }
        text.append("Check: ").append(check.summary(5));
        return text.toString();
    }

    private static void line(StringBuilder text, String format, Object... arguments) {
        text.append(String.format(Locale.ROOT, format, arguments)).append(System.lineSeparator());
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
