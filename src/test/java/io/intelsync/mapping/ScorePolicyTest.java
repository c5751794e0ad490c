package io.intelsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

import io.intelsync.defender.IndicatorAction;
import io.intelsync.defender.IndicatorSeverity;

class ScorePolicyTest {

    @ParameterizedTest
    @CsvSource({"95, Block", "60, Block", "59, Warn", "45, Warn", "31, Warn", "30, Audit", "29, Audit", "1, Audit",
            "0, Audit"})
    void actionFromScore(int score, IndicatorAction expected) {
        assertThat(ScorePolicy.action(score)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    void missingScoreIsAudited(Integer score) {
        assertThat(ScorePolicy.action(score)).isEqualTo(IndicatorAction.Audit);
        assertThat(ScorePolicy.severity(score)).isEqualTo(IndicatorSeverity.Informational);
    }

    @ParameterizedTest
    @CsvSource({"100, High", "60, High", "59, Medium", "40, Medium", "39, Low", "20, Low", "19, Informational",
            "0, Informational"})
    void severityFromScore(int score, IndicatorSeverity expected) {
        assertThat(ScorePolicy.severity(score)).isEqualTo(expected);
    }
}
