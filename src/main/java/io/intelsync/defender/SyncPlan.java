package io.intelsync.defender;

import java.util.List;

import io.intelsync.mapping.DesiredIndicator;

/**
 * What one cycle sends to Defender.
 *
 * @param importBatches the indicators to import, in batches of at most the configured size
 * @param deleteBatches the owned indicators to delete, in batches of at most the configured size
 * @param creates the number of indicators to import
 * @param deletes the number of indicators to delete
 * @param unchanged the number of desired indicators that Defender already stores
 * @param withheldDeletes owned indicators that are no longer desired but are kept this cycle
 * @param withheldReason why deletions are withheld, or null
 */
public record SyncPlan(List<List<DesiredIndicator>> importBatches, List<List<ExistingIndicator>> deleteBatches,
        int creates, int deletes, int unchanged, int withheldDeletes, String withheldReason) {

    public SyncPlan {
        importBatches = List.copyOf(importBatches);
        deleteBatches = List.copyOf(deleteBatches);
    }

    /** Name of the exchange property that contains the plan of the current cycle. */
    public static final String PROPERTY = "syncPlan";
}
