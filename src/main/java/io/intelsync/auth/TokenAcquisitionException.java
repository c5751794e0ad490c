package io.intelsync.auth;

/** Thrown when Microsoft Entra does not issue a token; the message names the tenant, the client and the cause. */
public final class TokenAcquisitionException extends RuntimeException {

    public TokenAcquisitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
