package io.intelsync.sandbox.taxii;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Medallion's server-side paging sessions. The first page of a result stores the remaining
 * objects under a random UUID, which the envelope returns as {@code next}. Objects added later
 * never appear in an open session. Not thread-safe.
 *
 * <p>Medallion's memory backend stamps a session when it creates it and drops it once more than
 * the session timeout (30 seconds by default) has passed, however many pages were read since.
 */
final class MedallionSessions {

    /** The message medallion returns for an unknown or expired {@code next}. */
    static final String NEXT_NOT_VALID =
            "The server did not understand the request or filter parameters: 'next' not valid";

    /** The message medallion returns when a later page's filters differ from the first page's. */
    static final String PARAMS_CHANGED =
            "The server did not understand the request or filter parameters: params changed over subsequent transaction";

    private record Session(List<TaxiiObject> remaining, Map<String, List<String>> arguments, Instant createdAt) {
    }

    private final Map<String, Session> sessions = new HashMap<>();

    /** Stores the remaining objects and returns the session id for {@code next}. */
    String create(List<TaxiiObject> remaining, Map<String, List<String>> arguments, Instant now) {
        String id = UUID.randomUUID().toString();
        sessions.put(id, new Session(new ArrayList<>(remaining), arguments, now));
        return id;
    }

    /**
     * Takes the next page of a session and removes the session when nothing remains.
     *
     * @param arguments the request's normalised filter arguments, which must equal the first page's
     * @return the page, with {@code more} telling whether the session still contains objects
     * @throws TaxiiException 400 if the session is unknown or expired, or if the filters changed
     */
    TaxiiPager.Page takePage(String id, Map<String, List<String>> arguments, int pageSize, Instant now, Duration timeout)
            throws TaxiiException {
        sessions.values().removeIf(session -> Duration.between(session.createdAt(), now).compareTo(timeout) > 0);
        Session session = sessions.get(id);
        if (session == null) {
            throw TaxiiException.badRequest(NEXT_NOT_VALID);
        }
        if (!session.arguments().equals(arguments)) {
            throw TaxiiException.badRequest(PARAMS_CHANGED);
        }
        List<TaxiiObject> remaining = session.remaining();
        List<TaxiiObject> page = List.copyOf(remaining.subList(0, Math.min(pageSize, remaining.size())));
        remaining.subList(0, page.size()).clear();
        boolean more = !remaining.isEmpty();
        if (!more) {
            sessions.remove(id);
        }
        return new TaxiiPager.Page(page, more, null);
    }

    int size() {
        return sessions.size();
    }
}
