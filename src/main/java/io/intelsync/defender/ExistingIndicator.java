package io.intelsync.defender;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An indicator that Defender holds, as its list call returns it.
 *
 * @param id Defender's id, a string of digits
 * @param type the {@code indicatorType}
 * @param value the {@code indicatorValue}
 * @param createdBy the client id or user that created it
 * @param application the application name given when it was created, or null
 * @param externalId the correlation id given when it was written, or null
 * @param action the current action, or null
 * @param rbacGroupNames the device groups it applies to, empty for all devices
 * @param fields the other fields the service writes, as Defender returns them
 */
public record ExistingIndicator(String id, String type, String value, String createdBy, String application,
        String externalId, String action, List<String> rbacGroupNames, Fields fields) {

    /**
     * Fields that the service writes on its indicators and updates when they change.
     *
     * @param severity the severity, or null
     * @param title the title, or null
     * @param description the description, or null
     * @param expirationTime when Defender removes the indicator, or null when it does not expire
     * @param recommendedActions the recommended actions, or null
     * @param educateUrl the educate URL, or null
     * @param generateAlert whether matches raise alerts, or null when not returned
     */
    public record Fields(String severity, String title, String description, Instant expirationTime,
            String recommendedActions, String educateUrl, Boolean generateAlert) {

        /** Fields of an indicator whose other fields are unknown. */
        public static final Fields UNKNOWN = new Fields(null, null, null, null, null, null, null);
    }

    public ExistingIndicator {
        rbacGroupNames = rbacGroupNames == null ? List.of() : List.copyOf(rbacGroupNames);
        fields = fields == null ? Fields.UNKNOWN : fields;
    }

    /** Creates an indicator whose other fields are unknown. */
    public ExistingIndicator(String id, String type, String value, String createdBy, String application,
            String externalId, String action, List<String> rbacGroupNames) {
        this(id, type, value, createdBy, application, externalId, action, rbacGroupNames, Fields.UNKNOWN);
    }

    /** Returns the key under which Defender stores this indicator. */
    public IndicatorKey key() {
        return IndicatorKey.of(type, value, rbacGroupNames);
    }

    /**
     * Returns whether this service created the indicator: Defender recorded the service's client id as its
     * creator and the service's application name. Two deployments with different application names
     * therefore never delete each other's indicators.
     */
    public boolean isOwnedBy(String clientId, String applicationName) {
        return createdBy != null && createdBy.trim().toLowerCase(Locale.ROOT).equals(clientId.trim().toLowerCase(Locale.ROOT))
                && applicationName.equals(application);
    }
}
