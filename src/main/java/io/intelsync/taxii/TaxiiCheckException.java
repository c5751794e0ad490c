package io.intelsync.taxii;

import java.util.List;

/** Thrown at startup when the TAXII server or a configured collection cannot be read; lists each cause. */
public final class TaxiiCheckException extends RuntimeException {

    public TaxiiCheckException(List<String> problems) {
        super("TAXII startup check failed:\n - " + String.join("\n - ", problems));
    }
}
