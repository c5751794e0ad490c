package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small STIX 2.1 objects for TAXII emulator tests. */
final class StixSamples {

    private StixSamples() {
    }

    static String indicatorId(int number) {
        return "indicator--" + UUID.nameUUIDFromBytes(("indicator " + number).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode indicator(int number) {
        return indicator(number, "2024-01-01T00:00:00.000Z");
    }

    static ObjectNode indicator(int number, String modified) {
        return Json.object()
                .put("type", "indicator")
                .put("spec_version", "2.1")
                .put("id", indicatorId(number))
                .put("created", "2024-01-01T00:00:00.000Z")
                .put("modified", modified)
                .put("name", "Indicator " + number)
                .put("pattern", "[ipv4-addr:value = '198.51.100." + (number % 250) + "']")
                .put("pattern_type", "stix")
                .put("valid_from", "2024-01-01T00:00:00Z");
    }

    static ObjectNode malware(int number) {
        return Json.object()
                .put("type", "malware")
                .put("spec_version", "2.1")
                .put("id", "malware--" + UUID.nameUUIDFromBytes(("malware " + number).getBytes(StandardCharsets.UTF_8)))
                .put("created", "2024-01-01T00:00:00.000Z")
                .put("modified", "2024-01-01T00:00:00.000Z")
                .put("name", "Malware " + number)
                .put("is_family", false);
    }
}
