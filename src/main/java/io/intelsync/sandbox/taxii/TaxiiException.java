package io.intelsync.sandbox.taxii;

/**
 * A request error that the TAXII emulator returns as an error response shaped by the personality.
 */
final class TaxiiException extends Exception {

    private final int status;
    private final String openCtiErrorCode;

    /**
     * @param status the HTTP status
     * @param message the error text: OpenCTI's {@code title}, medallion's {@code description}
     * @param openCtiErrorCode OpenCTI's {@code error_code}, such as {@code FUNCTIONAL_ERROR}
     */
    TaxiiException(int status, String message, String openCtiErrorCode) {
        super(message, null, false, false);
        this.status = status;
        this.openCtiErrorCode = openCtiErrorCode;
    }

    int status() {
        return status;
    }

    String openCtiErrorCode() {
        return openCtiErrorCode;
    }

    /** Creates a 400 error for a bad query parameter, with OpenCTI's {@code FUNCTIONAL_ERROR} code. */
    static TaxiiException badRequest(String message) {
        return new TaxiiException(400, message, "FUNCTIONAL_ERROR");
    }
}
