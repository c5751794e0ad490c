package io.intelsync.state;

/** Thrown when the sync state cannot be read or written; the message names the database URL. */
public final class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
