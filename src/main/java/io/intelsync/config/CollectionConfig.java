package io.intelsync.config;

import java.util.Objects;

/**
 * One configured TAXII collection.
 *
 * @param id the collection id on the TAXII server
 * @param rank the position in the configured order, 0 being the highest priority
 * @param overrides the settings that apply to this collection only
 */
public record CollectionConfig(String id, int rank, CollectionOverrides overrides) {
    public CollectionConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(overrides, "overrides");
    }
}
