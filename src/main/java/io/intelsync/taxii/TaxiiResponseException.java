package io.intelsync.taxii;

/** Thrown when a TAXII server answers with a body that is not a valid envelope. */
public final class TaxiiResponseException extends RuntimeException {

    public TaxiiResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    public TaxiiResponseException(String message) {
        super(message);
    }
}
