package io.intelsync;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

import io.intelsync.config.SyncConfiguration;
import io.intelsync.cycle.CycleReport;
import io.intelsync.cycle.SyncCycles;

/**
 * The service: Camel Main with {@code application.properties} and the routes in {@code routes/}, both read
 * from the working directory, and the beans of {@link SyncConfiguration}.
 */
public final class SyncService implements AutoCloseable {

    /** The properties file, relative to the working directory. */
    public static final String PROPERTIES_LOCATION = "file:application.properties";

    private final Main main;
    private final SyncConfiguration configuration;

    /**
     * @param environment the process environment ({@link System#getenv()} outside tests)
     * @param overrideProperties properties that replace those of the file, for example from the sandbox
     * @param clock the clock of cycles and dead-letter times
     */
    public SyncService(Map<String, String> environment, Map<String, String> overrideProperties, Clock clock) {
        this(environment, overrideProperties, clock, io.intelsync.defender.DefenderRateLimits.threadSleeper());
    }

    /**
     * @param environment the process environment ({@link System#getenv()} outside tests)
     * @param overrideProperties properties that replace those of the file, for example from the sandbox
     * @param clock the clock of cycles, rate limits and dead-letter times
     * @param sleeper how the rate limits wait; tests advance their clock instead
     */
    public SyncService(Map<String, String> environment, Map<String, String> overrideProperties, Clock clock,
            io.intelsync.defender.DefenderRateLimits.Sleeper sleeper) {
        this.configuration = new SyncConfiguration(environment, clock, sleeper);
        this.main = new Main();
        main.setDefaultPropertyPlaceholderLocation(PROPERTIES_LOCATION);
        main.configure().addConfiguration(configuration);
        Objects.requireNonNull(overrideProperties, "overrideProperties").forEach(main::addOverrideProperty);
    }

    /**
     * Starts Camel and the routes; with the schedule enabled, the first cycle starts at once.
     *
     * @throws InvalidSettingsException when {@code routes/} lacks the route that runs a cycle
     */
    public void start() throws Exception {
        main.start();
        requireCycleRoute();
    }

    private void requireCycleRoute() {
        if (main.getCamelContext() != null && main.getCamelContext().getRoute("sync-cycle") == null) {
            main.stop();
            throw new io.intelsync.config.InvalidSettingsException(java.util.List.of("The routes in routes/*.camel.yaml "
                    + "have no route with id sync-cycle, so no cycle can run; restore the route files of the release"));
        }
    }

    /** Runs one cycle in the calling thread and returns its report. */
    public CycleReport runCycle() {
        send("direct:sync-cycle");
        return main.getCamelContext().getRegistry().lookupByNameAndType("syncCycles", SyncCycles.class).lastReport();
    }

    /**
     * Runs one dead-letter replay in the calling thread (route {@code dead-letter-replay}) and returns its
     * report.
     */
    public io.intelsync.deadletter.ReplayReport replayDeadLetters() {
        CamelContext context = main.getCamelContext();
        if (context.getRoute("dead-letter-replay") == null) {
            throw new io.intelsync.config.InvalidSettingsException(java.util.List.of("The routes in routes/*.camel.yaml "
                    + "have no route with id dead-letter-replay; restore the route files of the release"));
        }
        send("direct:dead-letter-replay");
        return context.getRegistry().lookupByNameAndType("deadLetterReplay",
                io.intelsync.deadletter.DeadLetterReplay.class).lastReport();
    }

    // Sends an empty message to a route and waits until it has run.
    private void send(String uri) {
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            template.sendBody(uri, null);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Runs the service until the process is asked to stop, then stops Camel. */
    public void runUntilStopped() throws Exception {
        start();
        // run() finds Camel started and waits for the shutdown signal.
        main.run();
    }

    /** Returns the Camel context, once started. */
    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** Makes the next cycle read every collection in full, as the JMX operation does. */
    public void requestFullRead() {
        main.getCamelContext().getRegistry().lookupByNameAndType("syncState", io.intelsync.state.SyncState.class)
                .requestFullRead();
    }

    @Override
    public void close() {
        CamelContext context = main.getCamelContext();
        io.intelsync.cycle.SyncControl control = context == null ? null
                : context.getRegistry().lookupByNameAndType("syncControl", io.intelsync.cycle.SyncControl.class);
        main.stop();
        if (control != null) {
            control.unregister();
        }
    }
}
