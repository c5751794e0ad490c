package io.intelsync.sandbox.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import io.intelsync.sandbox.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxiiDataLoaderTest {

    private static final String INDICATOR = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2024-01-01T00:00:00Z",
             "modified":"2024-01-01T00:00:00Z","pattern":"[domain-name:value = 'example.com']","pattern_type":"stix",
             "valid_from":"2024-01-01T00:00:00Z"}""";

    private final MutableClock clock = MutableClock.startingAtNewYear2025();

    private static String indicator(int number) {
        return INDICATOR.formatted(UUID.nameUUIDFromBytes(("loader " + number).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void classpathLoadsIndexedFiles() throws Exception {
        try (TaxiiEmulator taxii = TaxiiEmulator.builder().clock(clock).start()) {
            List<CollectionSummary> collections = taxii.collections();

            assertThat(collections).hasSize(8);
            assertThat(collections.get(0).id()).isEqualTo("91a7b528-80eb-42ed-a74d-c6fbd5a26116");
            assertThat(collections.get(0).title()).isEqualTo("High Value Indicator Collection");
            assertThat(collections.get(0).objectCount()).isEqualTo(8);
            assertThat(collections.get(1).title()).isEqualTo("opencti-stream-event-stix2-indicators");
            assertThat(collections.get(1).alias()).isEqualTo("opencti-stream-event-stix2-indicators");
            assertThat(collections.get(1).objectCount()).isEqualTo(2);
            assertThat(collections.get(7).title()).isEqualTo("stix2-json-schemas-poisonivy");
            assertThat(collections.get(7).objectCount()).isEqualTo(155);
        }
    }

    @Test
    void directoryAcceptsEveryFormat(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("a-bundle.json"), "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + indicator(1) + "]}");
        Files.writeString(directory.resolve("b-array.json"), "[" + indicator(2) + "," + indicator(3) + "]");
        Files.writeString(directory.resolve("c-envelope.json"), "{\"more\":false,\"objects\":[" + indicator(4) + "]}");
        Files.writeString(directory.resolve("d-not-stix.json"), "{\"hello\":\"world\"}");
        Files.writeString(directory.resolve("e-broken.json"), "{not json");
        Files.writeString(directory.resolve("f-notes.txt"), "ignored, not .json");
        Files.copy(TaxiiDataLoaderTest.class.getResourceAsStream("/sandbox/taxii/medallion-default_data.json"),
                directory.resolve("g-medallion.json"));

        try (TaxiiEmulator taxii = TaxiiEmulator.builder().clock(clock).dataDirectory(directory).start()) {
            List<CollectionSummary> collections = taxii.collections();

            assertThat(collections).extracting(CollectionSummary::title)
                    .containsExactly("a-bundle", "b-array", "c-envelope", "High Value Indicator Collection");
            assertThat(collections).extracting(CollectionSummary::objectCount).containsExactly(1, 2, 1, 8);
            assertThat(collections.get(0).id())
                    .isEqualTo(UUID.nameUUIDFromBytes("a-bundle.json".getBytes(StandardCharsets.UTF_8)).toString());
        }
    }

    @Test
    void synthesisedDatesIncreaseInFileOrder(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("a.json"), "[" + indicator(1) + "," + indicator(2) + "]");
        Files.writeString(directory.resolve("b.json"), "[" + indicator(3) + "]");

        try (TaxiiEmulator taxii = TaxiiEmulator.builder().clock(clock).dataDirectory(directory).start()) {
            String first = taxii.collections().get(0).id();
            String second = taxii.collections().get(1).id();
            var firstResponse = io.intelsync.sandbox.TestHttp.get(taxii.objectsUrl(first));
            var secondResponse = io.intelsync.sandbox.TestHttp.get(taxii.objectsUrl(second));

            assertThat(firstResponse.headers().firstValue("X-TAXII-Date-Added-First")).contains("2025-01-01T00:00:00.000Z");
            assertThat(firstResponse.headers().firstValue("X-TAXII-Date-Added-Last")).contains("2025-01-01T00:00:00.001Z");
            assertThat(secondResponse.headers().firstValue("X-TAXII-Date-Added-First")).contains("2025-01-01T00:00:00.002Z");
        }
    }
}
