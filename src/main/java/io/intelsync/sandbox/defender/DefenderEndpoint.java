package io.intelsync.sandbox.defender;

/** The Defender for Endpoint API operations that the emulator serves, for fault injection and rate limits. */
public enum DefenderEndpoint {
    /** {@code GET /api/indicators}: List Indicators. */
    LIST,
    /** {@code POST /api/indicators}: Submit or Update Indicator. */
    SUBMIT,
    /** {@code POST /api/indicators/import}: Import Indicators. */
    IMPORT,
    /** {@code POST /api/indicators/BatchDelete}: Batch Delete Indicators. */
    BATCH_DELETE,
    /** {@code DELETE /api/indicators/<id>}: Delete Indicator. */
    DELETE,
    /** {@code GET /api/exposureScore/ByMachineGroups}: exposure score by device group, which lists the RBAC groups. */
    MACHINE_GROUPS
}
