package io.intelsync.auth;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.MsalServiceException;

/**
 * Gets Defender API tokens from Microsoft Entra with the client-credentials grant through MSAL4J.
 *
 * <p>One {@link ConfidentialClientApplication} serves the whole process, so that MSAL4J's token cache
 * serves repeated calls until about five minutes before a token expires. The authority is always an https
 * URL on port 443: MSAL4J rejects http authorities, and a non-default port disables its cache (seen with
 * MSAL4J 1.26.1). When the configured sign-in URL is not such a URL, for example a local emulator, the
 * authority keeps Microsoft's public host and {@link LoginHttpClient} sends the requests to the sign-in URL.
 * Instance discovery is off: the client-credentials grant needs only the token endpoint.
 */
public final class MsalTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(MsalTokenProvider.class);
    private static final String PUBLIC_LOGIN_HOST = "login.microsoftonline.com";

    private final ConfidentialClientApplication application;
    private final Set<String> scopes;
    private final String tenantId;
    private final String clientId;
    private final long timeoutMillis;

    /**
     * @param loginUrl the Entra sign-in URL
     * @param tenantId the tenant id
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param scope the scope, {@code {api}/.default}
     * @param httpClient the client that sends MSAL4J's requests
     * @param timeoutMillis the longest wait for one token request
     */
    public MsalTokenProvider(URI loginUrl, String tenantId, String clientId, String clientSecret, String scope,
            IHttpClient httpClient, long timeoutMillis) {
        this.scopes = Set.of(scope);
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.timeoutMillis = timeoutMillis;
        try {
            this.application = ConfidentialClientApplication
                    .builder(clientId, ClientCredentialFactory.createFromSecret(clientSecret))
                    .authority(authority(loginUrl, tenantId))
                    .instanceDiscovery(false)
                    .httpClient(httpClient)
                    .build();
        } catch (java.net.MalformedURLException ex) {
            throw new IllegalArgumentException("Invalid sign-in URL " + loginUrl + " or tenant id " + tenantId, ex);
        }
    }

    /** Returns the https authority given to MSAL4J for a sign-in URL and tenant. */
    static String authority(URI loginUrl, String tenantId) {
        boolean usableAsIs = "https".equalsIgnoreCase(loginUrl.getScheme()) && loginUrl.getPort() == -1
                && (loginUrl.getPath() == null || loginUrl.getPath().isEmpty() || loginUrl.getPath().equals("/"));
        String host = usableAsIs ? loginUrl.getHost() : PUBLIC_LOGIN_HOST;
        return "https://" + host + "/" + tenantId + "/";
    }

    /** Returns an access token, from MSAL4J's cache when it is still valid for more than five minutes. */
    public String accessToken() {
        return acquire(false).accessToken();
    }

    /** Returns the {@code Authorization} header value for a Defender call. */
    public String authorizationHeader() {
        return "Bearer " + accessToken();
    }

    /** Requests a new token from Entra, bypassing the cache, after Defender rejected the cached one. */
    public String refreshAccessToken() {
        return acquire(true).accessToken();
    }

    private IAuthenticationResult acquire(boolean skipCache) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes).skipCache(skipCache).build();
        try {
            IAuthenticationResult result = application.acquireToken(parameters).get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (LOG.isDebugEnabled()) {
                LOG.debug("Token for tenant {} client {} from {}, expires {}", tenantId, clientId,
                        result.metadata() == null ? "unknown" : result.metadata().tokenSource(), result.expiresOnDate());
            }
            return result;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TokenAcquisitionException("Interrupted while requesting a token for client " + clientId, ex);
        } catch (TimeoutException ex) {
            throw new TokenAcquisitionException("No token from Microsoft Entra for tenant " + tenantId + " client "
                    + clientId + " within " + timeoutMillis + " ms; check defender.login-url and the network", ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            throw new TokenAcquisitionException(describe(cause), cause);
        }
    }

    private String describe(Throwable cause) {
        String prefix = "Microsoft Entra refused a token for tenant " + tenantId + " client " + clientId + ": ";
        if (cause instanceof MsalServiceException service) {
            String hint = switch (String.valueOf(service.errorCode())) {
                case "invalid_client" -> "; check the client secret (" + "MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_SECRET)";
                case "unauthorized_client" -> "; check the client id and that the app is registered in the tenant";
                case "invalid_scope" -> "; check defender.base-url, which gives the scope";
                case "invalid_request" -> "; check the tenant id";
                default -> "";
            };
            return prefix + service.errorCode() + " (HTTP " + service.statusCode() + "): " + firstLine(service.getMessage())
                    + hint;
        }
        return "Could not reach Microsoft Entra for tenant " + tenantId + " client " + clientId + ": " + cause;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
