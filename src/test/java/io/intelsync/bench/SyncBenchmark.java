package io.intelsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.http.RecordedRequest;
import io.intelsync.sandbox.taxii.SyntheticObjects;

/**
 * Measures one sync cycle of the service over a large synthetic TAXII collection and checks that
 * Defender ends up with exactly the expected indicators.
 *
 * <p>This JVM runs the emulators and computes the expected selection. The service runs from its jar
 * with {@code --once} in a separate JVM with the given options, so that its heap is measured alone.
 * See {@code BENCHMARKS.md} for the command and the results.
 */
public final class SyncBenchmark {

    private static final String USAGE = """
            Usage: java -cp target/defender-intel-synchronizer.jar:target/test-classes \
            io.intelsync.bench.SyncBenchmark [options]
              --objects N          objects in the synthetic collection (default 1000000)
              --seed N             seed of the synthetic collection (default 4, which puts the cut of
                                   1000000 objects inside a tie on modified)
              --jvm-options TEXT   JVM options of the service, separated by spaces (default "-Xmx256m")
              --runs N             cycles to run, each in a new service JVM (default 1)
              --max-indicators N   the service's defender.max-indicators (default 15000)
              --rate-limits on|off Defender emulator rate limits (default on: 30 imports a minute)
              --jar PATH           the service jar (default target/defender-intel-synchronizer.jar)
              --output DIR         folder for logs and results.md (default target/benchmark)
              --timeout-minutes N  time after which a service run is stopped (default 30)
            Run it from the project folder, which contains application.properties and routes/.""";

    /** Prefixes of environment variables that are not passed on, because they could point the service elsewhere or change its JVM options. */
    private static final List<String> DROPPED_PREFIXES = List.of("OPENCTI_", "TAXII_", "DEFENDER_",
            "MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_", "SYNC_", "CONNECTOR_", "SANDBOX_", "HTTP_", "RETRY_",
            "MAPPING_", "DEAD_LETTER_", "CAMEL_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Options options;

    private SyncBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(64);
            return;
        }
        if (options.help) {
            System.out.println(USAGE);
            return;
        }
        System.exit(new SyncBenchmark(options).run() ? 0 : 1);
    }

    /** Runs every cycle and returns whether all of them exited 0 and passed the check. */
    private boolean run() throws Exception {
        Path projectDirectory = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(projectDirectory.resolve("application.properties"))
                || !Files.isDirectory(projectDirectory.resolve("routes"))) {
            throw new IllegalStateException("application.properties or routes/ not found in " + projectDirectory
                    + ": run the benchmark from the project folder");
        }
        if (!Files.isRegularFile(options.jar)) {
            throw new IllegalStateException("Service jar " + options.jar + " not found: build it with "
                    + "'mvn -q -DskipTests package'");
        }
        Files.createDirectories(options.output);

        System.out.printf(Locale.ROOT, "Computing the expected selection of %,d objects (seed %d, budget %,d)%n",
                options.objects, options.seed, options.maxIndicators);
        long computeStart = System.nanoTime();
        ExpectedSelection expected = ExpectedSelection.compute(new SyntheticObjects(options.seed, options.objects),
                options.maxIndicators);
        System.out.printf(Locale.ROOT, "Expected: %,d indicators, %,d candidates, kept %,d yielding %,d Defender "
                + "indicators (%.1f s)%n", expected.indicators(), expected.candidates(), expected.kept().size(),
                expected.keptWeight(), (System.nanoTime() - computeStart) / 1e9);
        System.out.println(describeCut(expected));

        boolean allPassed = true;
        List<String> rows = new ArrayList<>();
        String collectionId = "synthetic-" + options.objects + "-" + options.seed;
        try (Emulators emulators = Emulators.builder().start()) {
            emulators.taxii().addSyntheticCollection(collectionId, options.objects, options.seed);
            for (int run = 1; run <= options.runs; run++) {
                RunResult result = runOnce(emulators, collectionId, expected, run, projectDirectory);
                allPassed &= result.passed();
                rows.add(result.row());
            }
        }
        String table = RunResult.HEADER + System.lineSeparator() + String.join(System.lineSeparator(), rows);
        System.out.println();
        System.out.println(table);
        Files.writeString(options.output.resolve("results.md"), table + System.lineSeparator() + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return allPassed;
    }

    private RunResult runOnce(Emulators emulators, String collectionId, ExpectedSelection expected, int run,
            Path projectDirectory) throws IOException, InterruptedException {
        emulators.defender().clearIndicators();
        emulators.defender().clearRequests();
        emulators.taxii().clearRequests();
        emulators.defender().resetRateLimits();
        emulators.defender().setRateLimitsEnabled(options.rateLimits);

        String label = options.label() + "-run" + run;
        Path runDirectory = options.output.resolve(label);
        Files.createDirectories(runDirectory);
        Path consoleLog = runDirectory.resolve("service.log");
        Path gcLogFile = runDirectory.resolve("gc.log");
        Files.deleteIfExists(gcLogFile);
        System.out.printf(Locale.ROOT, "%nRun %d of %d: service JVM options %s, output in %s%n", run, options.runs,
                options.jvmOptions, runDirectory);

        Instant processStart = Instant.now();
        long emulatorCpuStart = processCpuNanos();
        Duration machineBusyStart = MachineCpu.busyTime();
        ServiceProcess.Result process = ServiceProcess.run(options.jar, options.jvmOptions, projectDirectory,
                serviceEnvironment(emulators, collectionId, runDirectory.resolve("data")), consoleLog, gcLogFile,
                Duration.ofMinutes(options.timeoutMinutes));
        Duration emulatorCpu = Duration.ofNanos(processCpuNanos() - emulatorCpuStart);
        Duration machineBusy = MachineCpu.busyTime().minus(machineBusyStart);
        ServiceLog log = ServiceLog.read(consoleLog);
        GcLog gc = GcLog.read(gcLogFile);
        KeptSetCheck check = KeptSetCheck.compare(expected.defenderIndicators(), emulators.defender().indicators());
        List<String> countMismatches = countMismatches(log, expected);
        long importCalls = countRequests(emulators.defender().requests(), "POST", "/import");
        long pages = countRequests(emulators.taxii().requests(), "GET", "/objects/");

        RunResult result = new RunResult(label, options.jvmOptions, process, log, gc, processStart, emulatorCpu,
                machineBusy, importCalls, pages, check, countMismatches);
        System.out.println(result.describe());
        return result;
    }

    private Map<String, String> serviceEnvironment(Emulators emulators, String collectionId, Path dataDirectory) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> DROPPED_PREFIXES.stream().anyMatch(name::startsWith));
        environment.put("TAXII_API_ROOT", emulators.taxiiApiRootUrl());
        environment.put("TAXII_AUTH", "bearer");
        environment.put("TAXII_TOKEN", Emulators.TAXII_TOKEN);
        environment.put("TAXII_COLLECTIONS", collectionId);
        environment.put("DEFENDER_BASE_URL", emulators.defenderBaseUrl());
        environment.put("DEFENDER_LOGIN_URL", emulators.entraLoginBaseUrl());
        environment.put("DEFENDER_TENANT_ID", Emulators.TENANT_ID);
        environment.put("DEFENDER_CLIENT_ID", Emulators.CLIENT_ID);
        environment.put("DEFENDER_CLIENT_SECRET", Emulators.CLIENT_SECRET);
        environment.put("DEFENDER_MAX_INDICATORS", Integer.toString(options.maxIndicators));
        environment.put("SYNC_DATA_DIR", dataDirectory.toString());
        return environment;
    }

    /** Describes where the kept indicators lie in the collection and where the run of candidates ends. */
    private static String describeCut(ExpectedSelection expected) {
        if (expected.kept().isEmpty()) {
            return "No indicator is kept.";
        }
        long lowestIndex = expected.kept().stream().mapToLong(ExpectedSelection.KeptIndicator::index).min().orElse(0);
        long highestIndex = expected.kept().stream().mapToLong(ExpectedSelection.KeptIndicator::index).max().orElse(0);
        ExpectedSelection.KeptIndicator last = expected.kept().get(expected.kept().size() - 1);
        ExpectedSelection.KeptIndicator leftOut = expected.firstLeftOut();
        String cut = leftOut == null ? "every candidate fits"
                : String.format(Locale.ROOT, "the run ends at object %d (modified %s, weight %d)%s", leftOut.index(),
                        leftOut.modified(), leftOut.values().size(),
                        leftOut.modified().equals(last.modified()) ? ", which ties on modified with the last kept one" : "");
        return String.format(Locale.ROOT, "Kept objects lie between index %d and %d. The last kept is object %d "
                + "(modified %s), and %s", lowestIndex, highestIndex, last.index(), last.modified(), cut);
    }

    /** Compares the counts of the {@code Sync finished} line with the expected ones. */
    private static List<String> countMismatches(ServiceLog log, ExpectedSelection expected) {
        Map<String, Long> expectedCounts = Map.of(
                "objects", expected.objects(),
                "indicators", expected.indicators(),
                "skipped", expected.skipped(),
                "kept", (long) expected.kept().size(),
                "created", expected.keptWeight(),
                "failed", 0L);
        List<String> mismatches = new ArrayList<>();
        expectedCounts.forEach((key, value) -> {
            if (log.count(key) != value) {
                mismatches.add(key + "=" + log.count(key) + " (expected " + value + ")");
            }
        });
        mismatches.sort(null);
        return mismatches;
    }

    /** Returns the CPU time of this JVM, which runs the emulators, or 0 where the JVM does not report it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static long countRequests(List<RecordedRequest> requests, String method, String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).count();
    }

    /** The command-line options. */
    private static final class Options {
        long objects = 1_000_000;
        long seed = 4;
        List<String> jvmOptions = List.of("-Xmx256m");
        int runs = 1;
        int maxIndicators = 15_000;
        boolean rateLimits = true;
        Path jar = Path.of("target", "defender-intel-synchronizer.jar");
        Path output = Path.of("target", "benchmark");
        long timeoutMinutes = 30;
        boolean help;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help")) {
                    options.help = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value for option " + name + "; see --help");
                }
                String value = args[++i];
                switch (name) {
                    case "--objects" -> options.objects = number(name, value, 1, SyntheticObjects.MAX_COUNT);
                    case "--seed" -> options.seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--jvm-options" -> options.jvmOptions = Arrays.stream(value.strip().split("\\s+"))
                            .filter(option -> !option.isEmpty()).toList();
                    case "--runs" -> options.runs = (int) number(name, value, 1, 100);
                    case "--max-indicators" -> options.maxIndicators = (int) number(name, value, 1, 15_000);
                    case "--rate-limits" -> options.rateLimits = switch (value) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("Invalid --rate-limits '" + value + "': use on or off");
                    };
                    case "--jar" -> options.jar = Path.of(value);
                    case "--output" -> options.output = Path.of(value);
                    case "--timeout-minutes" -> options.timeoutMinutes = number(name, value, 1, 24 * 60);
                    default -> throw new IllegalArgumentException("Unknown option " + name + "; see --help");
                }
            }
            return options;
        }

        /** Returns a file-name-safe label of the JVM options, such as {@code Xmx256m}. */
        String label() {
            String joined = jvmOptions.stream().map(option -> option.replaceFirst("^-+", ""))
                    .reduce((a, b) -> a + "_" + b).orElse("").replaceAll("[^A-Za-z0-9_=.-]", "");
            return joined.isEmpty() ? "default" : joined;
        }

        private static long number(String name, String value, long min, long max) {
            long number;
            try {
                number = Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid " + name + " '" + value + "': use a whole number");
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException("Invalid " + name + " " + number + ": use " + min + " to " + max);
            }
            return number;
        }
    }
}
