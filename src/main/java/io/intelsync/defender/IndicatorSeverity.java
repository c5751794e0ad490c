package io.intelsync.defender;

/** Severities of the Defender indicators API; the constant names are the API's values. */
public enum IndicatorSeverity {
    Informational,
    Low,
    Medium,
    High
}
