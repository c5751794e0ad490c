package io.intelsync.mapping;

import java.util.Objects;

/**
 * The outcome of normalising one compared value: the observable, or the reason it was rejected.
 *
 * @param observable the normalised observable, or null when the value was rejected
 * @param reason why the value was rejected, or null when it was accepted
 * @param problem a short explanation of the rejection, or null when it was accepted
 */
record ValueResult(Observable observable, SkipReason reason, String problem) {

    static ValueResult accepted(Observable observable) {
        return new ValueResult(Objects.requireNonNull(observable, "observable"), null, null);
    }

    static ValueResult rejected(SkipReason reason, String problem) {
        return new ValueResult(null, Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(problem, "problem"));
    }

    boolean isAccepted() {
        return observable != null;
    }
}
