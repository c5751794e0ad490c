package io.intelsync.stix;

import java.time.Instant;
import java.util.Objects;

/**
 * The parts of a STIX 2.1 indicator that the service uses after reading it. The pattern itself is not kept:
 * its observables are extracted when the object is read, so that large patterns do not stay in memory.
 *
 * @param id the STIX id, {@code indicator--<uuid>}
 * @param modified the version's {@code modified} time
 * @param name the {@code name}, or null
 * @param description the {@code description}, or null
 * @param validUntil the {@code valid_until} time, or null when the indicator does not expire
 * @param confidence the {@code confidence} from 0 to 100, or null
 * @param openCti what OpenCTI added, or {@link OpenCtiAttributes#NONE}
 */
public record StixIndicator(String id, Instant modified, String name, String description, Instant validUntil,
        Integer confidence, OpenCtiAttributes openCti) {

    public StixIndicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(openCti, "openCti");
    }

    /** Returns the id that Defender stores as {@code externalId}: OpenCTI's internal id, else the STIX id. */
    public String externalId() {
        return openCti.internalId() != null ? openCti.internalId() : id;
    }
}
