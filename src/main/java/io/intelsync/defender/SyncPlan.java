package io.intelsync.defender;

import java.util.List;

import io.intelsync.mapping.DesiredIndicator;

/**
 * What one cycle sends to Defender.
 *
 * @param importBatches the indicators to import (created or updated), in batches of at most the configured size
 * @param deleteBatches the owned indicators to delete, in batches of at most the configured size
 * @param creates the indicators to create
 * @param updates the owned indicators to update, with the fields that changed
 * @param deletes the owned indicators to delete
 * @param unchanged the number of desired indicators that Defender already contains as desired
 * @param withheldDeletes owned indicators that are no longer desired but are kept this cycle
 * @param withheldReason why deletions are withheld, or null
 * @param deleteFirst whether deletions go before imports, because the tenant is near its limit
 */
public record SyncPlan(List<List<DesiredIndicator>> importBatches, List<List<ExistingIndicator>> deleteBatches,
        List<DesiredIndicator> creates, List<Update> updates, List<ExistingIndicator> deletes, int unchanged,
        List<ExistingIndicator> withheldDeletes, String withheldReason, boolean deleteFirst) {

    /** Name of the exchange property that contains the plan of the current cycle. */
    public static final String PROPERTY = "syncPlan";

    /**
     * An owned indicator whose fields differ from the desired ones.
     *
     * @param desired the indicator as the feed wants it
     * @param existing the indicator as Defender stores it
     * @param changedFields the names of the fields that differ
     */
    public record Update(DesiredIndicator desired, ExistingIndicator existing, List<String> changedFields) {
        public Update {
            changedFields = List.copyOf(changedFields);
        }
    }

    public SyncPlan {
        importBatches = List.copyOf(importBatches);
        deleteBatches = List.copyOf(deleteBatches);
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
        withheldDeletes = List.copyOf(withheldDeletes);
    }

    /** Returns whether the plan sends nothing. */
    public boolean isEmpty() {
        return importBatches.isEmpty() && deleteBatches.isEmpty();
    }
}
