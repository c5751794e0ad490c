package io.intelsync.stix;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.intelsync.mapping.PatternExtraction;
import io.intelsync.mapping.PatternExtractor;
import io.intelsync.mapping.SkipReason;

/**
 * Reads a STIX object from a TAXII envelope and decides whether it can become Defender indicators. Only
 * {@code indicator} objects with the {@code stix} pattern type reach the pattern extractor. Revoked
 * indicators, indicators whose {@code valid_until} has passed and OpenCTI indicators marked as not for
 * detection are skipped, so that Defender indicators made from them earlier are deleted.
 */
public final class IndicatorReader {

    // A STIX identifier: the object type, two dashes and an RFC 4122 UUID.
    private static final java.util.regex.Pattern STIX_ID = java.util.regex.Pattern.compile(
            "indicator--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The property extension in which OpenCTI exports its own attributes. */
    public static final String OPENCTI_EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    private static final int MAX_DETAIL_LENGTH = 200;
    private static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofDays(1);

    private final PatternExtractor extractor;

    public IndicatorReader(PatternExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Reads one object.
     *
     * @param object the STIX object as a JSON tree
     * @param now the time against which {@code valid_until} and the pattern's STOP time are compared
     */
    public IndicatorReading read(JsonNode object, Instant now) {
        String type = text(object, "type");
        if (!"indicator".equals(type)) {
            return new IndicatorReading.NotIndicator(type);
        }
        String id = text(object, "id");
        Instant modified = StixTimestamps.parse(text(object, "modified")).orElse(null);
        if (id == null || !STIX_ID.matcher(id).matches()) {
            return new IndicatorReading.Skipped(null, null, SkipReason.INVALID_OBJECT,
                    "missing or invalid id (expected indicator--<UUID>): " + (id == null ? null : abbreviate(id)));
        }
        if (modified == null) {
            return new IndicatorReading.Skipped(id, null, SkipReason.INVALID_OBJECT,
                    "missing or invalid modified: " + text(object, "modified"));
        }
        if (modified.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            // A version dated in the future would stay the newest for years and could not be replaced.
            return new IndicatorReading.Skipped(id, null, SkipReason.INVALID_OBJECT,
                    "modified " + text(object, "modified") + " is in the future");
        }
        // STIX 2.0 indicators have no pattern_type and always carry STIX patterns.
        String patternType = Optional.ofNullable(text(object, "pattern_type")).orElse("stix");
        if (!patternType.trim().toLowerCase(Locale.ROOT).equals("stix")) {
            return new IndicatorReading.Skipped(id, modified, SkipReason.PATTERN_TYPE_NOT_STIX,
                    "pattern_type " + abbreviate(patternType));
        }
        JsonNode revoked = object.path("revoked");
        if (!revoked.isMissingNode() && !revoked.isNull() && !revoked.isBoolean()) {
            return new IndicatorReading.Skipped(id, modified, SkipReason.INVALID_OBJECT,
                    "revoked is " + abbreviate(revoked.toString()) + ", not true or false");
        }
        if (revoked.asBoolean(false)) {
            return new IndicatorReading.Skipped(id, modified, SkipReason.REVOKED, "revoked");
        }
        Instant validUntil = null;
        String validUntilText = text(object, "valid_until");
        if (validUntilText != null) {
            validUntil = StixTimestamps.parse(validUntilText).orElse(null);
            if (validUntil == null) {
                return new IndicatorReading.Skipped(id, modified, SkipReason.INVALID_OBJECT,
                        "invalid valid_until: " + abbreviate(validUntilText));
            }
            if (!validUntil.isAfter(now)) {
                return new IndicatorReading.Skipped(id, modified, SkipReason.EXPIRED, "valid_until " + validUntilText);
            }
        }
        OpenCtiAttributes openCti = openCtiAttributes(object);
        if (Boolean.FALSE.equals(openCti.detection())) {
            return new IndicatorReading.Skipped(id, modified, SkipReason.NOT_FOR_DETECTION, "OpenCTI detection false");
        }
        String pattern = text(object, "pattern");
        if (pattern == null || pattern.isBlank()) {
            return new IndicatorReading.Skipped(id, modified, SkipReason.INVALID_OBJECT, "missing pattern");
        }
        PatternExtraction extraction = extractor.extract(pattern);
        if (extraction.observables().isEmpty()) {
            PatternExtraction.Skip first = extraction.skips().isEmpty()
                    ? new PatternExtraction.Skip(SkipReason.NO_SUPPORTED_COMPARISON, "no comparison")
                    : extraction.skips().get(0);
            SkipReason reason = first.reason() == SkipReason.PATTERN_SYNTAX ? SkipReason.PATTERN_SYNTAX
                    : extraction.skips().size() == 1 ? first.reason() : SkipReason.NO_SUPPORTED_COMPARISON;
            return new IndicatorReading.Skipped(id, modified, reason, abbreviate(first.detail()));
        }
        if (extraction.windowStop() != null && !extraction.windowStop().isAfter(now)) {
            return new IndicatorReading.Skipped(id, modified, SkipReason.EXPIRED,
                    "pattern STOP time " + extraction.windowStop());
        }
        StixIndicator indicator = new StixIndicator(id, modified, text(object, "name"), text(object, "description"),
                validUntil, integer(object.get("confidence")), openCti);
        return new IndicatorReading.Accepted(indicator, extraction.observables(), extraction.skips(),
                extraction.windowStop());
    }

    /** Returns whether the object declares a {@code spec_version} other than 2.1; such objects are still read. */
    public static boolean hasUnexpectedSpecVersion(JsonNode object) {
        JsonNode specVersion = object.get("spec_version");
        return specVersion != null && !"2.1".equals(specVersion.asText());
    }

    private static OpenCtiAttributes openCtiAttributes(JsonNode object) {
        JsonNode extension = object.path("extensions").path(OPENCTI_EXTENSION);
        String internalId = firstText(extension.get("id"), object.get("x_opencti_id"));
        Integer score = integer(extension.get("score"));
        if (score == null) {
            score = integer(object.get("x_opencti_score"));
        }
        Boolean detection = bool(extension.get("detection"));
        if (detection == null) {
            detection = bool(object.get("x_opencti_detection"));
        }
        String mainType = firstText(extension.get("main_observable_type"), object.get("x_opencti_main_observable_type"));
        if (internalId == null && score == null && detection == null && mainType == null) {
            return OpenCtiAttributes.NONE;
        }
        return new OpenCtiAttributes(internalId, score, detection, mainType);
    }

    private static String firstText(JsonNode first, JsonNode second) {
        if (first != null && first.isValueNode() && !first.isNull() && !first.asText().isBlank()) {
            return first.asText();
        }
        if (second != null && second.isValueNode() && !second.isNull() && !second.asText().isBlank()) {
            return second.asText();
        }
        return null;
    }

    private static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.intValue();
        }
        try {
            return Integer.valueOf(node.asText().trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText().trim().toLowerCase(Locale.ROOT);
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }

    private static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
