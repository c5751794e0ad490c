package io.intelsync.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.intelsync.defender.IndicatorType;
import io.intelsync.mapping.Observable;
import io.intelsync.mapping.PatternExtractor;
import io.intelsync.mapping.SkipReason;

class IndicatorReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final IndicatorReader reader = new IndicatorReader(new PatternExtractor());

    private static ObjectNode indicator(String pattern) {
        return JSON.createObjectNode().put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--0a1b2c3d-0000-4000-8000-000000000001")
                .put("created", "2026-01-01T00:00:00.000Z").put("modified", "2026-02-01T00:00:00.000Z")
                .put("name", "Bad domain").put("pattern", pattern).put("pattern_type", "stix")
                .put("valid_from", "2026-01-01T00:00:00Z");
    }

    private IndicatorReading read(JsonNode object) {
        return reader.read(object, NOW);
    }

    @Test
    void acceptsStixIndicator() {
        IndicatorReading reading = read(indicator("[domain-name:value = 'Evil.Example.com']"));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Accepted.class, accepted -> {
            assertThat(accepted.observables()).containsExactly(new Observable(IndicatorType.DomainName, "evil.example.com"));
            assertThat(accepted.indicator().modified()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
            assertThat(accepted.indicator().name()).isEqualTo("Bad domain");
            assertThat(accepted.indicator().externalId()).isEqualTo("indicator--0a1b2c3d-0000-4000-8000-000000000001");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"yara", "snort", "sigma", "suricata", "pcre", "openioc"})
    void otherPatternTypesAreSkipped(String patternType) {
        ObjectNode object = indicator("rule x { condition: true }").put("pattern_type", patternType);
        assertThat(read(object)).isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.PATTERN_TYPE_NOT_STIX));
    }

    @Test
    void patternTypeIsCaseInsensitive() {
        assertThat(read(indicator("[ipv4-addr:value = '198.51.99.7']").put("pattern_type", "STIX")))
                .isInstanceOf(IndicatorReading.Accepted.class);
    }

    @Test
    void missingPatternTypeMeansStix() {
        ObjectNode object = indicator("[ipv4-addr:value = '198.51.99.7']");
        object.remove("pattern_type");
        object.put("spec_version", "2.0");
        assertThat(read(object)).isInstanceOf(IndicatorReading.Accepted.class);
        assertThat(IndicatorReader.hasUnexpectedSpecVersion(object)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "marking-definition", "malware", "relationship"})
    void otherObjectTypesAreIgnored(String type) {
        ObjectNode object = JSON.createObjectNode().put("type", type).put("id", type + "--1").put("value", "x");
        assertThat(read(object)).isInstanceOf(IndicatorReading.NotIndicator.class);
    }

    @Test
    void idWithoutUuidIsInvalid() {
        assertThat(read(indicator("[domain-name:value = 'a.example.com']").put("id", "indicator--abc\nFAKE LINE")))
                .isInstanceOfSatisfying(IndicatorReading.Skipped.class, skipped ->
                        assertThat(skipped.reason()).isEqualTo(SkipReason.INVALID_OBJECT));
    }

    @Test
    void revokedThatIsNotBooleanIsInvalid() {
        assertThat(read(indicator("[domain-name:value = 'a.example.com']").put("revoked", "yes")))
                .isInstanceOfSatisfying(IndicatorReading.Skipped.class, skipped ->
                        assertThat(skipped.reason()).isEqualTo(SkipReason.INVALID_OBJECT));
    }

    @Test
    void revokedIsSkippedAndWithdraws() {
        IndicatorReading reading = read(indicator("[domain-name:value = 'a.example.com']").put("revoked", true));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Skipped.class, skipped -> {
            assertThat(skipped.reason()).isEqualTo(SkipReason.REVOKED);
            assertThat(skipped.withdrawsIndicator()).isTrue();
        });
    }

    @Test
    void expiredIsSkipped() {
        IndicatorReading reading = read(indicator("[domain-name:value = 'a.example.com']")
                .put("valid_until", "2026-05-31T23:59:59Z"));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.EXPIRED));
    }

    @Test
    void futureValidUntilIsKept() {
        IndicatorReading reading = read(indicator("[domain-name:value = 'a.example.com']")
                .put("valid_until", "9999-12-31T00:01:00.000000Z"));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Accepted.class, accepted -> assertThat(
                accepted.indicator().validUntil()).isEqualTo(Instant.parse("9999-12-31T00:01:00Z")));
    }

    @Test
    void readsOpenCtiExtension() {
        ObjectNode object = indicator("[domain-name:value = 'a.example.com']");
        object.putObject("extensions").putObject(IndicatorReader.OPENCTI_EXTENSION)
                .put("id", "cee1aad9-81a9-4e38-a829-a06b56b29338").put("score", 75).put("detection", true)
                .put("main_observable_type", "Domain-Name");
        assertThat(read(object)).isInstanceOfSatisfying(IndicatorReading.Accepted.class, accepted -> {
            OpenCtiAttributes openCti = accepted.indicator().openCti();
            assertThat(openCti.internalId()).isEqualTo("cee1aad9-81a9-4e38-a829-a06b56b29338");
            assertThat(openCti.score()).isEqualTo(75);
            assertThat(openCti.detection()).isTrue();
            assertThat(openCti.mainObservableType()).isEqualTo("Domain-Name");
            assertThat(accepted.indicator().externalId()).isEqualTo("cee1aad9-81a9-4e38-a829-a06b56b29338");
        });
    }

    @Test
    void readsOlderOpenCtiProperties() {
        ObjectNode object = indicator("[domain-name:value = 'a.example.com']").put("x_opencti_id", "legacy-id")
                .put("x_opencti_score", "45").put("x_opencti_detection", true);
        assertThat(read(object)).isInstanceOfSatisfying(IndicatorReading.Accepted.class, accepted -> {
            assertThat(accepted.indicator().openCti().internalId()).isEqualTo("legacy-id");
            assertThat(accepted.indicator().openCti().score()).isEqualTo(45);
        });
    }

    @Test
    void notForDetectionIsSkipped() {
        ObjectNode object = indicator("[domain-name:value = 'a.example.com']");
        object.putObject("extensions").putObject(IndicatorReader.OPENCTI_EXTENSION).put("detection", false);
        assertThat(read(object)).isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.NOT_FOR_DETECTION));
        ObjectNode legacy = indicator("[domain-name:value = 'a.example.com']").put("x_opencti_detection", false);
        assertThat(read(legacy)).isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.NOT_FOR_DETECTION));
    }

    @Test
    void malformedPatternIsSkippedWithPosition() {
        IndicatorReading reading = read(indicator("[domain-name:value = 'unterminated]"));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Skipped.class, skipped -> {
            assertThat(skipped.reason()).isEqualTo(SkipReason.PATTERN_SYNTAX);
            assertThat(skipped.detail()).contains("position");
            assertThat(skipped.stixId()).isEqualTo("indicator--0a1b2c3d-0000-4000-8000-000000000001");
        });
    }

    @Test
    void invalidModifiedIsSkipped() {
        assertThat(read(indicator("[domain-name:value = 'a.example.com']").put("modified", "yesterday")))
                .isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                        skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.INVALID_OBJECT));
    }

    @Test
    void futureModifiedIsInvalid() {
        assertThat(read(indicator("[domain-name:value = 'a.example.com']").put("modified", "+99999-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                        skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.INVALID_OBJECT));
        assertThat(read(indicator("[domain-name:value = 'a.example.com']").put("modified", "2026-06-03T00:00:00Z")))
                .isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                        skipped -> assertThat(skipped.detail()).contains("in the future"));
    }

    @Test
    void pastStopTimeIsSkipped() {
        IndicatorReading reading = read(indicator(
                "[domain-name:value = 'a.example.com'] START t'2025-01-01T00:00:00Z' STOP t'2025-02-01T00:00:00Z'"));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.EXPIRED));
    }

    @Test
    void futureStopTimeIsKept() {
        IndicatorReading reading = read(indicator(
                "[domain-name:value = 'a.example.com'] START t'2026-01-01T00:00:00Z' STOP t'2026-07-01T00:00:00Z'"));
        assertThat(reading).isInstanceOfSatisfying(IndicatorReading.Accepted.class, accepted -> assertThat(
                accepted.windowStop()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z")));
    }
}
