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
import io.intelsync.sandbox.Emulators;
import io.intelsync.sandbox.taxii.CollectionSummary;

/**
 * Starts the emulators with the built-in STIX samples and the real service (routes from {@code routes/},
 * {@code application.properties}) pointed at them, with the schedule off so that tests run cycles one by one.
 */
final class SandboxHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Emulators emulators;
    final Path dataDirectory;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private SyncService service;

    SandboxHarness(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        this.emulators = Emulators.builder().start();
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
        overrides.put("camel.main.routes-reload-enabled", "false");
        overrides.put("retry.initial-delay", "20");
        overrides.put("retry.max-redeliveries", "2");
    }

    /** Sets a property of the service; call before {@link #start}. */
    SandboxHarness with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    SandboxHarness start() throws Exception {
        service = new SyncService(Map.of(), overrides, Clock.systemUTC());
        service.start();
        return this;
    }

    CycleReport runCycle() {
        return service.runCycle();
    }

    /** Returns the id of the emulator collection made from the sample file with this base name. */
    String collectionId(String alias) {
        return emulators.taxii().collections().stream().filter(c -> alias.equals(c.alias())).map(CollectionSummary::id)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No sample collection " + alias));
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

    /** Returns the lines of the dead-letter file, parsed. */
    List<JsonNode> deadLetters() {
        Path file = dataDirectory.resolve("dead-letter.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(line -> {
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
