package io.intelsync.deadletter;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.intelsync.defender.DefenderIndicator;

/**
 * One line of the dead-letter file: an item that could not be delivered, or a call that failed after its
 * retries, with the reason. It never contains a token or a secret.
 *
 * @param time when the failure was recorded, in ISO-8601 UTC
 * @param cycle the cycle id
 * @param deployment the deployment id
 * @param stage where it failed: {@code taxii-read}, {@code defender-list}, {@code defender-import} or
 *        {@code defender-delete}
 * @param reason Defender's {@code failureReason}, or the error of the failed call
 * @param httpStatus the HTTP status of the failed call, or null
 * @param errorBody the start of the error response body, or null
 * @param collection the TAXII collection, or null
 * @param stixId the STIX indicator the item was made from, or null
 * @param indicator the Defender indicator that was not imported, or null
 * @param defenderId the id of the Defender indicator that was not deleted, or null
 * @param details further values that identify the item, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterRecord(String time, String cycle, String deployment, String stage, String reason,
        Integer httpStatus, String errorBody, String collection, String stixId, DefenderIndicator indicator,
        String defenderId, Map<String, String> details) {

    /** Name of the exchange property that contains the records of the indicators Defender refused in a batch. */
    public static final String REJECTED_PROPERTY = "rejectedIndicators";
}
