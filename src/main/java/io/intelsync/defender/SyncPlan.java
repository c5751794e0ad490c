package io.intelsync.defender;

import java.util.List;

import io.intelsync.mapping.WantedIndicator;

/**
 * What one cycle sends to Defender.
 *
 * @param importBatches the indicators to import, in batches of at most the configured size
 * @param deleteBatches the owned indicators to delete, in batches of at most the configured size
 * @param creates the number of indicators to import
 * @param deletes the number of indicators to delete
 * @param unchanged the number of wanted indicators that Defender already holds
 * @param withheldDeletes owned indicators that are no longer wanted but are kept this cycle
 * @param withheldReason why deletions are withheld, or null
 */
public record SyncPlan(List<List<WantedIndicator>> importBatches, List<List<ExistingIndicator>> deleteBatches,
        int creates, int deletes, int unchanged, int withheldDeletes, String withheldReason) {

    public SyncPlan {
        importBatches = List.copyOf(importBatches);
        deleteBatches = List.copyOf(deleteBatches);
    }

    /** Name of the exchange property that holds the plan of the current cycle. */
    public static final String PROPERTY = "syncPlan";
}
