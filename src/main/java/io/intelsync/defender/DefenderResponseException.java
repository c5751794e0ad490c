package io.intelsync.defender;

/** Thrown when Defender responds with a body or link that the service cannot use. */
public final class DefenderResponseException extends RuntimeException {

    public DefenderResponseException(String message) {
        super(message);
    }

    public DefenderResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
