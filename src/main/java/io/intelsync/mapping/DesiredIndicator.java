package io.intelsync.mapping;

import java.util.Objects;

import io.intelsync.defender.DefenderIndicator;

/**
 * A Defender indicator that the current feed requests, with the STIX object and collection it comes from.
 *
 * @param indicator the indicator to hold in Defender
 * @param stixId the id of the STIX indicator it was made from
 * @param collectionId the collection that STIX indicator was read from
 */
public record DesiredIndicator(DefenderIndicator indicator, String stixId, String collectionId) {
    public DesiredIndicator {
        Objects.requireNonNull(indicator, "indicator");
    }
}
