package io.intelsync.defender;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Response actions that the Defender indicators API accepts. The constant names are the API's values.
 * Microsoft documents {@code Alert} and {@code AlertAndBlock} as older actions that the portal no longer
 * offers.
 */
public enum IndicatorAction {
    Audit,
    Warn,
    Block,
    Alert,
    AlertAndBlock,
    BlockAndRemediate,
    Allowed;

    /** Parses an action name in any letter case, or returns empty when Defender has no such action. */
    public static Optional<IndicatorAction> parse(String text) {
        String desired = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().toLowerCase(Locale.ROOT).equals(desired)).findFirst();
    }

    /**
     * Returns the action to send for an indicator of the given type, or empty when Defender refuses this
     * action for the type. Network indicators (IP addresses, domains, URLs) cannot take BlockAndRemediate.
     * Certificates take only Allowed and BlockAndRemediate, so Block becomes BlockAndRemediate for them.
     */
    public Optional<IndicatorAction> forType(IndicatorType type) {
        if (type.isNetwork()) {
            return this == BlockAndRemediate ? Optional.empty() : Optional.of(this);
        }
        if (type == IndicatorType.CertificateThumbprint) {
            return switch (this) {
                case Allowed, BlockAndRemediate -> Optional.of(this);
                case Block -> Optional.of(BlockAndRemediate);
                default -> Optional.empty();
            };
        }
        return Optional.of(this);
    }
}
