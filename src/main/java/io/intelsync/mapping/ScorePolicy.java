package io.intelsync.mapping;

import io.intelsync.defender.IndicatorAction;
import io.intelsync.defender.IndicatorSeverity;

/**
 * Derives the action and severity of a Defender indicator from an OpenCTI score (0 to 100). An indicator
 * without a score counts as 0, so it is audited with informational severity.
 */
public final class ScorePolicy {

    private ScorePolicy() {
    }

    /** Returns Block from 60, Warn above 30, otherwise Audit; never Allowed. */
    public static IndicatorAction action(Integer score) {
        int value = score == null ? 0 : score;
        if (value >= 60) {
            return IndicatorAction.Block;
        }
        if (value > 30) {
            return IndicatorAction.Warn;
        }
        return IndicatorAction.Audit;
    }

    /** Returns High from 60, Medium from 40, Low from 20, otherwise Informational. */
    public static IndicatorSeverity severity(Integer score) {
        int value = score == null ? 0 : score;
        if (value >= 60) {
            return IndicatorSeverity.High;
        }
        if (value >= 40) {
            return IndicatorSeverity.Medium;
        }
        if (value >= 20) {
            return IndicatorSeverity.Low;
        }
        return IndicatorSeverity.Informational;
    }
}
