package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.intelsync.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Filters and pages the objects of a collection as OpenCTI or medallion does. Not thread-safe,
 * because medallion's paging sessions live here.
 */
final class TaxiiPager {

    /**
     * One page of objects.
     *
     * @param objects the objects on the page, in paging order
     * @param more whether the server reports more objects
     * @param next the {@code next} member, or {@code null} to leave it out
     */
    record Page(List<TaxiiObject> objects, boolean more, JsonNode next) {
    }

    /** The paging knobs in force for one request. */
    record Settings(
            TaxiiPersonality personality,
            int maxPageSize,
            CursorFormat cursorFormat,
            boolean omitNext,
            boolean stuckCursor,
            Duration sessionTimeout) {
    }

    /** The {@code next} that a stuck medallion server returns on every page. */
    private static final String STUCK_SESSION_ID = "00000000-0000-4000-8000-000000000000";

    private final MedallionSessions sessions = new MedallionSessions();

    /** Returns one page of the collection's objects for a request's query parameters. */
    Page page(List<TaxiiObject> objects, Map<String, List<String>> query, Settings settings, Instant now)
            throws TaxiiException {
        return settings.personality() == TaxiiPersonality.OPENCTI
                ? openCtiPage(objects, query, settings)
                : medallionPage(objects, query, settings, now);
    }

    int openSessionCount() {
        return sessions.size();
    }

    /**
     * Pages as OpenCTI does: only the newest version of each object exists, {@code next} is a
     * stateless position that applies to whatever filters the request carries, and {@code next}
     * is present even on the last page.
     */
    private Page openCtiPage(List<TaxiiObject> objects, Map<String, List<String>> query, Settings settings)
            throws TaxiiException {
        String version = first(query, "match[version]");
        if (version != null && !version.isEmpty() && !version.equals("last")) {
            throw TaxiiException.badRequest("Invalid version provided, only 'last' supported");
        }
        String specVersion = first(query, "match[spec_version]");
        if (specVersion != null && !specVersion.isEmpty() && !specVersion.equals("2.1")) {
            throw TaxiiException.badRequest("Invalid spec_version provided, only '2.1' supported");
        }
        int pageSize = pageSize(query, settings);
        List<TaxiiObject> candidates = ObjectFilters.byVersion(objects, "last");
        candidates = applyCommonFilters(candidates, query, settings.personality());

        int start = 0;
        String next = first(query, "next");
        if (!settings.stuckCursor() && next != null && !next.isEmpty()) {
            start = startOfCursor(candidates, next, settings.cursorFormat());
        }
        int end = Math.min(start + pageSize, candidates.size());
        List<TaxiiObject> page = List.copyOf(candidates.subList(Math.min(start, end), end));
        boolean more = settings.stuckCursor() || end < candidates.size();

        JsonNode nextNode;
        if (settings.omitNext()) {
            nextNode = null;
        } else if (page.isEmpty()) {
            nextNode = TextNode.valueOf("");
        } else {
            nextNode = cursorAfter(page.get(page.size() - 1), end, settings.cursorFormat());
        }
        return new Page(page, more, nextNode);
    }

    /**
     * Pages as medallion's memory backend does: the first page that leaves objects over opens a
     * session, later pages read from it, and the envelope echoes the session id even on its last page.
     */
    private Page medallionPage(List<TaxiiObject> objects, Map<String, List<String>> query, Settings settings, Instant now)
            throws TaxiiException {
        int pageSize = pageSize(query, settings);
        Map<String, List<String>> arguments = sessionArguments(query);

        if (settings.stuckCursor()) {
            List<TaxiiObject> matches = medallionFilters(objects, query);
            List<TaxiiObject> page = List.copyOf(matches.subList(0, Math.min(pageSize, matches.size())));
            return new Page(page, true, settings.omitNext() ? null : TextNode.valueOf(STUCK_SESSION_ID));
        }

        String next = first(query, "next");
        if (next != null && !next.isEmpty()) {
            Page page = sessions.takePage(next, arguments, pageSize, now, settings.sessionTimeout());
            return new Page(page.objects(), page.more(), settings.omitNext() ? null : TextNode.valueOf(next));
        }

        List<TaxiiObject> matches = medallionFilters(objects, query);
        if (matches.size() <= pageSize) {
            return new Page(matches, false, null);
        }
        List<TaxiiObject> page = List.copyOf(matches.subList(0, pageSize));
        if (settings.omitNext()) {
            return new Page(page, true, null);
        }
        String sessionId = sessions.create(matches.subList(pageSize, matches.size()), arguments, now);
        return new Page(page, true, TextNode.valueOf(sessionId));
    }

    /** Applies medallion's filter order: type, id, added_after, spec_version, version. */
    private static List<TaxiiObject> medallionFilters(List<TaxiiObject> objects, Map<String, List<String>> query)
            throws TaxiiException {
        List<TaxiiObject> matches = applyCommonFilters(objects, query, TaxiiPersonality.MEDALLION);
        matches = ObjectFilters.bySpecVersion(matches, emptyToNull(first(query, "match[spec_version]")));
        matches = ObjectFilters.byVersion(matches, emptyToNull(first(query, "match[version]")));
        List<TaxiiObject> sorted = new ArrayList<>(matches);
        sorted.sort(TaxiiObject.PAGING_ORDER);
        return sorted;
    }

    private static List<TaxiiObject> applyCommonFilters(
            List<TaxiiObject> objects, Map<String, List<String>> query, TaxiiPersonality personality) throws TaxiiException {
        List<TaxiiObject> matches = objects;
        String types = emptyToNull(first(query, "match[type]"));
        if (types != null) {
            matches = ObjectFilters.byType(matches, types);
        }
        String ids = emptyToNull(first(query, "match[id]"));
        if (ids != null) {
            matches = ObjectFilters.byId(matches, ids);
        }
        String addedAfter = emptyToNull(first(query, "added_after"));
        if (addedAfter != null) {
            try {
                matches = ObjectFilters.addedAfter(matches, TaxiiTimestamps.parse(addedAfter));
            } catch (DateTimeParseException e) {
                throw TaxiiException.badRequest(messagePrefix(personality)
                        + "added_after '" + addedAfter + "' is not an RFC 3339 timestamp");
            }
        }
        return matches;
    }

    /**
     * Returns the page size: {@code limit} cut to the page cap, or the cap without {@code limit}.
     * Medallion rejects a {@code limit} that is not a positive integer with 400.
     */
    // NOTE: OpenCTI passes limit through parseInt without checking it. What it returns for 0 or a
    // non-number is not known, so both personalities return 400 here.
    static int pageSize(Map<String, List<String>> query, Settings settings) throws TaxiiException {
        String limit = first(query, "limit");
        if (limit == null || limit.isEmpty()) {
            return settings.maxPageSize();
        }
        int requested;
        try {
            requested = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            requested = 0;
        }
        if (requested <= 0) {
            throw TaxiiException.badRequest(messagePrefix(settings.personality())
                    + "limit '" + limit + "' is not a positive integer");
        }
        return Math.min(requested, settings.maxPageSize());
    }

    // NOTE: OpenCTI's response to a malformed cursor is not known. A 400 is assumed.
    private static int startOfCursor(List<TaxiiObject> candidates, String cursor, CursorFormat format) throws TaxiiException {
        if (format == CursorFormat.NUMBER) {
            if (!cursor.matches("\\d{1,9}")) {
                throw TaxiiException.badRequest("Invalid next cursor '" + cursor
                        + "': send back the integer offset from the previous page exactly as returned");
            }
            return Integer.parseInt(cursor);
        }
        Instant dateAdded;
        long sequence;
        try {
            String[] parts = format == CursorFormat.OPAQUE
                    ? decodeOpaque(cursor)
                    : cursor.split("\\|");
            dateAdded = TaxiiTimestamps.parse(parts[0].strip());
            sequence = Long.parseLong(parts[1].strip());
        } catch (RuntimeException e) {
            throw TaxiiException.badRequest("Invalid next cursor '" + cursor
                    + "': send back the 'next' value from the previous page exactly as returned");
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).isAfter(dateAdded, sequence)) {
                return i;
            }
        }
        return candidates.size();
    }

    static String[] decodeOpaque(String cursor) {
        String json = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        try {
            JsonNode position = Json.MAPPER.readTree(json);
            return new String[] {position.get(0).asText(), position.get(1).asText()};
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cursor is not a JSON array", e);
        }
    }

    static JsonNode cursorAfter(TaxiiObject last, int nextOffset, CursorFormat format) {
        String dateAdded = last.dateAdded().toString();
        return switch (format) {
            case NUMBER -> IntNode.valueOf(nextOffset);
            case SPACED_STRING -> TextNode.valueOf(dateAdded + " | " + last.sequence() + " | sandbox cursor");
            case OPAQUE -> {
                String json = Json.array().add(dateAdded).add(last.sequence()).toString();
                yield TextNode.valueOf(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
            }
        };
    }

    /**
     * Returns the filter arguments that a medallion session compares between pages: every query
     * parameter except {@code next} and {@code limit}, each value split on commas and sorted.
     */
    private static Map<String, List<String>> sessionArguments(Map<String, List<String>> query) {
        Map<String, List<String>> arguments = new TreeMap<>();
        query.forEach((name, values) -> {
            if (name.equals("next") || name.equals("limit") || values.isEmpty()) {
                return;
            }
            List<String> entries = new ArrayList<>(Arrays.asList(values.get(0).split(",")));
            entries.sort(null);
            arguments.put(name, entries);
        });
        return arguments;
    }

    static String messagePrefix(TaxiiPersonality personality) {
        return personality == TaxiiPersonality.MEDALLION
                ? "The server did not understand the request or filter parameters: "
                : "Invalid parameter: ";
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
