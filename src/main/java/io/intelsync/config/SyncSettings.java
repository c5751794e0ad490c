package io.intelsync.config;

import java.nio.file.Path;

/**
 * All settings of the service, validated.
 *
 * @param taxii where to read indicators
 * @param defender where to write them
 * @param retry how failed calls are retried
 * @param intervalSeconds time between the starts of two scheduled cycles
 * @param dataDirectory folder for the service's files
 * @param allowNonPublicAddresses whether private and other non-public IP addresses are sent
 * @param deploymentId the deployment id written into dead-letter records
 * @param deploymentName the deployment name written into logs
 * @param selectionOrder which indicators fill the budget first
 * @param state where the sync state is kept
 * @param http the timeouts of HTTP calls
 * @param scheduleEnabled whether cycles run on the schedule
 */
public record SyncSettings(TaxiiSettings taxii, DefenderSettings defender, RetrySettings retry, int intervalSeconds,
        Path dataDirectory, boolean allowNonPublicAddresses, String deploymentId, String deploymentName,
        SelectionOrder selectionOrder, StateSettings state, HttpSettings http, boolean scheduleEnabled) {

    /** Returns a copy with other TAXII settings, for example after aliases were resolved to ids. */
    public SyncSettings withTaxii(TaxiiSettings resolved) {
        return new SyncSettings(resolved, defender, retry, intervalSeconds, dataDirectory, allowNonPublicAddresses,
                deploymentId, deploymentName, selectionOrder, state, http, scheduleEnabled);
    }
}
