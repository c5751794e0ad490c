package io.intelsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extracts every stix indicator pattern of every sandbox data file and compares the counts per
 * Defender type and per skip reason with the counts below, which were checked against the data.
 * Observables are counted per pattern, so one value in two patterns counts twice.
 */
class SandboxDataExtractionTest {

    private final PatternExtractor extractor = new PatternExtractor();

    /**
     * Expected counts per file.
     *
     * @param patterns stix indicator patterns in the file
     * @param types observables per Defender indicator type
     * @param reasons skips per skip reason label
     */
    private record Expected(int patterns, Map<String, Integer> types, Map<String, Integer> reasons) {
    }

    static Stream<Arguments> files() {
        return Stream.of(
                // Three of the URL patterns are versions of one indicator.
                Arguments.of("medallion-default_data.json",
                        new Expected(4, Map.of("FileSha256", 1, "Url", 3), Map.of())),
                Arguments.of("opencti-stream-event-stix2-indicators.json",
                        new Expected(2, Map.of("DomainName", 1, "FileSha256", 1), Map.of())),
                // 1,793 MD5 values, each counted once per pattern. The rest is file names, sizes and PE timestamps
                // (unsupported-property), registry keys and processes (unsupported-object-type) and one
                // disjunct "file:hashes.MD5 NOT = ..." (negation).
                Arguments.of("stix-elevator-Appendix_G_IOCs_Full.json",
                        new Expected(47, Map.of("FileMd5", 1793),
                                Map.of("unsupported-property", 109, "unsupported-object-type", 45, "negation", 1))),
                // Seven patterns OR an MD5, a SHA-1 and a SHA-256, six of them ANDed with file:name.
                Arguments.of("stix-elevator-issue-271.json",
                        new Expected(17, Map.of("DomainName", 6, "FileMd5", 7, "FileSha1", 7, "FileSha256", 7,
                                "IpAddress", 2, "Url", 2), Map.of())),
                // The second URL starts with an escaped quote.
                Arguments.of("stix-elevator-or-instead-of-list-as-string.json",
                        new Expected(1, Map.of("Url", 2), Map.of("invalid-url", 1))),
                Arguments.of("stix-elevator-taxii-regression-test-11.json",
                        new Expected(1, Map.of(), Map.of("observation-conjunction", 1))),
                // Four /15 ranges and two certificates identified by issuer and serial number.
                Arguments.of("stix2-json-schemas-apt1.json",
                        new Expected(12, Map.of("DomainName", 3, "FileMd5", 3),
                                Map.of("ip-range", 4, "unsupported-property", 2))),
                // 25 domain comparisons (one with a space) and 40 IPv4 values. Two patterns are on file names only.
                Arguments.of("stix2-json-schemas-poisonivy.json",
                        new Expected(25, Map.of("DomainName", 24, "IpAddress", 40),
                                Map.of("invalid-domain", 1, "unsupported-property", 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sandboxFileCounts(String fileName, Expected expected) {
        List<String> patterns = SandboxPatterns.stixPatterns(fileName);
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (String pattern : patterns) {
            PatternExtraction extraction = extractor.extract(pattern);
            extraction.observables().forEach(observable -> types.merge(observable.type().name(), 1, Integer::sum));
            extraction.skips().forEach(skip -> reasons.merge(skip.reason().label(), 1, Integer::sum));
        }

        assertThat(patterns).as("stix patterns").hasSize(expected.patterns());
        assertThat(types).as("observables per type").isEqualTo(expected.types());
        assertThat(reasons).as("skips per reason").isEqualTo(expected.reasons());
    }

    @Test
    void everySandboxFileCovered() {
        List<String> covered = files().map(arguments -> (String) arguments.get()[0]).toList();

        assertThat(SandboxPatterns.fileNames()).containsExactlyInAnyOrderElementsOf(covered);
    }
}
