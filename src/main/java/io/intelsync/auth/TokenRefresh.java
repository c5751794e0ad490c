package io.intelsync.auth;

import java.net.URI;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a 401 from Defender, which means that the token expired or was revoked before MSAL4J's cache
 * noticed: the error policy retries such a call once, and this processor, run just before the retry, gets a
 * new token and puts it on the message. It has to run as Camel's on-redelivery processor: Camel restores the
 * message as it was before the failed call when it redelivers, so a header set when the failure occurred is
 * lost. A 401 from any other host is not retried this way, so a Defender token never goes to the
 * TAXII server.
 */
public final class TokenRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresh.class);

    private final MsalTokenProvider tokens;
    private final URI defenderBaseUrl;

    public TokenRefresh(MsalTokenProvider tokens, URI defenderBaseUrl) {
        this.tokens = tokens;
        this.defenderBaseUrl = defenderBaseUrl;
    }

    /** Returns whether the exchange failed with a 401 from the Defender API. */
    public boolean isDefenderUnauthorized(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!(failure instanceof HttpOperationFailedException http) || http.getStatusCode() != 401) {
            return false;
        }
        URI failed = URI.create(http.getUri());
        return defenderBaseUrl.getScheme().equalsIgnoreCase(failed.getScheme())
                && defenderBaseUrl.getHost().equalsIgnoreCase(failed.getHost()) && defenderBaseUrl.getPort() == failed.getPort();
    }

    /** Requests a new token and sets it on the message for the retry. */
    public void refresh(Exchange exchange) {
        LOG.warn("Defender answered 401; requesting a new token and retrying once");
        exchange.getMessage().setHeader("Authorization", "Bearer " + tokens.refreshAccessToken());
    }
}
