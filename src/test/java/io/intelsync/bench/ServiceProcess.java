package io.intelsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service jar with {@code --once} in a JVM of its own and waits for it to exit, sampling the
 * process's peak resident set size from {@code /proc} meanwhile.
 */
final class ServiceProcess {

    /**
     * The outcome of one run.
     *
     * @param exitStatus the process exit status, or -1 when it timed out and was stopped
     * @param wallTime from the start of the process to its exit
     * @param peakRssMb the highest {@code VmHWM} sampled, in MiB, or 0 where {@code /proc} is missing
     * @param cpuTime the process's CPU time at the last sample before it exited, or zero if unknown
     */
    record Result(int exitStatus, Duration wallTime, double peakRssMb, Duration cpuTime) {
    }

    private static final long SAMPLE_INTERVAL_MS = 200;

    private ServiceProcess() {
    }

    /**
     * Starts {@code java <jvmOptions> -Xlog:gc:file=<gcLog> -XX:+ExitOnOutOfMemoryError -jar <jar> --once}.
     *
     * @param projectDirectory the working directory, which must contain {@code application.properties}
     *     and {@code routes/}
     * @param environment the whole environment of the process
     * @param consoleLog where standard output and standard error go
     * @param timeout how long to wait before stopping the process
     */
    static Result run(Path jar, List<String> jvmOptions, Path projectDirectory, Map<String, String> environment,
            Path consoleLog, Path gcLog, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog);
        // Without it an OutOfMemoryError may leave a JVM that no longer makes progress but does not exit.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--once");

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);

        long startNanos = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        double peakRssMb = 0;
        Duration cpuTime = Duration.ZERO;
        long deadline = startNanos + timeout.toNanos();
        while (!process.waitFor(SAMPLE_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
            peakRssMb = Math.max(peakRssMb, peakRss(status));
            cpuTime = process.info().totalCpuDuration().orElse(cpuTime);
            if (System.nanoTime() > deadline) {
                System.err.println("The service did not exit within " + timeout + "; stopping process " + process.pid());
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                return new Result(-1, Duration.ofNanos(System.nanoTime() - startNanos), peakRssMb, cpuTime);
            }
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Result(process.exitValue(), wallTime, peakRssMb, cpuTime);
    }

    /** Returns {@code VmHWM} in MiB, or 0 when the file is gone or has no such line. */
    private static double peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Long.parseLong(kilobytes) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process exited between two samples, or this is not Linux.
        }
        return 0;
    }
}
