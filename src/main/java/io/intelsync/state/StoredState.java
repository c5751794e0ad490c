package io.intelsync.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intelsync.selection.SelectionCandidate;

/**
 * What the state store holds.
 *
 * @param settingsFingerprint the fingerprint of the settings the state was built with, or null when empty
 * @param lastFullRead when every collection was last read to its end in one full read, or null
 * @param cursors per collection, the {@code X-TAXII-Date-Added-Last} of its last complete read
 * @param candidates the kept indicators of the configured collections
 */
public record StoredState(String settingsFingerprint, Instant lastFullRead, Map<String, String> cursors,
        List<SelectionCandidate> candidates) {

    public StoredState {
        cursors = Map.copyOf(cursors);
        candidates = List.copyOf(candidates);
    }
}
