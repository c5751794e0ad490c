package io.intelsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares the indicators that the Defender emulator contains with the expected ones: by type and value,
 * and for each value the STIX id stored as {@code externalId}.
 */
public final class KeptSetCheck {

    private final int expectedCount;
    private final int actualCount;
    private final List<String> missing = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final List<String> wrongSource = new ArrayList<>();

    private KeptSetCheck(int expectedCount, int actualCount) {
        this.expectedCount = expectedCount;
        this.actualCount = actualCount;
    }

    /** Returns the key of a Defender indicator, {@code indicatorType|value}. */
    public static String key(String indicatorType, String value) {
        return indicatorType + "|" + value;
    }

    /**
     * Compares the indicators.
     *
     * @param expected {@code indicatorType|value} keys mapped to the expected {@code externalId}
     * @param defenderIndicators the indicators as the Defender emulator returns them
     */
    public static KeptSetCheck compare(Map<String, String> expected, List<ObjectNode> defenderIndicators) {
        Map<String, String> actual = new LinkedHashMap<>();
        for (ObjectNode indicator : defenderIndicators) {
            actual.put(key(indicator.path("indicatorType").asText(), indicator.path("indicatorValue").asText()),
                    indicator.path("externalId").asText());
        }
        KeptSetCheck check = new KeptSetCheck(expected.size(), defenderIndicators.size());
        expected.forEach((key, stixId) -> {
            String actualId = actual.get(key);
            if (actualId == null) {
                check.missing.add(key + " from " + stixId);
            } else if (!actualId.equals(stixId)) {
                check.wrongSource.add(key + " has externalId " + actualId + ", expected " + stixId);
            }
        });
        actual.forEach((key, stixId) -> {
            if (!expected.containsKey(key)) {
                check.unexpected.add(key + " from " + stixId);
            }
        });
        return check;
    }

    /** Returns whether Defender contains exactly the expected indicators, each from the expected STIX id. */
    public boolean passed() {
        return missing.isEmpty() && unexpected.isEmpty() && wrongSource.isEmpty() && expectedCount == actualCount;
    }

    public List<String> missing() {
        return missing;
    }

    public List<String> unexpected() {
        return unexpected;
    }

    public List<String> wrongSource() {
        return wrongSource;
    }

    /** Returns PASS or FAIL with the counts and the first {@code shown} differences of each kind. */
    public String summary(int shown) {
        StringBuilder text = new StringBuilder(passed() ? "PASS" : "FAIL")
                .append(": expected ").append(expectedCount).append(" Defender indicators, Defender contains ")
                .append(actualCount).append("; missing ").append(missing.size())
                .append(", unexpected ").append(unexpected.size())
                .append(", wrong externalId ").append(wrongSource.size());
        appendFirst(text, "missing", missing, shown);
        appendFirst(text, "unexpected", unexpected, shown);
        appendFirst(text, "wrong externalId", wrongSource, shown);
        return text.toString();
    }

    private static void appendFirst(StringBuilder text, String label, List<String> differences, int shown) {
        for (int i = 0; i < Math.min(shown, differences.size()); i++) {
            text.append(System.lineSeparator()).append("  ").append(label).append(": ").append(differences.get(i));
        }
    }
}
