package io.intelsync.sandbox.taxii;

/**
 * A collection served by the TAXII emulator.
 *
 * @param id the TAXII collection id
 * @param title the collection title
 * @param alias the collection alias, or {@code null}
 * @param objectCount the number of stored object versions
 */
public record CollectionSummary(String id, String title, String alias, int objectCount) {
}
