package io.intelsync.sandbox.defender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.entra.TokenGrant;
import io.intelsync.sandbox.entra.TokenVerifier;
import io.intelsync.sandbox.http.EmulatorHttpServer;
import io.intelsync.sandbox.http.EmulatorResponse;
import io.intelsync.sandbox.http.Json;
import io.intelsync.sandbox.http.RecordedRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Microsoft Defender for Endpoint indicators API on 127.0.0.1, with a control API for tests.
 *
 * <p>Routes, also under {@code /api/v1.0/} unless the builder sets another indicators path:
 * {@code GET /api/indicators} (List, with {@code $top} up to 10,000, {@code $skip}, a simple
 * {@code $filter}, and {@code @odata.nextLink} when {@code $top} is absent and more than a page
 * remains), {@code POST /api/indicators} (Submit or Update), {@code POST /api/indicators/import}
 * (Import, up to 500), {@code POST /api/indicators/BatchDelete} (up to 500 ids, 404 and nothing
 * deleted if any id is unknown), {@code DELETE /api/indicators/<id>} and
 * {@code GET /api/exposureScore/ByMachineGroups}.
 *
 * <p>Every call needs {@code Authorization: Bearer <token>} with a token that the
 * {@link TokenVerifier} accepts, issued for an accepted resource. The token's client id is the
 * caller, which becomes {@code createdBy} and {@code lastUpdatedBy} and keys the rate limits.
 * Calls are checked in this order: route, token, injected fault, rate limit, body.
 *
 * <p>All methods are thread-safe. Requests and control calls are serialised on the emulator.
 */
public final class DefenderEmulator implements AutoCloseable {

    /** The documented limit of active indicators per tenant. */
    public static final int DEFAULT_TENANT_CAP = 15_000;

    /** Indicators per List page when the request has no {@code $top}. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;

    /** The resources whose tokens Defender accepts, besides the emulator's own base URL. */
    public static final List<String> DEFAULT_ACCEPTED_RESOURCES =
            List.of("https://api.securitycenter.microsoft.com", "https://api.security.microsoft.com");

    private static final Logger LOG = LoggerFactory.getLogger(DefenderEmulator.class);
    private static final List<String> DEFAULT_INDICATORS_PATHS = List.of("/api/indicators", "/api/v1.0/indicators");
    private static final List<String> MACHINE_GROUPS_PATHS =
            List.of("/api/exposureScore/ByMachineGroups", "/api/v1.0/exposureScore/ByMachineGroups");
    private static final DateTimeFormatter SCORE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final TokenVerifier tokenVerifier;
    private final List<String> indicatorsPaths;
    private final Set<String> acceptedResources = new LinkedHashSet<>();
    private final IndicatorStore store = new IndicatorStore();
    private final IndicatorsApi api = new IndicatorsApi(store);
    private final RateLimiter rateLimiter = new RateLimiter();
    private final Map<DefenderEndpoint, FaultPlan> faults = new EnumMap<>(DefenderEndpoint.class);
    private final EmulatorHttpServer server;

    private int tenantCap;
    private int pageSize;
    private boolean rateLimitsEnabled;
    private List<MachineGroup> machineGroups;

    /** Injected failures of one endpoint. */
    private static final class FaultPlan {
        int nextStatus;
        int nextTimes;
        Integer nextRetryAfterSeconds;
        int everyNth;
        int everyNthStatus;
        Integer everyNthRetryAfterSeconds;
        int requestCount;
    }

    private record Route(DefenderEndpoint endpoint, String indicatorId) {
    }

    private DefenderEmulator(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.tokenVerifier = builder.tokenVerifier;
        this.indicatorsPaths = builder.indicatorsPaths;
        this.tenantCap = builder.tenantCap;
        this.pageSize = builder.pageSize;
        this.rateLimitsEnabled = builder.rateLimitsEnabled;
        this.machineGroups = builder.machineGroups;
        builder.acceptedResources.forEach(this::addAcceptedResource);
        this.server = EmulatorHttpServer.start("defender-emulator", builder.port, clock, this::handle, UnaryOperator.identity());
        addAcceptedResource(server.baseUrl());
        LOG.info("Defender emulator started: base URL {}", baseUrl());
    }

    /**
     * Starts building an emulator that accepts the tokens of a verifier, usually the
     * {@link io.intelsync.sandbox.entra.EntraEmulator}.
     */
    public static Builder builder(TokenVerifier tokenVerifier) {
        return new Builder(tokenVerifier);
    }

    /** Options of a {@link DefenderEmulator}. */
    public static final class Builder {
        private final TokenVerifier tokenVerifier;
        private int port;
        private Clock clock = Clock.systemUTC();
        private List<String> indicatorsPaths = DEFAULT_INDICATORS_PATHS;
        private final List<String> acceptedResources = new ArrayList<>(DEFAULT_ACCEPTED_RESOURCES);
        private int tenantCap = DEFAULT_TENANT_CAP;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private boolean rateLimitsEnabled = true;
        private List<MachineGroup> machineGroups =
                List.of(new MachineGroup(1, "Sandbox servers"), new MachineGroup(2, "Sandbox workstations"));

        private Builder(TokenVerifier tokenVerifier) {
            this.tokenVerifier = Objects.requireNonNull(tokenVerifier);
        }

        /** Sets the TCP port on 127.0.0.1. The default 0 picks an ephemeral port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets the clock for rate-limit windows, expiry, timestamps and recorded request times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Serves the indicator routes under this path only, instead of {@code /api/indicators} and {@code /api/v1.0/indicators}. */
        public Builder indicatorsPath(String path) {
            if (path == null || !path.startsWith("/") || path.endsWith("/")) {
                throw new IllegalArgumentException("Invalid indicators path '" + path + "': it must start and not end with '/'");
            }
            this.indicatorsPaths = List.of(path);
            return this;
        }

        /** Accepts tokens for one more resource, besides the defaults and the emulator's own base URL. */
        public Builder acceptedResource(String resource) {
            this.acceptedResources.add(resource);
            return this;
        }

        public Builder tenantCap(int tenantCap) {
            this.tenantCap = requirePositive("tenant cap", tenantCap);
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = requirePositive("page size", pageSize);
            return this;
        }

        public Builder rateLimitsEnabled(boolean enabled) {
            this.rateLimitsEnabled = enabled;
            return this;
        }

        public Builder machineGroups(List<MachineGroup> groups) {
            this.machineGroups = List.copyOf(groups);
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IOException if the port cannot be bound
         */
        public DefenderEmulator start() throws IOException {
            return new DefenderEmulator(this);
        }
    }

    // ---------------------------------------------------------------- URLs

    public int port() {
        return server.port();
    }

    /** Returns {@code http://127.0.0.1:PORT}, which takes the place of {@code https://api.securitycenter.microsoft.com}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Returns the List and Submit URL, {@code http://127.0.0.1:PORT/api/indicators} by default. */
    public String indicatorsUrl() {
        return baseUrl() + indicatorsPaths.get(0);
    }

    // ---------------------------------------------------------------- control API: data

    /**
     * Stores an indicator as if the application {@code createdBy} had submitted it, and returns
     * its id. The body is checked for shape but not for the value rules or the tenant cap, so
     * tests can seed values that Defender would reject. An existing (type, value) pair is updated.
     *
     * @throws IllegalArgumentException if the body lacks a required field or has a wrong enum value
     */
    public String putIndicator(JsonNode indicator, String createdBy) {
        return putIndicator(indicator, createdBy, "AadApp");
    }

    /**
     * Stores an indicator like {@link #putIndicator(JsonNode, String)}, with a source type:
     * {@code AadApp} for an application or {@code User} for a person in the portal.
     */
    public synchronized String putIndicator(JsonNode indicator, String createdBy, String sourceType) {
        IndicatorRequest request;
        try {
            request = IndicatorsApi.withGroupIds(IndicatorRequest.parse(indicator, ""), machineGroups);
        } catch (DefenderApiException e) {
            throw new IllegalArgumentException("Invalid indicator to seed: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        store.removeExpired(now);
        Optional<StoredIndicator> existing = store.find(request.indicatorType(), request.indicatorValue(), request.rbacGroupNames());
        if (existing.isPresent()) {
            existing.get().update(request, createdBy, now);
            return Long.toString(existing.get().id);
        }
        return Long.toString(store.create(request, createdBy, sourceType, now).id);
    }

    /** Returns a copy of every active indicator, in id order, as List returns them. */
    public synchronized List<ObjectNode> indicators() {
        store.removeExpired(clock.instant());
        return store.all().stream().map(StoredIndicator::toJson).toList();
    }

    /** Deletes every indicator. */
    public synchronized void clearIndicators() {
        store.all().forEach(store::remove);
    }

    /** Returns every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public void clearRequests() {
        server.clearRequests();
    }

    // ---------------------------------------------------------------- control API: behaviour

    /**
     * Makes the next {@code times} authenticated calls to an endpoint fail with {@code status} and
     * the API's error body for it, with a {@code Retry-After} header when {@code retryAfterSeconds}
     * is not null. Failed calls do not count towards the rate limits.
     */
    public synchronized void failNext(DefenderEndpoint endpoint, int status, int times, Integer retryAfterSeconds) {
        requireErrorStatus(status);
        if (times < 0) {
            throw new IllegalArgumentException("Invalid times " + times + ": it must be >= 0");
        }
        FaultPlan plan = faults.computeIfAbsent(endpoint, key -> new FaultPlan());
        plan.nextStatus = status;
        plan.nextTimes = times;
        plan.nextRetryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Makes every import request that contains the value fail whole with 400 {@code InvalidRequestBody}, as
     * Defender answers a request body it rejects, so that a client must find the item itself.
     */
    public void rejectBatchesContaining(String indicatorValue) {
        api.rejectBatchesContaining(indicatorValue);
    }

    /** Makes every {@code n}th authenticated call to an endpoint fail, counting from the next call. */
    public synchronized void failEveryNth(DefenderEndpoint endpoint, int n, int status, Integer retryAfterSeconds) {
        requireErrorStatus(status);
        FaultPlan plan = faults.computeIfAbsent(endpoint, key -> new FaultPlan());
        plan.everyNth = requirePositive("n", n);
        plan.everyNthStatus = status;
        plan.everyNthRetryAfterSeconds = retryAfterSeconds;
        plan.requestCount = 0;
    }

    /** Removes every injected fault. */
    /** Removes every injected fault, including the batches refused by {@link #rejectBatchesContaining}. */
    public synchronized void clearFaults() {
        faults.clear();
        api.clearBatchRejections();
    }

    public synchronized void setTenantCap(int tenantCap) {
        this.tenantCap = requirePositive("tenant cap", tenantCap);
    }

    /** Sets how many indicators a List page has when the request has no {@code $top}. */
    public synchronized void setPageSize(int pageSize) {
        this.pageSize = requirePositive("page size", pageSize);
    }

    /** Switches the rate limits on or off. They are on by default. */
    public synchronized void setRateLimitsEnabled(boolean enabled) {
        this.rateLimitsEnabled = enabled;
    }

    /** Replaces an endpoint's rate limits. An empty list means no limit. */
    public synchronized void setRateLimits(DefenderEndpoint endpoint, List<RateLimit> limits) {
        rateLimiter.setLimits(endpoint, limits);
    }

    /** Restores the documented rate limits and clears the counted calls. */
    public synchronized void resetRateLimits() {
        rateLimiter.resetToDocumentedLimits();
    }

    public synchronized void setMachineGroups(List<MachineGroup> groups) {
        this.machineGroups = List.copyOf(groups);
    }

    /** Accepts tokens issued for one more resource, such as {@code https://api-gcc.securitycenter.microsoft.us}. */
    public synchronized void addAcceptedResource(String resource) {
        acceptedResources.add(stripTrailingSlash(resource));
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- request handling

    private synchronized EmulatorResponse handle(RecordedRequest request) {
        try {
            Route route = route(request);
            TokenGrant grant = authenticate(request);
            applyFault(route.endpoint());
            Instant now = clock.instant();
            if (rateLimitsEnabled) {
                applyRateLimit(grant.clientId(), route.endpoint(), now);
            }
            store.removeExpired(now);
            IndicatorsApi.Call call = new IndicatorsApi.Call(request, baseUrl(), grant.clientId(), now);
            return switch (route.endpoint()) {
                case LIST -> api.list(call, pageSize);
                case SUBMIT -> api.submit(call, tenantCap, machineGroups);
                case IMPORT -> api.importIndicators(call, tenantCap, machineGroups);
                case BATCH_DELETE -> api.batchDelete(call);
                case DELETE -> api.delete(route.indicatorId());
                case MACHINE_GROUPS -> api.machineGroups(call, machineGroups, SCORE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)));
            };
        } catch (DefenderApiException e) {
            LOG.debug("Returned HTTP {} {} for {} {}: {}", e.status(), e.code(), request.method(), request.path(), e.getMessage());
            return errorResponse(e);
        }
    }

    private Route route(RecordedRequest request) throws DefenderApiException {
        String path = stripTrailingSlash(request.path());
        String method = request.method();
        for (String groupsPath : MACHINE_GROUPS_PATHS) {
            if (path.equalsIgnoreCase(groupsPath)) {
                return requireMethod(method, "GET", new Route(DefenderEndpoint.MACHINE_GROUPS, null));
            }
        }
        for (String base : indicatorsPaths) {
            if (path.equalsIgnoreCase(base)) {
                if (method.equals("GET")) {
                    return new Route(DefenderEndpoint.LIST, null);
                }
                return requireMethod(method, "POST", new Route(DefenderEndpoint.SUBMIT, null));
            }
            if (!path.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT) + "/")) {
                continue;
            }
            String rest = path.substring(base.length() + 1);
            if (rest.equalsIgnoreCase("import")) {
                return requireMethod(method, "POST", new Route(DefenderEndpoint.IMPORT, null));
            }
            if (rest.equalsIgnoreCase("BatchDelete")) {
                return requireMethod(method, "POST", new Route(DefenderEndpoint.BATCH_DELETE, null));
            }
            if (!rest.contains("/")) {
                return requireMethod(method, "DELETE", new Route(DefenderEndpoint.DELETE, rest));
            }
        }
        throw new DefenderApiException(404, "ResourceNotFound", "No API resource at " + request.path());
    }

    private static Route requireMethod(String method, String allowed, Route route) throws DefenderApiException {
        if (!method.equals(allowed)) {
            throw new DefenderApiException(405, "MethodNotAllowed", "The requested resource does not support method " + method);
        }
        return route;
    }

    private TokenGrant authenticate(RecordedRequest request) throws DefenderApiException {
        String authorization = request.header("authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new DefenderApiException(401, "Unauthorized", "Authorization header is missing or is not a Bearer token");
        }
        Optional<TokenGrant> grant = tokenVerifier.lookup(authorization.substring(7).strip());
        if (grant.isEmpty()) {
            throw new DefenderApiException(401, "Unauthorized", "Authorization token is invalid or expired");
        }
        String resource = stripTrailingSlash(grant.get().resource());
        if (!acceptedResources.contains(resource)) {
            throw new DefenderApiException(401, "Unauthorized", "The token's audience '" + resource
                    + "' is not accepted. Request a token for one of " + acceptedResources + " with the scope <resource>/.default.");
        }
        return grant.get();
    }

    private void applyFault(DefenderEndpoint endpoint) throws DefenderApiException {
        FaultPlan plan = faults.get(endpoint);
        if (plan == null) {
            return;
        }
        plan.requestCount++;
        if (plan.nextTimes > 0) {
            plan.nextTimes--;
            LOG.debug("Injected HTTP {} into a {} call", plan.nextStatus, endpoint);
            throw faultFor(plan.nextStatus, plan.nextRetryAfterSeconds);
        }
        if (plan.everyNth > 0 && plan.requestCount % plan.everyNth == 0) {
            LOG.debug("Injected HTTP {} into {} call {}", plan.everyNthStatus, endpoint, plan.requestCount);
            throw faultFor(plan.everyNthStatus, plan.everyNthRetryAfterSeconds);
        }
    }

    private void applyRateLimit(String clientId, DefenderEndpoint endpoint, Instant now) throws DefenderApiException {
        Optional<RateLimiter.Rejection> rejection = rateLimiter.tryAcquire(clientId, endpoint, now);
        if (rejection.isPresent()) {
            RateLimit limit = rejection.get().limit();
            long seconds = rejection.get().retryAfterSeconds();
            LOG.debug("Throttled a {} call of client {}: more than {} calls per {}", endpoint, clientId, limit.maxCalls(), limit.window());
            throw new DefenderApiException(429, "TooManyRequests", "API calls quota exceeded: at most " + limit.maxCalls()
                    + " calls per " + limit.window().toSeconds() + " seconds are allowed. Retry after " + seconds + " seconds.",
                    (int) seconds);
        }
    }

    /** Returns the API's usual error for a status, used for injected faults. */
    private static DefenderApiException faultFor(int status, Integer retryAfterSeconds) {
        String[] codeAndMessage = switch (status) {
            case 400 -> new String[] {"BadRequest", "Bad request"};
            case 401 -> new String[] {"Unauthorized", "Authorization token is invalid or expired"};
            case 403 -> new String[] {"Forbidden", "The application does not have the permission Ti.ReadWrite.All"};
            case 404 -> new String[] {"NotFound", "Resource not found"};
            case 429 -> new String[] {"TooManyRequests", "API calls quota exceeded. Retry after the time in the Retry-After header."};
            case 500 -> new String[] {"InternalServerError", "An internal error occurred. Retry the request."};
            case 503 -> new String[] {"ServiceUnavailable", "The service is temporarily unavailable. Retry the request."};
            default -> new String[] {"Error", "The request failed with HTTP " + status};
        };
        return new DefenderApiException(status, codeAndMessage[0], codeAndMessage[1], retryAfterSeconds);
    }

    private static EmulatorResponse errorResponse(DefenderApiException e) {
        ObjectNode error = Json.object();
        error.putObject("error")
                .put("code", e.code())
                .put("message", e.getMessage())
                .put("target", UUID.randomUUID().toString());
        EmulatorResponse response = EmulatorResponse.json(e.status(), "application/json; charset=utf-8", error);
        if (e.retryAfterSeconds() != null) {
            response = response.withHeader("Retry-After", e.retryAfterSeconds().toString());
        }
        if (e.status() == 401) {
            response = response.withHeader("WWW-Authenticate", "Bearer");
        }
        return response;
    }

    private static void requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Invalid fault status " + status + ": use a 4xx or 5xx status");
        }
    }

    private static int requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + name + " " + value + ": it must be positive");
        }
        return value;
    }

    private static String stripTrailingSlash(String text) {
        return text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
