package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * One version of a STIX object in a collection, with the metadata a TAXII server keeps for it.
 *
 * @param sequence insertion order across the emulator, the tie-breaker for equal {@code dateAdded}
 * @param id the STIX id
 * @param type the STIX type
 * @param version {@code modified}, else {@code created}, else {@code dateAdded}
 * @param specVersion the object's {@code spec_version}, else the manifest media type's version,
 *     else {@code null}
 * @param dateAdded when the server added this version, the paging order
 * @param object the STIX object as served
 */
record TaxiiObject(
        long sequence,
        String id,
        String type,
        Instant version,
        String specVersion,
        Instant dateAdded,
        ObjectNode object) {

    /** Paging order: ascending {@code date_added}, then insertion order. */
    static final Comparator<TaxiiObject> PAGING_ORDER =
            Comparator.comparing(TaxiiObject::dateAdded).thenComparingLong(TaxiiObject::sequence);

    /**
     * Creates the stored form of a STIX object.
     *
     * @param manifestSpecVersion the spec version from a manifest media type, used when the object
     *     has no {@code spec_version}, or {@code null}
     * @throws IllegalArgumentException if the object has no string {@code id}, or if its
     *     {@code modified} or {@code created} is not an RFC 3339 timestamp
     */
    static TaxiiObject of(long sequence, ObjectNode object, Instant dateAdded, String manifestSpecVersion) {
        JsonNode idNode = object.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new IllegalArgumentException("STIX object has no string 'id': " + abbreviate(object));
        }
        String id = idNode.asText();
        String type = object.hasNonNull("type") ? object.get("type").asText() : id.split("--", 2)[0];
        String specVersion = object.hasNonNull("spec_version") ? object.get("spec_version").asText() : manifestSpecVersion;
        return new TaxiiObject(sequence, id, type, versionOf(object, dateAdded), specVersion, dateAdded, object);
    }

    /** Returns {@code modified}, else {@code created}, else {@code fallback}. */
    static Instant versionOf(JsonNode object, Instant fallback) {
        for (String field : new String[] {"modified", "created"}) {
            JsonNode value = object.get(field);
            if (value != null && value.isTextual()) {
                try {
                    return TaxiiTimestamps.parse(value.asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "STIX object " + object.path("id").asText() + " has an invalid '" + field + "': " + value.asText(), e);
                }
            }
        }
        return fallback;
    }

    private static String abbreviate(JsonNode object) {
        String text = object.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    /** Returns the STIX media type of this version, as manifest entries carry it. */
    String mediaType() {
        return "application/stix+json;version=" + (specVersion == null ? "2.1" : specVersion);
    }

    /** Returns whether this object sorts after the paging position ({@code dateAdded}, {@code sequence}). */
    boolean isAfter(Instant positionDateAdded, long positionSequence) {
        int byDate = dateAdded.compareTo(positionDateAdded);
        return byDate > 0 || (byDate == 0 && sequence > positionSequence);
    }
}
