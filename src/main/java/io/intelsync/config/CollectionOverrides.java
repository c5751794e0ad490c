package io.intelsync.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.intelsync.defender.IndicatorAction;

/**
 * Settings of one collection that replace the global ones for the indicators read from it.
 *
 * @param action the action for its indicators, or empty for the global action
 * @param expireDays the indicator lifetime in days, or empty for the global one
 * @param maxIndicators the most Defender indicators this collection may contribute, or empty for no own limit
 * @param rbacGroupNames Defender device groups the indicators apply to, or empty for the global groups
 * @param recommendedActions text for Defender's recommendedActions field, or empty for the global text
 * @param educateUrl URL shown to users when a URL indicator blocks or warns, or empty for the global URL
 */
public record CollectionOverrides(Optional<IndicatorAction> action, OptionalInt expireDays, OptionalInt maxIndicators,
        List<String> rbacGroupNames, Optional<String> recommendedActions, Optional<String> educateUrl) {

    /** Overrides that change nothing. */
    public static final CollectionOverrides NONE = new CollectionOverrides(Optional.empty(), OptionalInt.empty(),
            OptionalInt.empty(), List.of(), Optional.empty(), Optional.empty());

    public CollectionOverrides {
        rbacGroupNames = List.copyOf(rbacGroupNames);
    }
}
