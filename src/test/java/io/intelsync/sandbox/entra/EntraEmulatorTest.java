package io.intelsync.sandbox.entra;

import static io.intelsync.sandbox.TestHttp.json;
import static io.intelsync.sandbox.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelsync.sandbox.MutableClock;
import io.intelsync.sandbox.http.RecordedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntraEmulatorTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String TENANT = "contoso-tenant";
    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "test-secret~with.symbols";

    /** The body MSAL4J 1.26.1 sends for a client credentials request, with the OIDC scopes it adds. */
    private static final String MSAL_BODY = "client_info=1&grant_type=client_credentials"
            + "&scope=openid+profile+offline_access+https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default"
            + "&client_id=" + CLIENT + "&client_secret=test-secret%7Ewith.symbols";

    private final MutableClock clock = MutableClock.startingAtNewYear2025();
    private EntraEmulator entra;

    @BeforeEach
    void start() throws Exception {
        entra = EntraEmulator.builder().clock(clock).start();
        entra.registerClient(TENANT, CLIENT, SECRET);
        entra.registerClient(TENANT, "second-client", "second-secret");
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    private HttpResponse<String> token(String body, String... headers) throws Exception {
        return post(entra.tokenUrl(TENANT), FORM, body, headers);
    }

    private static String form(String scope, String clientId, String secret) {
        return "grant_type=client_credentials&scope=" + scope + "&client_id=" + clientId + "&client_secret=" + secret;
    }

    @Test
    void msalRequestGetsToken() throws Exception {
        HttpResponse<String> response = token(MSAL_BODY);
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3599);
        assertThat(body.path("ext_expires_in").asLong()).isEqualTo(3599);
        assertThat(body.path("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(body.has("scope")).isFalse();
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void lookupReturnsGrant() throws Exception {
        String accessToken = json(token(MSAL_BODY)).path("access_token").asText();

        Optional<TokenGrant> grant = entra.lookup(accessToken);

        assertThat(grant).isPresent();
        assertThat(grant.get().clientId()).isEqualTo(CLIENT);
        assertThat(grant.get().tenant()).isEqualTo(TENANT);
        assertThat(grant.get().resource()).isEqualTo("https://api.securitycenter.microsoft.com");
        assertThat(grant.get().issuedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(grant.get().expiresAt()).isEqualTo(Instant.parse("2025-01-01T00:59:59Z"));
    }

    @Test
    void basicAuthClientCredentials() throws Exception {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":test-secret%7Ewith.symbols").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = token("grant_type=client_credentials&scope=https%3A%2F%2Fapi.security.microsoft.com%2F.default",
                "Authorization", "Basic " + basic);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(entra.lookup(json(response).path("access_token").asText()).map(TokenGrant::resource))
                .contains("https://api.security.microsoft.com");
    }

    @Test
    void wrongSecretReturnsInvalidClient() throws Exception {
        HttpResponse<String> response = token(form("https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default", CLIENT, "wrong"),
                "client-request-id", "8f0d8a4e-1d37-4b0a-9f4f-3d6a9a1c2b7e");
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body.path("error").asText()).isEqualTo("invalid_client");
        assertThat(body.path("error_description").asText()).startsWith("AADSTS7000215:");
        assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.path("timestamp").asText()).isEqualTo("2025-01-01 00:00:00Z");
        assertThat(body.path("trace_id").asText()).isNotEmpty();
        assertThat(body.path("correlation_id").asText()).isEqualTo("8f0d8a4e-1d37-4b0a-9f4f-3d6a9a1c2b7e");
    }

    @Test
    void unknownClientReturnsUnauthorizedClient() throws Exception {
        HttpResponse<String> response = token(form("https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default", "unknown-app", SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("unauthorized_client");
        assertThat(json(response).path("error_description").asText()).startsWith("AADSTS700016:");
    }

    @Test
    void unknownTenantReturnsInvalidRequest() throws Exception {
        HttpResponse<String> response = post(entra.tokenUrl("other-tenant"), FORM, MSAL_BODY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).path("error_description").asText()).startsWith("AADSTS90002:");
    }

    @Test
    void scopeWithoutDefaultReturnsInvalidScope() throws Exception {
        HttpResponse<String> response = token(form("https%3A%2F%2Fapi.securitycenter.microsoft.com%2FTi.ReadWrite.All", CLIENT, SECRET));
        HttpResponse<String> onlyOidc = token(form("openid+profile+offline_access", CLIENT, SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_scope");
        assertThat(json(response).path("error_description").asText()).startsWith("AADSTS70011:");
        assertThat(onlyOidc.statusCode()).isEqualTo(400);
        assertThat(json(onlyOidc).path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void otherGrantTypeReturnsUnsupported() throws Exception {
        HttpResponse<String> response = token("grant_type=password&scope=x%2F.default&client_id=" + CLIENT + "&client_secret=" + SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void missingSecretReturnsInvalidClient() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&scope=x%2F.default&client_id=" + CLIENT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error_description").asText()).startsWith("AADSTS7000218:");
    }

    @Test
    void tokenExpiresByClock() throws Exception {
        String accessToken = json(token(MSAL_BODY)).path("access_token").asText();

        clock.advance(Duration.ofSeconds(3598));
        Optional<TokenGrant> beforeExpiry = entra.lookup(accessToken);
        clock.advance(Duration.ofSeconds(1));
        Optional<TokenGrant> atExpiry = entra.lookup(accessToken);

        assertThat(beforeExpiry).isPresent();
        assertThat(atExpiry).isEmpty();
    }

    @Test
    void lifetimeIsConfigurable() throws Exception {
        entra.setTokenLifetime(Duration.ofMinutes(10));

        JsonNode body = json(token(MSAL_BODY));

        assertThat(body.path("expires_in").asLong()).isEqualTo(600);
    }

    @Test
    void revokeAllInvalidatesTokens() throws Exception {
        String first = json(token(MSAL_BODY)).path("access_token").asText();

        entra.revokeAllTokens();
        String second = json(token(MSAL_BODY)).path("access_token").asText();

        assertThat(entra.lookup(first)).isEmpty();
        assertThat(entra.lookup(second)).isPresent();
        assertThat(entra.issuedGrants()).hasSize(2);
    }

    @Test
    void clientsAreSeparate() throws Exception {
        HttpResponse<String> response = token(form("x%2F.default", "second-client", "second-secret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(entra.lookup(json(response).path("access_token").asText()).map(TokenGrant::clientId)).contains("second-client");
    }

    @Test
    void requestsCountedAndSecretsMasked() throws Exception {
        token(MSAL_BODY);
        token(form("x%2F.default", CLIENT, "wrong"));
        post(entra.tokenUrl(TENANT), FORM, "grant_type=client_credentials", "Authorization", "Basic c2VjcmV0OnNlY3JldA==");

        RecordedRequest first = entra.requests().get(0);
        RecordedRequest third = entra.requests().get(2);

        assertThat(entra.tokenRequestCount()).isEqualTo(3);
        assertThat(first.body()).contains("client_secret=***");
        assertThat(first.body()).doesNotContain("test-secret");
        assertThat(first.body()).contains("scope=openid+profile+offline_access+");
        assertThat(third.header("authorization")).contains("***");
    }

    @Test
    void injectedFaultHasRetryAfter() throws Exception {
        entra.failTokenRequests(503, 1, 12);

        HttpResponse<String> failed = token(MSAL_BODY);
        HttpResponse<String> recovered = token(MSAL_BODY);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).contains("12");
        assertThat(json(failed).path("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(recovered.statusCode()).isEqualTo(200);
    }

    @Test
    void clientRequestIdIsReturned() throws Exception {
        HttpResponse<String> response = token(MSAL_BODY,
                "client-request-id", "5b7c2f1e-0000-4000-8000-000000000001", "return-client-request-id", "true");

        assertThat(response.headers().firstValue("client-request-id")).contains("5b7c2f1e-0000-4000-8000-000000000001");
    }
}
