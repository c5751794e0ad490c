package io.intelsync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.intelsync.SyncService;
import io.intelsync.cycle.CycleReport;
import io.intelsync.defender.DefenderRateLimits;
import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.taxii.CollectionSummary;
import io.intelsync.sandbox.taxii.TaxiiPersonality;

/**
 * Starts the emulators with the built-in STIX samples and the real service (routes from {@code routes/},
 * {@code application.properties}) pointed at them, with the schedule off so that tests run cycles one by one.
 */
final class SandboxHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Emulators emulators;
    final Path dataDirectory;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Clock clock;
    private final DefenderRateLimits.Sleeper sleeper;
    private SyncService service;

    SandboxHarness(Path dataDirectory) throws IOException {
        this(dataDirectory, TaxiiPersonality.OPENCTI);
    }

    /** Starts the emulators with the given TAXII personality; medallion's is reached with HTTP Basic. */
    SandboxHarness(Path dataDirectory, TaxiiPersonality personality) throws IOException {
        this(dataDirectory, personality, Clock.systemUTC(), DefenderRateLimits.threadSleeper());
    }

    /**
     * Starts the emulators and the service on a shared clock. With a {@link io.intelsync.sandbox.MutableClock}
     * and a sleeper that advances it, rate limits pace a cycle in simulated time.
     */
    SandboxHarness(Path dataDirectory, TaxiiPersonality personality, Clock clock, DefenderRateLimits.Sleeper sleeper)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.sleeper = sleeper;
        this.emulators = Emulators.builder().taxiiPersonality(personality).clock(clock).start();
        overrides.put("taxii.api-root", emulators.taxiiApiRootUrl());
        overrides.put("taxii.auth", "bearer");
        overrides.put("taxii.token", Emulators.TAXII_TOKEN);
        overrides.put("taxii.collections", emulators.taxii().collections().stream().map(CollectionSummary::id)
                .collect(Collectors.joining(",")));
        overrides.put("defender.base-url", emulators.defenderBaseUrl());
        overrides.put("defender.login-url", emulators.entraLoginBaseUrl());
        overrides.put("defender.tenant-id", Emulators.TENANT_ID);
        overrides.put("defender.client-id", Emulators.CLIENT_ID);
        overrides.put("defender.client-secret", Emulators.CLIENT_SECRET);
        overrides.put("sync.data-dir", dataDirectory.toString());
        overrides.put("sync.schedule-enabled", "false");
        overrides.put("retry.initial-delay", "20");
        overrides.put("retry.max-redeliveries", "2");
        if (personality == TaxiiPersonality.MEDALLION) {
            overrides.put("taxii.auth", "basic");
            overrides.put("taxii.username", Emulators.TAXII_USERNAME);
            overrides.put("taxii.password", Emulators.TAXII_PASSWORD);
        }
    }

    /** Sets a property of the service; call before {@link #start}. */
    SandboxHarness with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    SandboxHarness start() throws Exception {
        service = new SyncService(Map.of(), overrides, clock, sleeper);
        service.start();
        return this;
    }

    CycleReport runCycle() {
        return service.runCycle();
    }

    /** Runs one dead-letter replay. */
    io.intelsync.deadletter.ReplayReport replayDeadLetters() {
        return service.replayDeadLetters();
    }

    /** Makes the next cycle read every collection in full. */
    void requestFullRead() {
        service.requestFullRead();
    }

    /** Stops the service and starts a new one with the same settings and data folder, as a restart would. */
    void restart() throws Exception {
        service.close();
        start();
    }

    /** Returns the id of the emulator collection made from the sample file with this base name. */
    String collectionId(String alias) {
        return emulators.taxii().collections().stream().filter(c -> alias.equals(c.alias())).map(CollectionSummary::id)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No sample collection " + alias));
    }

    /**
     * Creates a collection of {@code count} indicators, each naming one domain {@code d<i>.<suffix>}, added in
     * order, and returns its id.
     */
    String createIndicatorCollection(String title, int count, String suffix) {
        String id = emulators.taxii().createCollection(title);
        for (int i = 0; i < count; i++) {
            addDomainIndicator(id, i, "d" + i + "." + suffix);
        }
        return id;
    }

    /** Adds an indicator for one domain to a collection and returns its STIX id. */
    String addDomainIndicator(String collectionId, int number, String domain) {
        return addDomainIndicator(collectionId, number, domain, null, 0);
    }

    /**
     * Adds a version of an indicator for one domain, with an OpenCTI score when {@code score} is not null; a
     * higher {@code version} gives a later {@code modified}. Returns its STIX id.
     */
    String addDomainIndicator(String collectionId, int number, String domain, Integer score, int version) {
        String id = String.format("indicator--%08x-0000-4000-8000-%012x", Math.abs(collectionId.hashCode()), number);
        ObjectNode indicator = JSON.createObjectNode().put("type", "indicator").put("spec_version", "2.1")
                .put("id", id)
                .put("created", "2026-01-01T00:00:00.000Z")
                .put("modified", java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number)
                        .plus(java.time.Duration.ofDays(version)).toString())
                .put("name", domain).put("pattern", "[domain-name:value = '" + domain + "']").put("pattern_type", "stix")
                .put("valid_from", "2026-01-01T00:00:00Z");
        if (score != null) {
            indicator.putObject("extensions").putObject(io.intelsync.stix.IndicatorReader.OPENCTI_EXTENSION)
                    .put("extension_type", "property-extension").put("id", "octi-" + number).put("score", score)
                    .put("detection", true);
        }
        emulators.taxii().addObject(collectionId, indicator);
        return id;
    }

    /** Returns the service's Camel context. */
    org.apache.camel.CamelContext camelContext() {
        return service.camelContext();
    }

    /** Returns the objects requests that the TAXII emulator received for a collection. */
    List<io.intelsync.sandbox.http.RecordedRequest> objectsRequests(String collectionId) {
        return emulators.taxii().requests().stream()
                .filter(r -> r.path().contains("/collections/" + collectionId + "/objects")).toList();
    }

    /** Returns the indicators the Defender emulator holds. */
    List<ObjectNode> defenderIndicators() {
        return emulators.defender().indicators();
    }

    /** Returns the Defender indicator with this value, if held. */
    java.util.Optional<ObjectNode> defenderIndicator(String value) {
        return defenderIndicators().stream().filter(i -> value.equalsIgnoreCase(i.path("indicatorValue").asText()))
                .findFirst();
    }

    /** Returns the lines of the dead-letter files, parsed, oldest file first. */
    List<JsonNode> deadLetters() {
        try (java.util.stream.Stream<Path> files = Files.list(dataDirectory)) {
            List<String> lines = new java.util.ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("dead-letter-.*\\.jsonl")).sorted()
                    .toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines.stream().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        emulators.close();
    }
}
