package io.intelsync.mapping;

import java.util.Objects;

import io.intelsync.defender.IndicatorType;

/**
 * One value that a STIX pattern asks Defender to match, already normalised to the form Defender
 * expects (for example a lower-case domain or an IPv6 address with all eight groups).
 */
public record Observable(IndicatorType type, String value) {
    public Observable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
