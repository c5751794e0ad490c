package io.intelsync.defender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intelsync.config.DefenderSettings;
import io.intelsync.cycle.SyncCycles;
import io.intelsync.mapping.DesiredIndicator;

/**
 * Compares the desired indicators with those Defender stores and plans the writes: create what is missing,
 * update owned indicators whose fields changed (import is submit-or-update), delete what this service owns
 * and no longer wants, and leave everything else alone. Indicators owned by anyone else are never updated
 * or deleted.
 *
 * <p>An indicator is missing when Defender has none with its type, value and device groups. An owned
 * indicator is stale only when no desired indicator has its type and value in any device groups: Microsoft
 * does not document whether an import with other device groups updates the existing indicator in place, and
 * deleting it by id would then delete the updated indicator.
 *
 * <p>The expiration time is refreshed only when the stored one is less than half the lifetime away, or
 * later than the desired one, so that a cycle with no change in the feed makes no write although "now plus
 * the lifetime" moves on. Deletions are withheld when a read was incomplete, and when they exceed the
 * configured share of the owned indicators until an operator confirms them.
 */
public final class ReconciliationPlanner {

    /** Differences in expiration time below this are not worth an update. */
    private static final Duration EXPIRATION_TOLERANCE = Duration.ofHours(1);

    private final String clientId;
    private final String application;
    private final int batchSize;
    private final Duration refreshWithin;
    private final int maxDeletePercent;
    private final int tenantLimit;

    /**
     * @param clientId the service's client id, which Defender records as {@code createdBy}
     * @param application the service's application name, which Defender records on creation
     * @param batchSize the most indicators per import call and ids per BatchDelete call
     * @param refreshWithin an owned indicator that expires sooner than this gets its desired expiration again
     * @param maxDeletePercent the largest share of the owned indicators one cycle may delete, in percent
     * @param tenantLimit Defender's limit of indicators per tenant
     */
    public ReconciliationPlanner(String clientId, String application, int batchSize, Duration refreshWithin,
            int maxDeletePercent, int tenantLimit) {
        this.clientId = clientId;
        this.application = application;
        this.batchSize = batchSize;
        this.refreshWithin = refreshWithin;
        this.maxDeletePercent = maxDeletePercent;
        this.tenantLimit = tenantLimit;
    }

    /**
     * Returns the planner for the settings: an owned indicator gets its expiration time again once less than
     * half its lifetime is left.
     */
    public static ReconciliationPlanner of(DefenderSettings settings) {
        return new ReconciliationPlanner(settings.clientId(), settings.application(), settings.batchSize(),
                Duration.ofDays(settings.expireDays()).dividedBy(2), settings.maxDeletePercent(),
                SyncCycles.TENANT_LIMIT);
    }

    /**
     * Plans the writes of one cycle.
     *
     * @param desired the indicators the feed requests, without duplicate keys
     * @param existing the indicators Defender stores
     * @param readsComplete whether every collection was read to its end
     * @param deletesConfirmed whether an operator confirmed deletions above the configured share
     * @param now the time against which expiration times are judged
     */
    public SyncPlan plan(List<DesiredIndicator> desired, List<ExistingIndicator> existing, boolean readsComplete,
            boolean deletesConfirmed, Instant now) {
        Map<IndicatorKey, ExistingIndicator> existingByKey = new HashMap<>();
        for (ExistingIndicator indicator : existing) {
            existingByKey.putIfAbsent(indicator.key(), indicator);
        }
        List<DesiredIndicator> creates = new ArrayList<>();
        List<SyncPlan.Update> updates = new ArrayList<>();
        Set<IndicatorKey> desiredValues = new HashSet<>();
        int unchanged = 0;
        for (DesiredIndicator indicator : desired) {
            IndicatorKey key = indicator.indicator().key();
            desiredValues.add(key.withoutScope());
            ExistingIndicator current = existingByKey.get(key);
            if (current == null) {
                creates.add(indicator);
                continue;
            }
            List<String> changed = current.isOwnedBy(clientId, application)
                    ? changedFields(indicator.indicator(), current, now) : List.of();
            if (changed.isEmpty()) {
                unchanged++;
            } else {
                updates.add(new SyncPlan.Update(indicator, current, changed));
            }
        }
        List<ExistingIndicator> stale = staleIndicators(existing, desiredValues);
        long owned = existing.stream().filter(i -> i.isOwnedBy(clientId, application)).count();
        String withheldReason = withheldReason(stale.size(), owned, readsComplete, deletesConfirmed);
        List<ExistingIndicator> deletes = withheldReason == null ? stale : List.of();
        List<DesiredIndicator> imports = new ArrayList<>(creates);
        updates.forEach(update -> imports.add(update.desired()));
        boolean deleteFirst = existing.size() + creates.size() > tenantLimit;
        return new SyncPlan(batches(imports), batches(deletes), creates, updates, deletes, unchanged,
                withheldReason == null ? List.of() : stale, withheldReason, deleteFirst);
    }

    private List<ExistingIndicator> staleIndicators(List<ExistingIndicator> existing, Set<IndicatorKey> desiredValues) {
        List<ExistingIndicator> stale = new ArrayList<>();
        Set<String> staleIds = new HashSet<>();
        for (ExistingIndicator indicator : existing) {
            if (indicator.isOwnedBy(clientId, application) && !desiredValues.contains(indicator.key().withoutScope())
                    && staleIds.add(indicator.id())) {
                stale.add(indicator);
            }
        }
        return stale;
    }

    private String withheldReason(int stale, long owned, boolean readsComplete, boolean deletesConfirmed) {
        if (stale == 0) {
            return null;
        }
        if (!readsComplete) {
            return "not every collection was read to its end";
        }
        if (!deletesConfirmed && stale * 100L > maxDeletePercent * owned) {
            return "the cycle would delete " + stale + " of the " + owned + " indicators this service owns, more than "
                    + maxDeletePercent + "% (defender.max-delete-share); confirm with the JMX operation confirmDeletes "
                    + "of io.intelsync:type=SyncControl, or raise the setting";
        }
        return null;
    }

    // Returns the names of the fields that the desired indicator would change.
    private List<String> changedFields(DefenderIndicator desired, ExistingIndicator current, Instant now) {
        ExistingIndicator.Fields fields = current.fields();
        List<String> changed = new ArrayList<>();
        compare(changed, "action", desired.action().name(), current.action());
        compare(changed, "severity", desired.severity() == null ? null : desired.severity().name(), fields.severity());
        compare(changed, "title", desired.title(), fields.title());
        compare(changed, "description", desired.description(), fields.description());
        compare(changed, "recommendedActions", desired.recommendedActions(), fields.recommendedActions());
        compare(changed, "educateUrl", desired.educateUrl(), fields.educateUrl());
        if (fields.generateAlert() != null && desired.generateAlert() != null
                && !fields.generateAlert().equals(desired.generateAlert())) {
            changed.add("generateAlert");
        }
        if (expirationChanged(Instant.parse(desired.expirationTime()), fields.expirationTime(), now)) {
            changed.add("expirationTime");
        }
        return changed;
    }

    private boolean expirationChanged(Instant desired, Instant current, Instant now) {
        if (current == null) {
            return true;
        }
        if (current.isAfter(desired.plus(EXPIRATION_TOLERANCE))) {
            return true;
        }
        return current.isBefore(desired.minus(EXPIRATION_TOLERANCE)) && current.isBefore(now.plus(refreshWithin));
    }

    private static void compare(List<String> changed, String field, String desired, String current) {
        if (!Objects.equals(blankToNull(desired), blankToNull(current))) {
            changed.add(field);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += batchSize) {
            batches.add(List.copyOf(items.subList(start, Math.min(items.size(), start + batchSize))));
        }
        return batches;
    }
}
