package io.intelsync.sandbox.taxii;

/**
 * The shape of the {@code next} cursor in the OpenCTI personality. Clients must treat {@code next}
 * as opaque and send it back exactly, so each format tests a different way of getting that wrong.
 */
public enum CursorFormat {

    /** A Base64 string, as OpenCTI's search-after cursors are. It may contain {@code +}, {@code /} and {@code =}. */
    OPAQUE,

    /**
     * A JSON number: the offset of the next object in the filtered result list. The client must
     * send it back as written, so {@code 1} and never {@code 1.0}. Like any page-number cursor it
     * applies to whatever filters the next request carries.
     */
    NUMBER,

    /** A string with spaces and {@code |}, which the client must percent-encode. */
    SPACED_STRING
}
