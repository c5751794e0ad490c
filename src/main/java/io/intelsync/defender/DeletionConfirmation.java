package io.intelsync.defender;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An operator's confirmation that the next cycle may delete more of the owned indicators than
 * {@code defender.max-delete-share} allows. The cycle that uses it clears it.
 */
public final class DeletionConfirmation {

    private final AtomicBoolean confirmed = new AtomicBoolean();

    /** Allows the next cycle's deletions, however many there are. */
    public void confirm() {
        confirmed.set(true);
    }

    /** Returns whether an operator confirmed deletions that have not run yet. */
    public boolean isConfirmed() {
        return confirmed.get();
    }

    /** Clears the confirmation once the deletions it allowed are planned. */
    public void clear() {
        confirmed.set(false);
    }
}
