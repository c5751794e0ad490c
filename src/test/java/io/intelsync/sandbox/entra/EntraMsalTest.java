package io.intelsync.sandbox.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.intelsync.sandbox.MutableClock;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs MSAL4J against the emulator, as the service does, to check that MSAL accepts and caches its tokens. */
class EntraMsalTest {

    private static final String TENANT = "contoso-tenant";
    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    private static final Set<String> SCOPES = Set.of("https://api.securitycenter.microsoft.com/.default");
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final MutableClock clock = MutableClock.startingAtNewYear2025();
    private EntraEmulator entra;

    @BeforeEach
    void start() throws Exception {
        entra = EntraEmulator.builder().clock(clock).start();
        entra.registerClient(TENANT, CLIENT, "msal-secret");
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    /**
     * Builds an application with the real authority and an HTTP client that sends every request to
     * the emulator instead, because MSAL4J accepts only https authorities.
     */
    private ConfidentialClientApplication application(String secret) throws Exception {
        return ConfidentialClientApplication.builder(CLIENT, ClientCredentialFactory.createFromSecret(secret))
                .authority("https://login.microsoftonline.com/" + TENANT + "/")
                .instanceDiscovery(false)
                .httpClient(new EmulatorForwarder(entra.baseUrl()))
                .build();
    }

    @Test
    void msalGetsTokenOnce() throws Exception {
        ConfidentialClientApplication application = application("msal-secret");

        IAuthenticationResult first = application.acquireToken(ClientCredentialParameters.builder(SCOPES).build()).get();
        IAuthenticationResult second = application.acquireToken(ClientCredentialParameters.builder(SCOPES).build()).get();

        assertThat(second.accessToken()).isEqualTo(first.accessToken());
        assertThat(entra.tokenRequestCount()).isEqualTo(1);
        assertThat(entra.requests()).hasSize(1);
        assertThat(entra.lookup(first.accessToken()).map(TokenGrant::resource)).contains("https://api.securitycenter.microsoft.com");
        assertThat(entra.requests().get(0).body()).contains("scope=openid+profile+offline_access+");
    }

    @Test
    void msalReportsWrongSecret() throws Exception {
        ConfidentialClientApplication application = application("wrong-secret");

        assertThatThrownBy(() -> application.acquireToken(ClientCredentialParameters.builder(SCOPES).build()).get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(MsalServiceException.class)
                .hasMessageContaining("AADSTS7000215");
    }

    /** An MSAL HTTP client that keeps each request's path, query, headers and body but sends it to the emulator. */
    private static final class EmulatorForwarder implements IHttpClient {
        private final String baseUrl;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        EmulatorForwarder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws Exception {
            URL original = request.url();
            String target = baseUrl + original.getPath() + (original.getQuery() == null ? "" : "?" + original.getQuery());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10));
            if (request.headers() != null) {
                request.headers().forEach((name, value) -> {
                    if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        builder.header(name, value);
                    }
                });
            }
            String body = request.body() == null ? "" : request.body();
            builder.method(request.httpMethod().name(), body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            com.microsoft.aad.msal4j.HttpResponse converted = new com.microsoft.aad.msal4j.HttpResponse()
                    .statusCode(response.statusCode())
                    .body(response.body());
            converted.addHeaders(response.headers().map());
            return converted;
        }
    }
}
