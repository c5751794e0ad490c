package io.intelsync.sandbox.defender;

/**
 * An error that the Defender emulator returns with the API's body
 * {@code {"error":{"code":..,"message":..,"target":..}}}.
 */
final class DefenderApiException extends Exception {

    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    DefenderApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @param retryAfterSeconds the {@code Retry-After} header value, or null for none */
    DefenderApiException(int status, String code, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static DefenderApiException invalidRequestBody(String detail) {
        return new DefenderApiException(400, "InvalidRequestBody", "Request body is incorrect: " + detail);
    }

    static DefenderApiException missingParameter(String name) {
        return new DefenderApiException(400, "MissingRequiredParameter", "Parameter " + name + " is missing");
    }
}
