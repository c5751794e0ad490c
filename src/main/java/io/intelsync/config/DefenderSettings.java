package io.intelsync.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.intelsync.defender.IndicatorAction;

/**
 * Connection to Microsoft Entra and the Defender for Endpoint API, and the fields written on indicators.
 *
 * @param tenantId the Entra tenant id
 * @param clientId the app registration's client id, which Defender records as {@code createdBy}
 * @param clientSecret the app registration's secret
 * @param loginUrl the Entra sign-in URL, without a trailing slash
 * @param baseUrl the Defender API URL, without a trailing slash
 * @param resourcePath the indicators path, starting with a slash
 * @param scope the OAuth scope of the token, {@code {baseUrl}/.default}
 * @param expireDays the lifetime of an indicator, in days
 * @param action the action for every indicator, or empty to derive it from the score
 * @param passiveOnly whether cycles only plan and send no write
 * @param application the application name written on created indicators
 * @param generateAlert whether matches raise alerts (Audit always does)
 * @param maxIndicators the most Defender indicators the service keeps
 * @param batchSize the indicators per import call and ids per BatchDelete call
 * @param recommendedActions the recommendedActions text of every indicator, or empty
 * @param educateUrl the educate URL of URL indicators that block or warn, or empty
 * @param rbacGroupNames the device groups every indicator applies to, or empty for all devices
 * @param maxDeletePercent the largest share of the owned indicators one cycle may delete, in percent
 * @param rateLimits the calls per minute and per hour that the service allows itself
 */
public record DefenderSettings(String tenantId, String clientId, String clientSecret, URI loginUrl, URI baseUrl,
        String resourcePath, String scope, int expireDays, Optional<IndicatorAction> action, boolean passiveOnly,
        String application, boolean generateAlert, int maxIndicators, int batchSize, Optional<String> recommendedActions,
        Optional<String> educateUrl, List<String> rbacGroupNames, int maxDeletePercent, RateLimits rateLimits) {

    /**
     * The calls per time window that the service allows itself, within Defender's published limits.
     *
     * @param importPerMinute import calls per minute
     * @param deletePerMinute BatchDelete calls per minute
     * @param deletePerHour BatchDelete calls per hour
     * @param listPerMinute list calls per minute
     * @param listPerHour list calls per hour
     */
    public record RateLimits(int importPerMinute, int deletePerMinute, int deletePerHour, int listPerMinute,
            int listPerHour) {
    }

    public DefenderSettings {
        rbacGroupNames = List.copyOf(rbacGroupNames);
    }

    /** Returns the URL of the indicators resource. */
    public String indicatorsUrl() {
        return baseUrl + resourcePath;
    }

    /** Returns the settings without the client secret, so that logging them leaks nothing. */
    @Override
    public String toString() {
        return "DefenderSettings[tenantId=" + tenantId + ", clientId=" + clientId + ", loginUrl=" + loginUrl
                + ", baseUrl=" + baseUrl + ", resourcePath=" + resourcePath + ", scope=" + scope + ", expireDays="
                + expireDays + ", action=" + action.map(Enum::name).orElse("from score") + ", passiveOnly=" + passiveOnly
                + ", application=" + application + ", maxIndicators=" + maxIndicators + ", batchSize=" + batchSize
                + ", rbacGroupNames=" + rbacGroupNames + "]";
    }
}
