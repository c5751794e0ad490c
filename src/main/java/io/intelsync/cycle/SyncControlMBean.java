package io.intelsync.cycle;

/** JMX view of the service: the last cycle's outcome and the operations an operator may start. */
public interface SyncControlMBean {

    /** Returns the status of the last finished cycle: complete, partial, failed, or none before the first. */
    String getLastCycleStatus();

    /** Returns the {@code Sync finished} line of the last finished cycle, or an empty string. */
    String getLastCycleSummary();

    /** Makes the next cycle read every collection in full, which also notices objects that left a collection. */
    void requestFullRead();

    /** Lets the next cycle delete more of the owned indicators than {@code defender.max-delete-share} allows. */
    void confirmDeletes();
}
