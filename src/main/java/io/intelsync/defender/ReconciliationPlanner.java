package io.intelsync.defender;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intelsync.mapping.DesiredIndicator;

/**
 * Compares the desired indicators with those Defender stores and plans the writes: import what is missing,
 * delete what this service owns and no longer wants, and leave everything else alone. Indicators owned by
 * anyone else are never deleted. Deletions are withheld in a cycle whose TAXII reads were not all complete,
 * because an indicator missing from an incomplete read may still be in the feed.
 *
 * <p>An indicator is missing when Defender has none with its type, value and device groups. An owned
 * indicator is stale only when no desired indicator has its type and value in any device groups: Microsoft
 * does not document whether an import with other device groups updates the existing indicator in place, and
 * deleting it by id would then delete the updated indicator.
 */
public final class ReconciliationPlanner {

    private final String clientId;
    private final String application;
    private final int batchSize;

    /**
     * @param clientId the service's client id, which Defender records as {@code createdBy}
     * @param application the service's application name, which Defender records on creation
     * @param batchSize the most indicators per import call and ids per BatchDelete call
     */
    public ReconciliationPlanner(String clientId, String application, int batchSize) {
        this.clientId = clientId;
        this.application = application;
        this.batchSize = batchSize;
    }

    /**
     * Plans the writes of one cycle.
     *
     * @param desired the indicators the feed requests, without duplicate keys
     * @param existing the indicators Defender stores
     * @param readsComplete whether every collection was read to its end
     */
    public SyncPlan plan(List<DesiredIndicator> desired, List<ExistingIndicator> existing, boolean readsComplete) {
        Map<IndicatorKey, ExistingIndicator> existingByKey = new HashMap<>();
        for (ExistingIndicator indicator : existing) {
            existingByKey.putIfAbsent(indicator.key(), indicator);
        }
        List<DesiredIndicator> creates = new ArrayList<>();
        Set<IndicatorKey> desiredKeys = new HashSet<>();
        int unchanged = 0;
        for (DesiredIndicator indicator : desired) {
            IndicatorKey key = indicator.indicator().key();
            desiredKeys.add(key.withoutScope());
            if (existingByKey.containsKey(key)) {
                unchanged++;
            } else {
                creates.add(indicator);
            }
        }
        List<ExistingIndicator> stale = new ArrayList<>();
        Set<String> staleIds = new HashSet<>();
        for (ExistingIndicator indicator : existing) {
            if (indicator.isOwnedBy(clientId, application) && !desiredKeys.contains(indicator.key().withoutScope())
                    && staleIds.add(indicator.id())) {
                stale.add(indicator);
            }
        }
        if (!readsComplete && !stale.isEmpty()) {
            return new SyncPlan(batches(creates), List.of(), creates.size(), 0, unchanged, stale.size(),
                    "not every collection was read to its end");
        }
        return new SyncPlan(batches(creates), batches(stale), creates.size(), stale.size(), unchanged, 0, null);
    }

    private <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += batchSize) {
            batches.add(List.copyOf(items.subList(start, Math.min(items.size(), start + batchSize))));
        }
        return batches;
    }
}
