package io.intelsync.sandbox.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.http.EmulatorHttpServer;
import io.intelsync.sandbox.http.EmulatorResponse;
import io.intelsync.sandbox.http.Json;
import io.intelsync.sandbox.http.QueryStrings;
import io.intelsync.sandbox.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Microsoft Entra ID (Azure AD) v2.0 token endpoint on 127.0.0.1 for the OAuth 2.0 client
 * credentials grant, with a control API for tests.
 *
 * <p>It serves {@code POST /<tenant>/oauth2/v2.0/token} with a form body. The client
 * authenticates with {@code client_id} and {@code client_secret} in the body (what MSAL4J 1.26.1
 * sends) or with HTTP Basic, which takes precedence when both are present. The scope must name one
 * resource ending in {@code /.default}, and the OpenID Connect scopes {@code openid},
 * {@code profile} and {@code offline_access}, which MSAL4J adds to every request, are ignored.
 * Errors carry AAD's body: {@code error}, {@code error_description} starting with an AADSTS
 * code, {@code error_codes}, {@code timestamp}, {@code trace_id} and {@code correlation_id}.
 *
 * <p>The success body has no {@code scope} member, because MSAL4J stops using its token cache when
 * the returned scope does not contain the requested one. Access tokens are opaque random strings.
 * Secrets and tokens are never logged, and recorded requests have them masked.
 *
 * <p>All methods are thread-safe.
 */
public final class EntraEmulator implements TokenVerifier, AutoCloseable {

    /** The {@code expires_in} of the sample token response in the Defender API documentation. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private static final Logger LOG = LoggerFactory.getLogger(EntraEmulator.class);
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");
    private static final String DEFAULT_SUFFIX = "/.default";
    private static final String MASK = "***";
    private static final DateTimeFormatter AAD_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final EmulatorHttpServer server;

    /** Registered clients: lower-cased tenant, then lower-cased client id, to the secret. */
    private final Map<String, Map<String, String>> tenants = new HashMap<>();
    private final Map<String, TokenGrant> activeTokens = new HashMap<>();
    private final List<TokenGrant> issuedGrants = new ArrayList<>();
    private Duration tokenLifetime;
    private int tokenRequestCount;
    private int faultStatus;
    private int faultTimes;
    private Integer faultRetryAfterSeconds;

    private EntraEmulator(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.tokenLifetime = builder.tokenLifetime;
        this.server = EmulatorHttpServer.start("entra-emulator", builder.port, clock, this::handle, EntraEmulator::maskSecrets);
        LOG.info("Entra token emulator started: login base URL {}", baseUrl());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of an {@link EntraEmulator}. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

        private Builder() {
        }

        /** Sets the TCP port on 127.0.0.1. The default 0 picks an ephemeral port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets the clock for token expiry, error timestamps and recorded request times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Sets the token lifetime, returned as {@code expires_in}. The default is 3599 seconds. */
        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = requirePositive(tokenLifetime);
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IOException if the port cannot be bound
         */
        public EntraEmulator start() throws IOException {
            return new EntraEmulator(this);
        }
    }

    // ---------------------------------------------------------------- URLs

    public int port() {
        return server.port();
    }

    /** Returns the login base URL {@code http://127.0.0.1:PORT}, which takes the place of {@code https://login.microsoftonline.com}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Returns the authority URL of a tenant, {@code http://127.0.0.1:PORT/<tenant>/}. */
    public String authorityUrl(String tenant) {
        return baseUrl() + "/" + tenant + "/";
    }

    /** Returns the token endpoint of a tenant. */
    public String tokenUrl(String tenant) {
        return authorityUrl(tenant) + "oauth2/v2.0/token";
    }

    // ---------------------------------------------------------------- control API

    /** Registers a tenant without clients. Tenant names and client ids match case-insensitively. */
    public synchronized void registerTenant(String tenant) {
        tenants.computeIfAbsent(tenant.toLowerCase(Locale.ROOT), key -> new HashMap<>());
    }

    /** Registers a client and its secret in a tenant, registering the tenant if needed. A tenant may have several clients. */
    public synchronized void registerClient(String tenant, String clientId, String clientSecret) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        tenants.computeIfAbsent(tenant.toLowerCase(Locale.ROOT), key -> new HashMap<>())
                .put(clientId.toLowerCase(Locale.ROOT), clientSecret);
    }

    /** Returns the number of requests to the token endpoint, successful or not. */
    public synchronized int tokenRequestCount() {
        return tokenRequestCount;
    }

    /** Returns every grant issued so far, oldest first, including expired and revoked ones. */
    public synchronized List<TokenGrant> issuedGrants() {
        return List.copyOf(issuedGrants);
    }

    /** Returns the grant of an access token if it was issued, has not expired by the clock and was not revoked. */
    @Override
    public synchronized Optional<TokenGrant> lookup(String accessToken) {
        TokenGrant grant = accessToken == null ? null : activeTokens.get(accessToken);
        if (grant == null || grant.isExpiredAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /** Revokes every token issued so far, as if all had expired. Later requests get new tokens. */
    public synchronized void revokeAllTokens() {
        activeTokens.clear();
    }

    /** Sets the lifetime of tokens issued from now on. */
    public synchronized void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = requirePositive(tokenLifetime);
    }

    /**
     * Makes the next {@code times} token requests fail with {@code status} and an AAD error body,
     * with a {@code Retry-After} header when {@code retryAfterSeconds} is not null.
     */
    public synchronized void failTokenRequests(int status, int times, Integer retryAfterSeconds) {
        if (status < 400 || status > 599 || times < 0) {
            throw new IllegalArgumentException("Invalid fault: status " + status + ", times " + times
                    + ". The status must be 4xx or 5xx and times >= 0.");
        }
        this.faultStatus = status;
        this.faultTimes = times;
        this.faultRetryAfterSeconds = retryAfterSeconds;
    }

    /** Returns every request received so far, oldest first, with client secrets and Basic credentials masked. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public void clearRequests() {
        server.clearRequests();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- request handling

    private synchronized EmulatorResponse handle(RecordedRequest request) {
        List<String> segments = Arrays.stream(request.path().split("/")).filter(segment -> !segment.isEmpty()).toList();
        if (segments.size() != 4 || !segments.get(1).equals("oauth2") || !segments.get(2).equals("v2.0")
                || !segments.get(3).equals("token")) {
            return EmulatorResponse.text(404, "Not found: " + request.path()
                    + ". This emulator serves only POST /<tenant>/oauth2/v2.0/token.");
        }
        tokenRequestCount++;
        String correlationId = request.header("client-request-id").orElseGet(() -> UUID.randomUUID().toString());
        EmulatorResponse response = tokenResponse(request, segments.get(0), correlationId);
        if (request.header("return-client-request-id").map("true"::equalsIgnoreCase).orElse(false)) {
            response = response.withHeader("client-request-id", correlationId);
        }
        return response.withHeader("Cache-Control", "no-store, no-cache").withHeader("Pragma", "no-cache");
    }

    private EmulatorResponse tokenResponse(RecordedRequest request, String tenant, String correlationId) {
        if (!request.method().equals("POST")) {
            return aadError(405, "invalid_request", 900561,
                    "The endpoint only accepts POST requests. Received a " + request.method() + " request.", correlationId);
        }
        if (faultTimes > 0) {
            faultTimes--;
            String error = faultStatus >= 500 || faultStatus == 429 ? "temporarily_unavailable" : "invalid_request";
            EmulatorResponse fault = aadError(faultStatus, error, 90033, "A transient error has occurred. Please try again. (Simulated HTTP " + faultStatus
                            + " set by EntraEmulator.failTokenRequests.)", correlationId);
            return faultRetryAfterSeconds == null ? fault : fault.withHeader("Retry-After", faultRetryAfterSeconds.toString());
        }
        Map<String, String> clients = tenants.get(tenant.toLowerCase(Locale.ROOT));
        if (clients == null) {
            return aadError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the "
                    + "correct tenant ID and are signing into the correct cloud.", correlationId);
        }

        Map<String, String> form = formParameters(request);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            return missingParameter("grant_type", correlationId);
        }
        if (!grantType.equals("client_credentials")) {
            return aadError(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grantType + "'.", correlationId);
        }

        String[] basic = basicCredentials(request);
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String clientSecret = basic != null ? basic[1] : form.get("client_secret");
        if (clientId == null || clientId.isEmpty()) {
            return missingParameter("client_id", correlationId);
        }
        String registeredSecret = clients.get(clientId.toLowerCase(Locale.ROOT));
        if (registeredSecret == null) {
            LOG.info("Rejected token request: client {} is not registered in tenant {}", clientId, tenant);
            return aadError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'. This can happen if the application has not been "
                    + "installed by the administrator of the tenant or consented to by any user in the tenant. "
                    + "You may have sent your authentication request to the wrong tenant.", correlationId);
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            return aadError(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", correlationId);
        }
        if (!MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8), registeredSecret.getBytes(StandardCharsets.UTF_8))) {
            LOG.info("Rejected token request: wrong client secret for client {} in tenant {}", clientId, tenant);
            return aadError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent "
                    + "in the request is the client secret value, not the client secret ID, for a secret added to app '"
                    + clientId + "'.", correlationId);
        }

        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            return missingParameter("scope", correlationId);
        }
        List<String> resourceScopes = Arrays.stream(scope.split(" "))
                .filter(entry -> !entry.isEmpty() && !OIDC_SCOPES.contains(entry))
                .toList();
        if (resourceScopes.size() != 1 || !resourceScopes.get(0).endsWith(DEFAULT_SUFFIX)
                || resourceScopes.get(0).length() == DEFAULT_SUFFIX.length()) {
            return aadError(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid. "
                    + "The scope " + scope + " is not valid. The client credentials flow needs one scope of the form "
                    + "<resource>/.default.", correlationId);
        }
        String resource = resourceScopes.get(0).substring(0, resourceScopes.get(0).length() - DEFAULT_SUFFIX.length());
        return issueToken(clientId, tenant, resource);
    }

    private EmulatorResponse issueToken(String clientId, String tenant, String resource) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String accessToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        TokenGrant grant = new TokenGrant(clientId, tenant, resource, now, now.plus(tokenLifetime));
        activeTokens.put(accessToken, grant);
        issuedGrants.add(grant);
        LOG.debug("Issued a token for client {} in tenant {} for resource {}", clientId, tenant, resource);

        ObjectNode body = Json.object()
                .put("token_type", "Bearer")
                .put("expires_in", tokenLifetime.toSeconds())
                .put("ext_expires_in", tokenLifetime.toSeconds())
                .put("access_token", accessToken);
        return EmulatorResponse.json(200, "application/json; charset=utf-8", body);
    }

    private EmulatorResponse missingParameter(String name, String correlationId) {
        return aadError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.", correlationId);
    }

    private EmulatorResponse aadError(int status, String error, int code, String message, String correlationId) {
        LOG.debug("Returned HTTP {} {} (AADSTS{}) from the token endpoint: {}", status, error, code, message);
        String traceId = UUID.randomUUID().toString();
        String timestamp = AAD_TIMESTAMP.format(clock.instant());
        ObjectNode body = Json.object()
                .put("error", error)
                .put("error_description", "AADSTS" + code + ": " + message + "\r\nTrace ID: " + traceId
                        + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(code);
        body.put("timestamp", timestamp)
                .put("trace_id", traceId)
                .put("correlation_id", correlationId);
        return EmulatorResponse.json(status, "application/json; charset=utf-8", body);
    }

    private static Map<String, String> formParameters(RecordedRequest request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        Map<String, String> form = new LinkedHashMap<>();
        QueryStrings.parse(request.body()).forEach((name, values) -> form.put(name, values.get(0)));
        return form;
    }

    /** Returns the client id and secret of an HTTP Basic header, each form-decoded as RFC 6749 section 2.3.1 requires, or null. */
    private static String[] basicCredentials(RecordedRequest request) {
        String authorization = request.header("authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {QueryStrings.decode(decoded.substring(0, colon)), QueryStrings.decode(decoded.substring(colon + 1))};
    }

    /** Masks {@code client_secret} in the body and the Authorization header of a request before it is recorded. */
    private static RecordedRequest maskSecrets(RecordedRequest request) {
        String body = request.body();
        if (body.contains("client_secret=")) {
            body = Arrays.stream(body.split("&"))
                    .map(pair -> pair.startsWith("client_secret=") ? "client_secret=" + MASK : pair)
                    .collect(Collectors.joining("&"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.computeIfPresent("authorization", (name, values) -> List.of(MASK));
        return new RecordedRequest(request.method(), request.path(), request.rawQuery(), request.query(), headers, body, request.time());
    }

    private static Duration requirePositive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Invalid token lifetime " + duration + ": it must be positive");
        }
        return duration;
    }
}
