package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One object of a synthetic collection, with the outcome that a correct client must produce from it.
 * The STIX object is written from these fields, so a test can compute the expected outcome without
 * parsing the served JSON.
 *
 * @param index the position in the collection, from 0
 * @param id the STIX id
 * @param type the STIX type
 * @param created the {@code created} time
 * @param modified the {@code modified} time
 * @param dateAdded the TAXII {@code date_added}, the paging order
 * @param kind how a correct client treats the object
 * @param patternType the {@code pattern_type} of an indicator, or null
 * @param pattern the STIX pattern of an indicator, or null
 * @param validUntil the {@code valid_until} time, or null
 * @param score the OpenCTI score from 0 to 100, or null for an object that is not an indicator
 * @param defenderIndicators the Defender indicators that a client must send for an indicator of kind
 *     {@link Kind#INDICATOR}, in pattern order; empty for every other kind
 */
public record SyntheticObject(
        long index,
        String id,
        String type,
        Instant created,
        Instant modified,
        Instant dateAdded,
        Kind kind,
        String patternType,
        String pattern,
        Instant validUntil,
        Integer score,
        List<DefenderValue> defenderIndicators) {

    /** The property extension in which OpenCTI exports its score and detection flag. */
    static final String OPENCTI_EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    /** The treatment that a correct client gives a synthetic object. */
    public enum Kind {
        /** Not an indicator (malware, identity or attack pattern): ignored and not counted as an indicator. */
        OTHER_TYPE,
        /** An indicator that yields 1 to 3 Defender indicators: a candidate for the selection. */
        INDICATOR,
        /** A revoked indicator: skipped. */
        REVOKED,
        /** An indicator whose {@code pattern_type} is not {@code stix}: skipped. */
        OTHER_PATTERN_TYPE,
        /** An OpenCTI indicator marked as not for detection: skipped. */
        NOT_FOR_DETECTION,
        /** An indicator whose {@code valid_until} has passed: skipped. */
        EXPIRED,
        /** An indicator whose only value is a private IPv4 address: skipped. */
        NON_PUBLIC_ADDRESS
    }

    /**
     * A Defender indicator as a client must send it.
     *
     * @param indicatorType Defender's {@code indicatorType}: {@code IpAddress}, {@code DomainName} or
     *     {@code FileSha256}
     * @param value the normalised {@code indicatorValue}
     */
    public record DefenderValue(String indicatorType, String value) {
    }

    public SyntheticObject {
        Objects.requireNonNull(id, "id");
        defenderIndicators = List.copyOf(defenderIndicators);
    }

    /** Returns whether the object is a STIX indicator, whatever its kind. */
    public boolean isIndicator() {
        return kind != Kind.OTHER_TYPE;
    }

    /** Returns the number of Defender indicators the object yields, its weight against the budget. */
    public int weight() {
        return defenderIndicators.size();
    }

    /** Writes the STIX 2.1 object as the TAXII emulator serves it. */
    public ObjectNode toJson() {
        ObjectNode object = Json.object()
                .put("type", type)
                .put("spec_version", "2.1")
                .put("id", id)
                .put("created", created.toString())
                .put("modified", modified.toString());

        if (kind == Kind.OTHER_TYPE) {
            object.put("name", "Synthetic " + type + " " + index);
            if (type.equals("malware")) {
                object.put("is_family", false);
            }
            if (type.equals("identity")) {
                object.put("identity_class", "organization");
            }
            return object;
        }

        object.put("name", "Synthetic indicator " + index)
                .put("description", "Indicator " + index + " of a synthetic collection generated for tests and benchmarks")
                .put("pattern", pattern)
                .put("pattern_type", patternType)
                .put("valid_from", created.toString());
        if (patternType.equals("stix")) {
            object.put("pattern_version", "2.1");
        }
        if (validUntil != null) {
            object.put("valid_until", validUntil.toString());
        }
        if (kind == Kind.REVOKED) {
            object.put("revoked", true);
        }

        object.putArray("labels").add("malicious-activity");
        object.put("confidence", score);
        ArrayNode markings = object.putArray("object_marking_refs");
        markings.add("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
        ObjectNode extension = object.putObject("extensions").putObject(OPENCTI_EXTENSION);
        extension.put("extension_type", "property-extension")
                .put("score", score)
                .put("detection", kind != Kind.NOT_FOR_DETECTION);
        if (!defenderIndicators.isEmpty()) {
            extension.put("main_observable_type", mainObservableType(defenderIndicators.get(0).indicatorType()));
        }
        return object;
    }

    private static String mainObservableType(String indicatorType) {
        return switch (indicatorType) {
            case "IpAddress" -> "IPv4-Addr";
            case "DomainName" -> "Domain-Name";
            default -> "StixFile";
        };
    }
}
