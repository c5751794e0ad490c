package io.intelsync.sandbox.defender;

import io.intelsync.defender.IndicatorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulated tenant's indicators, keyed by id and by (type, value, device groups). Indicators past their
 * expiration time are removed on every read and write. Not thread-safe.
 */
final class IndicatorStore {

    private final Map<Long, StoredIndicator> byId = new TreeMap<>();
    private final Map<String, StoredIndicator> byKey = new HashMap<>();
    private long lastId;

    /** Removes indicators whose expiration time has passed. */
    void removeExpired(Instant now) {
        List<StoredIndicator> expired = byId.values().stream().filter(indicator -> indicator.isExpiredAt(now)).toList();
        expired.forEach(this::remove);
    }

    int size() {
        return byId.size();
    }

    Optional<StoredIndicator> find(IndicatorType type, String value, List<String> rbacGroupNames) {
        return Optional.ofNullable(byKey.get(StoredIndicator.key(type, value, rbacGroupNames)));
    }

    Optional<StoredIndicator> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Returns every indicator in ascending id order, which is creation order. */
    List<StoredIndicator> all() {
        return new ArrayList<>(byId.values());
    }

    StoredIndicator create(IndicatorRequest request, String createdBy, String sourceType, Instant now) {
        StoredIndicator indicator = new StoredIndicator(++lastId, request, createdBy, sourceType, now);
        byId.put(indicator.id, indicator);
        byKey.put(indicator.key(), indicator);
        return indicator;
    }

    void remove(StoredIndicator indicator) {
        byId.remove(indicator.id);
        byKey.remove(indicator.key());
    }
}
