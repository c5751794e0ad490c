package io.intelsync.config;

/** How the service authenticates to the TAXII server. */
public enum TaxiiAuth {
    /** {@code Authorization: Bearer <token>}, as OpenCTI expects with its API token. */
    BEARER,
    /** HTTP Basic with a user name and password, which every TAXII 2.1 server supports. */
    BASIC,
    /** No credentials, for public collections. */
    NONE
}
