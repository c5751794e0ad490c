package io.intelsync.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.CollectionOverrides;
import io.intelsync.cycle.CollectionRead;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.mapping.PatternExtractor;
import io.intelsync.mapping.SkipReason;
import io.intelsync.stix.IndicatorReader;

class IndicatorIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mixedPageYieldsOnlyStixIndicators() throws Exception {
        JsonNode page = JSON.readTree("""
                [
                 {"type": "indicator", "id": "indicator--00000000-0000-4000-8000-000000000001",
                  "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
                  "pattern": "rule evil { condition: true }", "pattern_type": "yara", "valid_from": "2026-01-01T00:00:00Z"},
                 {"type": "indicator", "id": "indicator--00000000-0000-4000-8000-000000000002",
                  "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
                  "pattern": "alert tcp any any -> any 80 (msg:\\"x\\";)", "pattern_type": "snort",
                  "valid_from": "2026-01-01T00:00:00Z"},
                 {"type": "indicator", "id": "indicator--00000000-0000-4000-8000-000000000003",
                  "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
                  "pattern": "title: x", "pattern_type": "sigma", "valid_from": "2026-01-01T00:00:00Z"},
                 {"type": "url", "id": "url--00000000-0000-4000-8000-000000000004", "value": "https://evil.example/"},
                 {"type": "marking-definition", "id": "marking-definition--00000000-0000-4000-8000-000000000005",
                  "definition_type": "tlp", "definition": {"tlp": "green"}},
                 {"type": "indicator", "id": "indicator--00000000-0000-4000-8000-000000000006",
                  "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
                  "pattern": "[url:value = 'https://evil.example/a' OR domain-name:value = 'evil.example']",
                  "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z"}
                ]
                """);
        CollectionConfig collection = new CollectionConfig("c1", 0, CollectionOverrides.NONE);
        SyncCycle cycle = new SyncCycle("cycle", Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC),
                false, List.of(collection), 15000);
        CollectionRead read = cycle.startRead(collection, 10, java.time.Duration.ofMinutes(1), null);
        IndicatorIntake intake = new IndicatorIntake(new IndicatorReader(new PatternExtractor()));

        page.forEach(object -> intake.offer(object, cycle, read));

        assertThat(cycle.skipCounts()).isEqualTo(Map.of(SkipReason.PATTERN_TYPE_NOT_STIX, 3L));
        assertThat(cycle.selection().kept()).singleElement().satisfies(candidate -> {
            assertThat(candidate.stixId()).isEqualTo("indicator--00000000-0000-4000-8000-000000000006");
            assertThat(candidate.weight()).isEqualTo(2);
        });
        var report = cycle.finish();
        assertThat(report.objects()).isEqualTo(6);
        assertThat(report.indicators()).isEqualTo(4);
        assertThat(report.skipped()).isEqualTo(3);
    }
}
