package io.intelsync.sandbox.taxii;

/**
 * The TAXII 2.1 server whose observable behaviour the emulator copies.
 *
 * <p>Both personalities serve discovery at {@code /taxii2/} and the API root at
 * {@code /taxii2/<root>/}, which is OpenCTI's layout. Medallion itself serves API roots at
 * {@code /<root>/}.
 */
public enum TaxiiPersonality {

    /**
     * OpenCTI's TAXII 2.1 router: Bearer or Basic authentication, no Accept check, a stateless
     * cursor, an envelope that always has {@code more}, {@code next} and {@code objects}, at most
     * 500 objects a page, date headers with millisecond precision, a numeric {@code http_status}
     * and 403 for an unknown collection.
     */
    OPENCTI(500, 3),

    /**
     * Medallion, the OASIS reference server, with its memory backend: Basic authentication only,
     * 406 for a wrong Accept header, {@code next} as a server-side session that expires 30 seconds
     * after the first page, {@code {}} for an empty page, at most 100 objects a page, date headers
     * with microsecond precision, a string {@code http_status} and 404 for an unknown collection.
     */
    MEDALLION(100, 6);

    private final int maxPageSize;
    private final int timestampFractionDigits;

    TaxiiPersonality(int maxPageSize, int timestampFractionDigits) {
        this.maxPageSize = maxPageSize;
        this.timestampFractionDigits = timestampFractionDigits;
    }

    /** Returns the server's page cap: a larger {@code limit} is cut to it, and no {@code limit} means this many. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** Returns the number of fractional second digits in {@code date_added} values and date headers. */
    public int timestampFractionDigits() {
        return timestampFractionDigits;
    }
}
