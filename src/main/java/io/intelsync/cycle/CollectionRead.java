package io.intelsync.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import io.intelsync.config.CollectionConfig;
import io.intelsync.stix.StixTimestamps;

/**
 * The progress of reading one TAXII collection in one cycle: the paging cursor, the counts, and whether
 * the read reached the end of the collection.
 *
 * <p>Paging follows {@code more}, not the presence of {@code next}, because OpenCTI sends {@code next} on
 * its last page too. When {@code more} is true without a {@code next}, the read continues with
 * {@code added_after} set to the page's {@code X-TAXII-Date-Added-Last}. The read ends as incomplete,
 * instead of looping, when a cursor repeats, when a page repeats the objects of an earlier page, and when
 * it reaches its page or time limit.
 */
public final class CollectionRead {

    private final CollectionConfig collection;
    private final int maxPages;
    private final Duration maxReadTime;
    private final Clock clock;
    private final Instant startedAt;
    private final Set<String> cursorsSeen = new HashSet<>();
    private final Set<Long> pagesSeen = new HashSet<>();
    private int pages;
    private long objects;
    private String next;
    private String addedAfter;
    private String lastDateAdded;
    private boolean morePages = true;
    private boolean complete;
    private String incompleteReason;

    /**
     * @param collection the collection
     * @param maxPages the most pages to read
     * @param maxReadTime the longest time to read
     * @param clock the clock that times the read
     * @param addedAfter the {@code added_after} of the first page as the server wrote it, or null for the beginning
     */
    public CollectionRead(CollectionConfig collection, int maxPages, Duration maxReadTime, Clock clock, String addedAfter) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.maxPages = maxPages;
        this.maxReadTime = maxReadTime;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.addedAfter = addedAfter;
        this.lastDateAdded = addedAfter;
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

    /** Returns the {@code added_after} to send as the server wrote it, or null when reading from the beginning. */
    public synchronized String addedAfter() {
        return addedAfter;
    }

    /**
     * Returns the newest {@code X-TAXII-Date-Added-Last} of the read as the server wrote it, or the starting
     * {@code added_after} when no page had objects. After a complete read it is the next read's cursor.
     */
    public synchronized String lastDateAdded() {
        return lastDateAdded;
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
     * @param dateAddedLast the page's {@code X-TAXII-Date-Added-Last} as the server wrote it, or null
     * @param pageFingerprint a hash of the ids and versions of the page's objects, or 0 for an empty page
     */
    public synchronized void pageRead(boolean more, String nextCursor, String dateAddedLast, long pageFingerprint) {
        pages++;
        if (dateAddedLast != null && !dateAddedLast.isBlank() && isAfter(dateAddedLast, lastDateAdded)) {
            lastDateAdded = dateAddedLast.trim();
        }
        if (!more) {
            morePages = false;
            complete = true;
            return;
        }
        if (pageFingerprint != 0 && !pagesSeen.add(pageFingerprint)) {
            stopIncomplete("page " + pages + " repeated the objects of an earlier page, so paging would loop");
            return;
        }
        if (pages >= maxPages) {
            stopIncomplete("reached the limit of " + maxPages + " pages (taxii.max-pages) with more objects left");
            return;
        }
        if (Duration.between(startedAt, clock.instant()).compareTo(maxReadTime) > 0) {
            stopIncomplete("reached the time limit of " + maxReadTime.toSeconds()
                    + " s (taxii.max-read-time) with more objects left");
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
        if (dateAddedLast == null || dateAddedLast.isBlank()) {
            stopIncomplete("the server set more=true without next and without X-TAXII-Date-Added-Last, so paging "
                    + "cannot continue");
            return;
        }
        if (addedAfter != null && !isAfter(dateAddedLast, addedAfter)) {
            stopIncomplete("X-TAXII-Date-Added-Last did not advance past " + addedAfter + ", so paging would loop");
            return;
        }
        next = null;
        addedAfter = dateAddedLast.trim();
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

    // An unparsable candidate is never after; an unparsable or missing reference is always before.
    private static boolean isAfter(String candidate, String reference) {
        Instant time = StixTimestamps.parse(candidate).orElse(null);
        if (time == null) {
            return false;
        }
        Instant referenceTime = reference == null ? null : StixTimestamps.parse(reference).orElse(null);
        return referenceTime == null || time.isAfter(referenceTime);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
