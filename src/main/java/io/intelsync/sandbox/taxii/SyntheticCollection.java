package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A collection whose objects {@link SyntheticObjects} generates when a page is served, so that memory
 * grows with the page size and never with the collection size.
 *
 * <p>Pages follow OpenCTI's rules in {@link TaxiiPager}: a stateless {@code next} in the emulator's
 * {@link CursorFormat}, {@code next} on the last page too, {@code limit} cut to the page cap,
 * {@code added_after}, {@code match[type]} and {@code match[id]}, and only {@code match[version]=last}.
 * Because object {@code i} has {@code date_added} {@code FIRST_DATE_ADDED + i µs} and each id has
 * one version, a position in the collection is an index, and a page without {@code match[...]}
 * filters costs only its own objects. With such a filter the pager scans the objects after the
 * position, which costs time but no memory.
 *
 * <p>NOTE: the medallion personality also pages synthetic collections with this stateless cursor,
 * not with medallion's server-side sessions, and applies OpenCTI's {@code match[version]} rule.
 */
final class SyntheticCollection {

    private final String id;
    private final SyntheticObjects generator;
    private final TaxiiCollection descriptor;

    SyntheticCollection(String id, SyntheticObjects generator) {
        this.id = id;
        this.generator = generator;
        String title = "Synthetic collection of " + generator.count() + " objects, seed " + generator.seed();
        this.descriptor = new TaxiiCollection(id, title, "Objects generated for tests and benchmarks", null);
    }

    String id() {
        return id;
    }

    /** Returns an empty collection with this id and title, for the collection resources. */
    TaxiiCollection descriptor() {
        return descriptor;
    }

    CollectionSummary summary() {
        return new CollectionSummary(id, descriptor.title(), null, (int) generator.count());
    }

    /** Returns one page of objects for a request's query parameters. */
    TaxiiPager.Page page(Map<String, List<String>> query, TaxiiPager.Settings settings) throws TaxiiException {
        String version = TaxiiPager.first(query, "match[version]");
        if (version != null && !version.isEmpty() && !version.equals("last")) {
            throw TaxiiException.badRequest("Invalid version provided, only 'last' supported");
        }
        String specVersion = TaxiiPager.first(query, "match[spec_version]");
        if (specVersion != null && !specVersion.isEmpty() && !specVersion.equals("2.1")) {
            throw TaxiiException.badRequest("Invalid spec_version provided, only '2.1' supported");
        }
        int pageSize = TaxiiPager.pageSize(query, settings);
        Predicate<SyntheticObject> filter = filter(query);
        long lowest = firstIndexAfter(addedAfter(query, settings.personality()));

        long start = lowest;
        long skippedMatches = 0;
        String next = TaxiiPager.first(query, "next");
        if (!settings.stuckCursor() && next != null && !next.isEmpty()) {
            if (settings.cursorFormat() == CursorFormat.NUMBER) {
                skippedMatches = numberCursor(next);
                start = skipMatches(lowest, skippedMatches, filter);
            } else {
                start = Math.max(lowest, indexAfterCursor(next, settings.cursorFormat()));
            }
        }

        List<TaxiiObject> page = new ArrayList<>(Math.min(pageSize, 1024));
        long index = start;
        for (; index < generator.count() && page.size() < pageSize; index++) {
            SyntheticObject object = generator.object(index);
            if (filter == null || filter.test(object)) {
                page.add(toTaxiiObject(object));
            }
        }
        boolean more = settings.stuckCursor() || nextMatch(index, filter) < generator.count();

        JsonNode nextNode;
        if (settings.omitNext()) {
            nextNode = null;
        } else if (page.isEmpty()) {
            nextNode = TextNode.valueOf("");
        } else {
            long nextOffset = skippedMatches + page.size();
            nextNode = TaxiiPager.cursorAfter(page.get(page.size() - 1), (int) Math.min(nextOffset, Integer.MAX_VALUE),
                    settings.cursorFormat());
        }
        return new TaxiiPager.Page(page, more, nextNode);
    }

    private static TaxiiObject toTaxiiObject(SyntheticObject object) {
        return new TaxiiObject(object.index(), object.id(), object.type(), object.modified(), "2.1",
                object.dateAdded(), object.toJson());
    }

    /** Returns the {@code match[type]} and {@code match[id]} filter, or null when the request has neither. */
    private static Predicate<SyntheticObject> filter(Map<String, List<String>> query) {
        Predicate<SyntheticObject> filter = null;
        String types = TaxiiPager.first(query, "match[type]");
        if (types != null && !types.isEmpty()) {
            Set<String> accepted = splitCommas(types);
            filter = object -> accepted.contains(object.type());
        }
        String ids = TaxiiPager.first(query, "match[id]");
        if (ids != null && !ids.isEmpty()) {
            Set<String> accepted = splitCommas(ids);
            Predicate<SyntheticObject> byId = object -> accepted.contains(object.id());
            filter = filter == null ? byId : filter.and(byId);
        }
        return filter;
    }

    private static Set<String> splitCommas(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                .collect(Collectors.toSet());
    }

    private static Instant addedAfter(Map<String, List<String>> query, TaxiiPersonality personality)
            throws TaxiiException {
        String addedAfter = TaxiiPager.first(query, "added_after");
        if (addedAfter == null || addedAfter.isEmpty()) {
            return null;
        }
        try {
            return TaxiiTimestamps.parse(addedAfter);
        } catch (DateTimeParseException e) {
            throw TaxiiException.badRequest(TaxiiPager.messagePrefix(personality)
                    + "added_after '" + addedAfter + "' is not an RFC 3339 timestamp");
        }
    }

    /** Returns the index of the first object added strictly after {@code instant}, or 0 for null. */
    private long firstIndexAfter(Instant instant) {
        if (instant == null || instant.isBefore(SyntheticObjects.FIRST_DATE_ADDED)) {
            return 0;
        }
        long micros = microsSinceFirst(instant);
        return Math.min(micros + 1, generator.count());
    }

    /**
     * Returns the index of the first object after the position ({@code date_added}, sequence) that an
     * OPAQUE or SPACED_STRING cursor names. The sequence of object {@code i} is {@code i}.
     */
    private long indexAfterCursor(String cursor, CursorFormat format) throws TaxiiException {
        Instant dateAdded;
        long sequence;
        try {
            String[] parts = format == CursorFormat.OPAQUE ? TaxiiPager.decodeOpaque(cursor) : cursor.split("\\|");
            dateAdded = TaxiiTimestamps.parse(parts[0].strip());
            sequence = Long.parseLong(parts[1].strip());
        } catch (RuntimeException e) {
            throw TaxiiException.badRequest("Invalid next cursor '" + cursor
                    + "': send back the 'next' value from the previous page exactly as returned");
        }
        if (dateAdded.isBefore(SyntheticObjects.FIRST_DATE_ADDED)) {
            return 0;
        }
        long micros = microsSinceFirst(dateAdded);
        boolean exact = SyntheticObjects.dateAdded(micros).equals(dateAdded);
        long index = exact && micros > sequence ? micros : micros + 1;
        return Math.min(index, generator.count());
    }

    private static long microsSinceFirst(Instant instant) {
        Duration since = Duration.between(SyntheticObjects.FIRST_DATE_ADDED, instant);
        return since.getSeconds() * 1_000_000 + since.getNano() / 1000;
    }

    private static long numberCursor(String cursor) throws TaxiiException {
        if (!cursor.matches("\\d{1,9}")) {
            throw TaxiiException.badRequest("Invalid next cursor '" + cursor
                    + "': send back the integer offset from the previous page exactly as returned");
        }
        return Long.parseLong(cursor);
    }

    /** Returns the index after the first {@code matches} matching objects from {@code from}. */
    private long skipMatches(long from, long matches, Predicate<SyntheticObject> filter) {
        if (filter == null) {
            return Math.min(from + matches, generator.count());
        }
        long index = from;
        for (long skipped = 0; skipped < matches && index < generator.count(); index++) {
            if (filter.test(generator.object(index))) {
                skipped++;
            }
        }
        return index;
    }

    /** Returns the index of the first matching object from {@code from}, or the count if there is none. */
    private long nextMatch(long from, Predicate<SyntheticObject> filter) {
        if (filter == null) {
            return Math.min(from, generator.count());
        }
        for (long index = from; index < generator.count(); index++) {
            if (filter.test(generator.object(index))) {
                return index;
            }
        }
        return generator.count();
    }
}
