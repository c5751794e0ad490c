package io.intelsync.cycle;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import io.intelsync.config.CollectionConfig;

/**
 * The progress of reading one TAXII collection in one cycle: the paging cursor, the counts, and whether
 * the read reached the end of the collection.
 *
 * <p>Paging follows {@code more}, not the presence of {@code next}, because OpenCTI sends {@code next} on
 * its last page too. When {@code more} is true without a {@code next}, the read continues with
 * {@code added_after} set to the page's {@code X-TAXII-Date-Added-Last}. A cursor that repeats, or a
 * read that reaches the page limit, ends the read as incomplete instead of looping.
 */
public final class CollectionRead {

    private final CollectionConfig collection;
    private final int maxPages;
    private final Set<String> cursorsSeen = new HashSet<>();
    private int pages;
    private long objects;
    private String next;
    private Instant addedAfter;
    private boolean morePages = true;
    private boolean complete;
    private String incompleteReason;

    public CollectionRead(CollectionConfig collection, int maxPages) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.maxPages = maxPages;
    }

    public CollectionConfig collection() {
        return collection;
    }

    public String collectionId() {
        return collection.id();
    }

    /** Returns whether another page must be requested. */
    public synchronized boolean hasMorePages() {
        return morePages;
    }

    /** Returns the cursor to send with the next page request, or null for the first page. */
    public synchronized String next() {
        return next;
    }

    /** Returns the {@code added_after} to send, or null when the read started from the beginning. */
    public synchronized Instant addedAfter() {
        return addedAfter;
    }

    public synchronized int pages() {
        return pages;
    }

    public synchronized long objects() {
        return objects;
    }

    /** Counts one object read from the current page. */
    public synchronized void countObject() {
        objects++;
    }

    /**
     * Records the end of a page and decides whether to request another.
     *
     * @param more the envelope's {@code more}
     * @param nextCursor the envelope's {@code next} as the server wrote it, or null
     * @param dateAddedLast the page's {@code X-TAXII-Date-Added-Last}, or null
     */
    public synchronized void pageRead(boolean more, String nextCursor, Instant dateAddedLast) {
        pages++;
        if (!more) {
            morePages = false;
            complete = true;
            return;
        }
        if (pages >= maxPages) {
            stopIncomplete("reached the limit of " + maxPages + " pages (taxii.max-pages) with more objects left");
            return;
        }
        if (nextCursor != null && !nextCursor.isEmpty()) {
            if (!cursorsSeen.add(nextCursor)) {
                stopIncomplete("the server sent the cursor '" + abbreviate(nextCursor) + "' twice, so paging would loop");
                return;
            }
            next = nextCursor;
            return;
        }
        if (dateAddedLast == null) {
            stopIncomplete("the server set more=true without next and without X-TAXII-Date-Added-Last, so paging "
                    + "cannot continue");
            return;
        }
        if (addedAfter != null && !dateAddedLast.isAfter(addedAfter)) {
            stopIncomplete("X-TAXII-Date-Added-Last did not advance past " + addedAfter + ", so paging would loop");
            return;
        }
        next = null;
        addedAfter = dateAddedLast;
    }

    /** Ends the read before the end of the collection. Deletions are then withheld for the whole cycle. */
    public synchronized void stopIncomplete(String reason) {
        morePages = false;
        complete = false;
        if (incompleteReason == null) {
            incompleteReason = reason;
        }
    }

    /** Returns whether the read reached the end of the collection. */
    public synchronized boolean isComplete() {
        return complete;
    }

    /** Returns why the read stopped early, or null. */
    public synchronized String incompleteReason() {
        return incompleteReason;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
