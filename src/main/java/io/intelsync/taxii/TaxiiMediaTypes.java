package io.intelsync.taxii;

/** Media types and header names of TAXII 2.1. */
public final class TaxiiMediaTypes {

    /** The media type of TAXII 2.1 resources, sent as {@code Accept}. */
    public static final String TAXII_JSON = "application/taxii+json;version=2.1";

    /** Response header with the {@code date_added} of the last object of a page. */
    public static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    /** Response header with the {@code date_added} of the first object of a page. */
    public static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";

    private TaxiiMediaTypes() {
    }
}
