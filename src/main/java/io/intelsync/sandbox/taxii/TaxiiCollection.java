package io.intelsync.sandbox.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A TAXII collection and its object versions, kept in paging order. Not thread-safe. */
final class TaxiiCollection {

    private final String id;
    private final String title;
    private final String description;
    private final String alias;
    private final List<TaxiiObject> objects = new ArrayList<>();
    private boolean canRead = true;

    TaxiiCollection(String id, String title, String description, String alias) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.alias = alias;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    String alias() {
        return alias;
    }

    boolean canRead() {
        return canRead;
    }

    void setCanRead(boolean readable) {
        this.canRead = readable;
    }

    /** Returns the object versions in paging order. The list is a copy. */
    List<TaxiiObject> objects() {
        return List.copyOf(objects);
    }

    void add(TaxiiObject object) {
        objects.add(object);
        objects.sort(TaxiiObject.PAGING_ORDER);
    }

    /** Removes every version of a STIX object and returns how many were removed. */
    int removeAllVersions(String stixId) {
        int before = objects.size();
        objects.removeIf(object -> object.id().equals(stixId));
        return before - objects.size();
    }

    /** Returns the latest {@code date_added} in the collection, or {@code null} if it is empty. */
    Instant lastDateAdded() {
        return objects.isEmpty() ? null : objects.get(objects.size() - 1).dateAdded();
    }

    CollectionSummary summary() {
        return new CollectionSummary(id, title, alias, objects.size());
    }
}
