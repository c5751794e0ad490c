package io.intelsync.defender;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One indicator as sent to Defender's import call. The component names are the API's body parameters,
 * which are case-sensitive; null components are left out of the JSON.
 *
 * @param indicatorValue the value Defender matches, already normalised
 * @param indicatorType the type of the value
 * @param action what Defender does on a match
 * @param severity the alert severity
 * @param title the alert title
 * @param description the indicator's description
 * @param expirationTime when Defender deletes the indicator, as {@code yyyy-MM-ddTHH:mm:ssZ}
 * @param generateAlert whether a match raises an alert
 * @param application the application name; Defender stores it only when it creates the indicator
 * @param externalId the id of the source object, for correlation
 * @param recommendedActions text shown with alerts, or null
 * @param rbacGroupNames the device groups the indicator applies to, or null for all devices
 * @param rbacGroupIds Defender's ids of those device groups, or null
 * @param educateUrl the URL shown to users when a URL indicator blocks or warns, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefenderIndicator(String indicatorValue, IndicatorType indicatorType, IndicatorAction action,
        IndicatorSeverity severity, String title, String description, String expirationTime, Boolean generateAlert,
        String application, String externalId, String recommendedActions, List<String> rbacGroupNames,
        List<Long> rbacGroupIds, String educateUrl) {

    public DefenderIndicator {
        Objects.requireNonNull(indicatorValue, "indicatorValue");
        Objects.requireNonNull(indicatorType, "indicatorType");
        Objects.requireNonNull(action, "action");
        rbacGroupNames = rbacGroupNames == null ? null : List.copyOf(rbacGroupNames);
        rbacGroupIds = rbacGroupIds == null ? null : List.copyOf(rbacGroupIds);
    }

    /** Returns the key under which Defender stores this indicator. */
    public IndicatorKey key() {
        return IndicatorKey.of(indicatorType.name(), indicatorValue, rbacGroupNames);
    }
}
