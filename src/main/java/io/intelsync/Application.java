package io.intelsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

import io.intelsync.config.InvalidSettingsException;
import io.intelsync.config.SettingCatalog;
import io.intelsync.config.SettingsSource;
import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.CycleStatus;
import io.intelsync.deadletter.ReplayReport;
import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.EmulatorsBanner;
import io.intelsync.sandbox.SandboxSettings;
import io.intelsync.taxii.TaxiiCheckException;

/**
 * Entry point: parses the command line, starts the emulators for {@code --sandbox} and
 * {@code --emulators}, and runs the service on its schedule or for one cycle.
 */
public final class Application {

    /** Exit status of a cycle, or a dead-letter replay, that was partial. */
    static final int EXIT_PARTIAL = 1;
    /** Exit status of a cycle or a dead-letter replay that failed, or of an unexpected error. */
    static final int EXIT_FAILED = 2;
    /** Exit status of a wrong command-line option (sysexits EX_USAGE). */
    static final int EXIT_USAGE = 64;
    /** Exit status of a missing or invalid setting, or of a TAXII server that fails its startup check (sysexits EX_CONFIG). */
    static final int EXIT_CONFIG = 78;

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final Path PROPERTIES_FILE = Path.of("application.properties");

    private Application() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command line and returns the process exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(CommandLine.USAGE);
            return EXIT_USAGE;
        }
        if (commandLine.help()) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        if (!Files.isRegularFile(PROPERTIES_FILE) || !Files.isDirectory(Path.of("routes"))) {
            err.println("application.properties or routes/ not found in " + Path.of("").toAbsolutePath()
                    + ": start the service from the folder that holds both (the project folder, or /opt/app in the "
                    + "container image)");
            return EXIT_CONFIG;
        }
        Map<String, String> fileValues = readPropertiesFile();
        SettingsSource fileSource = new SettingsSource(environment, key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(fileValues.get(key))));
        try {
            applyLogLevel(fileSource.value(SettingCatalog.CONNECTOR_LOG_LEVEL));
            if (commandLine.emulatorsOnly()) {
                return runEmulators(fileSource, out);
            }
            return runService(commandLine, environment, fileSource);
        } catch (InvalidSettingsException ex) {
            LOG.error(ex.getMessage());
            return EXIT_CONFIG;
        }
    }

    private static int runService(CommandLine commandLine, Map<String, String> environment, SettingsSource fileSource) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Emulators emulators = null;
        try {
            if (commandLine.sandbox()) {
                emulators = startEmulators(fileSource);
                overrides.putAll(SandboxSettings.overrides(emulators, fileSource));
                LOG.info("Sandbox mode: TAXII {}, Entra {}, Defender {}", emulators.taxiiApiRootUrl(),
                        emulators.entraLoginBaseUrl(), emulators.defenderBaseUrl());
            }
            if (commandLine.dryRun()) {
                overrides.put(SettingCatalog.PASSIVE_ONLY.key(), "true");
            }
            if (commandLine.once() || commandLine.replayDeadLetters()) {
                overrides.put(SettingCatalog.SCHEDULE_ENABLED.key(), "false");
            }
            try (SyncService service = new SyncService(environment, overrides, Clock.systemUTC())) {
                if (commandLine.replayDeadLetters()) {
                    service.start();
                    ReplayReport replay = service.replayDeadLetters();
                    return exitStatus(replay == null ? null : replay.status());
                }
                if (!commandLine.once()) {
                    service.runUntilStopped();
                    return 0;
                }
                service.start();
                CycleReport report = service.runCycle();
                return exitStatus(report == null ? null : report.status());
            }
        } catch (IOException ex) {
            LOG.error("Could not start the emulators: {}; set SANDBOX_PORT to a free port or 0", ex.toString());
            return EXIT_CONFIG;
        } catch (Exception ex) {
            Optional<InvalidSettingsException> invalid = findCause(ex, InvalidSettingsException.class);
            if (invalid.isPresent()) {
                LOG.error(invalid.get().getMessage());
                return EXIT_CONFIG;
            }
            Optional<TaxiiCheckException> unreadable = findCause(ex, TaxiiCheckException.class);
            if (unreadable.isPresent()) {
                LOG.error(unreadable.get().getMessage());
                return EXIT_CONFIG;
            }
            LOG.error("The service stopped on an unexpected error", ex);
            return EXIT_FAILED;
        } finally {
            if (emulators != null) {
                emulators.close();
            }
        }
    }

    private static int exitStatus(CycleStatus status) {
        if (status == null) {
            return EXIT_FAILED;
        }
        return switch (status) {
            case COMPLETE -> 0;
            case PARTIAL -> EXIT_PARTIAL;
            case FAILED -> EXIT_FAILED;
        };
    }

    private static int runEmulators(SettingsSource fileSource, PrintStream out) {
        Emulators emulators;
        try {
            emulators = startEmulators(fileSource);
        } catch (IOException ex) {
            LOG.error("Could not start the emulators: {}; set SANDBOX_PORT to a free port or 0", ex.toString());
            return EXIT_CONFIG;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulators.close();
            stopped.countDown();
        }, "emulators-shutdown"));
        out.println(EmulatorsBanner.describe(emulators));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Emulators startEmulators(SettingsSource source) throws IOException {
        String portText = source.value(SettingCatalog.SANDBOX_PORT);
        int port = -1;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException ex) {
            // reported below
        }
        if (port < 0 || port > 65_533) {
            throw new InvalidSettingsException(java.util.List.of(SettingCatalog.SANDBOX_PORT.displayName() + " is '"
                    + portText + "'; use 0 or a port number up to 65533 (the emulators take it and the next two)"));
        }
        Emulators.Builder builder = Emulators.builder().basePort(port);
        String dataDirectory = source.value(SettingCatalog.SANDBOX_TAXII_DATA_DIR);
        if (!dataDirectory.isEmpty()) {
            Path directory = Path.of(dataDirectory);
            if (!Files.isDirectory(directory)) {
                throw new InvalidSettingsException(java.util.List.of(SettingCatalog.SANDBOX_TAXII_DATA_DIR.displayName()
                        + " is '" + dataDirectory + "', which is not a folder; give a folder of STIX bundle files"));
            }
            builder.dataDirectory(directory);
        }
        return builder.start();
    }

    private static Map<String, String> readPropertiesFile() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(PROPERTIES_FILE)) {
            properties.load(in);
        } catch (IOException ex) {
            throw new InvalidSettingsException(java.util.List.of("Cannot read " + PROPERTIES_FILE.toAbsolutePath() + ": "
                    + ex.getMessage()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    // An invalid level is left for the settings check, which reports it with every other problem.
    private static void applyLogLevel(String levelName) {
        String name = levelName.trim().toUpperCase(Locale.ROOT);
        if (java.util.Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(name)
                && LoggerFactory.getLogger("io.intelsync") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.toLevel(name));
        }
    }

    private static <T extends Throwable> Optional<T> findCause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
