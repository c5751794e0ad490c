package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.http.EmulatorHttpServer;
import io.intelsync.sandbox.http.EmulatorResponse;
import io.intelsync.sandbox.http.Json;
import io.intelsync.sandbox.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TAXII 2.1 server on 127.0.0.1 that serves STIX objects read from data files, with the
 * observable behaviour of OpenCTI or medallion (see {@link TaxiiPersonality}), and a control API
 * for tests.
 *
 * <p>URL layout, with trailing slashes optional: discovery {@code GET /taxii2/}, API root
 * {@code GET /taxii2/<root>/}, {@code GET .../collections/}, {@code .../collections/<id>/},
 * {@code .../collections/<id>/objects/} and {@code .../collections/<id>/manifest/}. Only GET is
 * served. Authentication is required only when a bearer token or Basic credentials are set.
 *
 * <p>All methods are thread-safe. Requests and control calls are serialised on the emulator.
 */
public final class TaxiiEmulator implements AutoCloseable {

    /** The TAXII 2.1 media type of every successful response. */
    public static final String TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";

    /** The API root name unless the builder sets another. */
    public static final String DEFAULT_API_ROOT = "root";

    /** Medallion's default {@code session_timeout}: how long a {@code next} stays valid after the first page. */
    public static final Duration MEDALLION_SESSION_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiEmulator.class);
    private static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
    private static final Pattern ACCEPT_ENTRY = Pattern.compile("^application/taxii\\+json(;version=(\\d\\.\\d))?$");

    private final Clock clock;
    private final String apiRootName;
    private final AtomicLong sequences = new AtomicLong();
    private final Map<String, TaxiiCollection> collections = new LinkedHashMap<>();
    private final Map<String, SyntheticCollection> syntheticCollections = new LinkedHashMap<>();
    private final Map<String, ObjectsFault> faults = new HashMap<>();
    private final TaxiiPager pager = new TaxiiPager();
    private final EmulatorHttpServer server;

    private TaxiiPersonality personality;
    private Integer maxPageSizeOverride;
    private CursorFormat cursorFormat = CursorFormat.OPAQUE;
    private boolean omitNext;
    private boolean stuckCursor;
    private Duration sessionTimeout = MEDALLION_SESSION_TIMEOUT;
    private String bearerToken;
    private String basicUsername;
    private String basicPassword;

    /** Countdown of injected failures for one collection's objects requests. */
    private static final class ObjectsFault {
        int letThrough;
        final int status;
        int times;

        ObjectsFault(int letThrough, int status, int times) {
            this.letThrough = letThrough;
            this.status = status;
            this.times = times;
        }
    }

    private TaxiiEmulator(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.apiRootName = builder.apiRootName;
        this.personality = builder.personality;
        this.bearerToken = builder.bearerToken;
        this.basicUsername = builder.basicUsername;
        this.basicPassword = builder.basicPassword;
        if (builder.loadData) {
            TaxiiDataLoader loader = new TaxiiDataLoader(clock.instant(), sequences::incrementAndGet);
            List<TaxiiCollection> loaded = builder.dataDirectory == null
                    ? loader.loadFromClasspath()
                    : loader.loadFromDirectory(builder.dataDirectory);
            loaded.forEach(collection -> collections.put(collection.id(), collection));
        }
        this.server = builder.tls == null
                ? EmulatorHttpServer.start("taxii-emulator", builder.port, clock, this::handle, UnaryOperator.identity())
                : EmulatorHttpServer.startHttps("taxii-emulator", builder.port, clock, this::handle,
                        UnaryOperator.identity(), builder.tls);
        LOG.info("TAXII emulator ({}) started: API root {} with {} collections", personality, apiRootUrl(), collections.size());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link TaxiiEmulator}. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private TaxiiPersonality personality = TaxiiPersonality.OPENCTI;
        private String apiRootName = DEFAULT_API_ROOT;
        private Path dataDirectory;
        private boolean loadData = true;
        private String bearerToken;
        private String basicUsername;
        private String basicPassword;
        private javax.net.ssl.SSLContext tls;

        private Builder() {
        }

        /** Serves HTTPS with this TLS context instead of HTTP, for tests of certificate trust. */
        public Builder tls(javax.net.ssl.SSLContext context) {
            this.tls = context;
            return this;
        }

        /** Sets the TCP port on 127.0.0.1. The default 0 picks an ephemeral port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets the clock for {@code date_added}, session expiry and recorded request times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder personality(TaxiiPersonality personality) {
            this.personality = Objects.requireNonNull(personality);
            return this;
        }

        /** Sets the API root name, the path segment after {@code /taxii2/}. The default is {@code root}. */
        public Builder apiRootName(String apiRootName) {
            if (apiRootName == null || !apiRootName.matches("[A-Za-z0-9._~-]+")) {
                throw new IllegalArgumentException("Invalid API root name '" + apiRootName
                        + "': use letters, digits, '.', '_', '~' or '-'");
            }
            this.apiRootName = apiRootName;
            return this;
        }

        /**
         * Loads the collections from the {@code *.json} files of a directory, in alphabetical order,
         * instead of the built-in classpath data.
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return this;
        }

        /** Starts without collections. Tests add them with {@link TaxiiEmulator#createCollection}. */
        public Builder noData() {
            this.loadData = false;
            return this;
        }

        /** Requires {@code Authorization: Bearer <token>} (OpenCTI personality only) unless Basic credentials match. */
        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        /** Requires HTTP Basic authentication with these credentials, unless the bearer token matches. */
        public Builder basicCredentials(String username, String password) {
            this.basicUsername = username;
            this.basicPassword = password;
            return this;
        }

        /**
         * Loads the data and starts the server.
         *
         * @throws IOException if the port cannot be bound or the data directory cannot be read
         */
        public TaxiiEmulator start() throws IOException {
            return new TaxiiEmulator(this);
        }
    }

    // ---------------------------------------------------------------- URLs

    public int port() {
        return server.port();
    }

    /** Returns {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Returns the discovery URL {@code http://127.0.0.1:PORT/taxii2/}. */
    public String discoveryUrl() {
        return baseUrl() + "/taxii2/";
    }

    /** Returns the API root URL, {@code http://127.0.0.1:PORT/taxii2/root/} by default. */
    public String apiRootUrl() {
        return discoveryUrl() + apiRootName + "/";
    }

    /** Returns the Get Objects URL of a collection. */
    public String objectsUrl(String collectionId) {
        return apiRootUrl() + "collections/" + collectionId + "/objects/";
    }

    // ---------------------------------------------------------------- control API: data

    /** Returns the collections in the order the collections endpoint lists them, synthetic ones last. */
    public synchronized List<CollectionSummary> collections() {
        List<CollectionSummary> summaries = new ArrayList<>();
        collections.values().forEach(collection -> summaries.add(collection.summary()));
        syntheticCollections.values().forEach(collection -> summaries.add(collection.summary()));
        return List.copyOf(summaries);
    }

    /**
     * Adds a collection whose {@code count} objects {@link SyntheticObjects} generates from
     * {@code seed} each time a page is served, so that its size costs no memory. Use
     * {@code new SyntheticObjects(seed, count)} to get the same objects and the outcome that a client
     * must produce from each.
     *
     * @throws IllegalArgumentException if a collection with that id exists, the id is not a single
     *     URL path segment, or the count is outside 0 to {@link SyntheticObjects#MAX_COUNT}
     */
    public synchronized void addSyntheticCollection(String id, long count, long seed) {
        if (id == null || !id.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("Invalid collection id '" + id + "': use letters, digits, '.', '_', '~' or '-'");
        }
        if (collections.containsKey(id) || syntheticCollections.containsKey(id)) {
            throw new IllegalArgumentException("Collection " + id + " already exists; use another id");
        }
        syntheticCollections.put(id, new SyntheticCollection(id, new SyntheticObjects(seed, count)));
        LOG.info("TAXII emulator: added synthetic collection {} with {} objects from seed {}", id, count, seed);
    }

    /**
     * Creates an empty collection whose id is the name-based UUID of the title, and returns the id.
     *
     * @throws IllegalArgumentException if a collection with that id exists
     */
    public synchronized String createCollection(String title) {
        String id = UUID.nameUUIDFromBytes(title.getBytes(StandardCharsets.UTF_8)).toString();
        if (collections.containsKey(id)) {
            throw new IllegalArgumentException("Collection " + id + " for title '" + title + "' already exists");
        }
        collections.put(id, new TaxiiCollection(id, title, null, title));
        return id;
    }

    /**
     * Adds one version of a STIX object to a collection and returns its {@code date_added}: the
     * clock's time, or 1 ms after the collection's last {@code date_added} if that is later.
     *
     * @throws IllegalArgumentException if the collection is unknown or the object has no string {@code id}
     */
    public synchronized Instant addObject(String collectionId, JsonNode object) {
        TaxiiCollection collection = requireCollection(collectionId);
        if (!(object instanceof ObjectNode)) {
            throw new IllegalArgumentException("A STIX object must be a JSON object, got: " + object);
        }
        Instant dateAdded = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant last = collection.lastDateAdded();
        if (last != null && !dateAdded.isAfter(last)) {
            dateAdded = last.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        }
        collection.add(TaxiiObject.of(sequences.incrementAndGet(), ((ObjectNode) object).deepCopy(), dateAdded, null));
        return dateAdded;
    }

    /**
     * Removes every version of a STIX object from a collection and returns how many were removed.
     *
     * @throws IllegalArgumentException if the collection is unknown
     */
    public synchronized int removeObject(String collectionId, String stixId) {
        return requireCollection(collectionId).removeAllVersions(stixId);
    }

    // ---------------------------------------------------------------- control API: behaviour

    public synchronized TaxiiPersonality personality() {
        return personality;
    }

    public synchronized void setPersonality(TaxiiPersonality personality) {
        this.personality = Objects.requireNonNull(personality);
    }

    /**
     * Overrides the personality's page cap, or restores it with {@code null}.
     *
     * @throws IllegalArgumentException if the size is not positive
     */
    public synchronized void setMaxPageSize(Integer maxPageSize) {
        if (maxPageSize != null && maxPageSize <= 0) {
            throw new IllegalArgumentException("Invalid max page size " + maxPageSize + ": it must be positive");
        }
        this.maxPageSizeOverride = maxPageSize;
    }

    /** Sets the shape of OpenCTI's {@code next} cursor. The default is {@link CursorFormat#OPAQUE}. */
    public synchronized void setCursorFormat(CursorFormat cursorFormat) {
        this.cursorFormat = Objects.requireNonNull(cursorFormat);
    }

    /**
     * Leaves {@code next} out of every envelope while {@code more} stays true when objects remain.
     * The client must then continue with {@code added_after} set to the page's
     * {@code X-TAXII-Date-Added-Last}, as TAXII 2.1 section 3.4 allows.
     */
    public synchronized void setOmitNext(boolean omitNext) {
        this.omitNext = omitNext;
    }

    /**
     * Makes the server never advance: every objects request returns the first page of its filters
     * with {@code more: true} and the same {@code next}.
     */
    public synchronized void setStuckCursor(boolean stuckCursor) {
        this.stuckCursor = stuckCursor;
    }

    /** Sets how long a medallion {@code next} session lives after the first page. The default is 30 seconds. */
    public synchronized void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = Objects.requireNonNull(sessionTimeout);
    }

    /** Sets the accepted bearer token, or {@code null} to accept none. */
    public synchronized void setBearerToken(String token) {
        this.bearerToken = token;
    }

    /** Sets the accepted Basic credentials, or {@code null}s to accept none. */
    public synchronized void setBasicCredentials(String username, String password) {
        this.basicUsername = username;
        this.basicPassword = password;
    }

    /**
     * Returns the {@code X-TAXII-Date-Added-Last} that a page ending with the collection's last object carries,
     * or null for an empty collection.
     */
    public synchronized String lastDateAddedHeader(String collectionId) {
        Instant last = requireCollection(collectionId).lastDateAdded();
        return last == null ? null : timestamp(last);
    }

    /** Sets the collection's {@code can_read}; its objects then answer 403 when false. */
    public synchronized void setCanRead(String collectionId, boolean canRead) {
        TaxiiCollection collection = collections.get(collectionId);
        if (collection == null) {
            throw new IllegalArgumentException("No collection " + collectionId);
        }
        collection.setCanRead(canRead);
    }

    /**
     * Makes a collection's objects requests fail: the next {@code letThrough} requests pass, then
     * {@code times} requests get {@code status} with a TAXII error body. A new call replaces the
     * collection's previous setting.
     *
     * @throws IllegalArgumentException if the collection is unknown or a count is negative
     */
    public synchronized void failObjectsRequests(String collectionId, int letThrough, int status, int times) {
        requireCollection(collectionId);
        if (letThrough < 0 || times < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("Invalid fault: letThrough " + letThrough + ", status " + status
                    + ", times " + times + ". Counts must be >= 0 and the status 4xx or 5xx.");
        }
        faults.put(collectionId, new ObjectsFault(letThrough, status, times));
    }

    /** Removes every fault set by {@link #failObjectsRequests}. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** Returns the number of open medallion paging sessions, including expired ones not yet purged. */
    public synchronized int openSessionCount() {
        return pager.openSessionCount();
    }

    /** Returns every request received so far, oldest first. */
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

    private TaxiiCollection requireCollection(String collectionId) {
        TaxiiCollection collection = collections.get(collectionId);
        if (collection == null) {
            throw new IllegalArgumentException("Unknown TAXII collection " + collectionId + "; known: " + collections.keySet());
        }
        return collection;
    }

    // ---------------------------------------------------------------- request handling

    private synchronized EmulatorResponse handle(RecordedRequest request) {
        List<String> segments = Arrays.stream(request.path().split("/")).filter(segment -> !segment.isEmpty()).toList();
        if (segments.isEmpty() || !segments.get(0).equals("taxii2") || segments.size() > 5) {
            return EmulatorResponse.text(404, "Cannot " + request.method() + " " + request.path());
        }
        if (!request.method().equals("GET")) {
            return EmulatorResponse.text(405, "Method " + request.method() + " is not supported; this emulator serves GET only")
                    .withHeader("Allow", "GET");
        }
        try {
            authenticate(request);
            if (personality == TaxiiPersonality.MEDALLION) {
                checkAcceptHeader(request);
            }
            return route(request, segments);
        } catch (TaxiiException e) {
            LOG.debug("Returned HTTP {} for GET {}: {}", e.status(), request.path(), e.getMessage());
            return errorResponse(e);
        }
    }

    private EmulatorResponse route(RecordedRequest request, List<String> segments) throws TaxiiException {
        if (segments.size() == 1) {
            return taxiiJson(discovery());
        }
        if (!segments.get(1).equals(apiRootName)) {
            if (personality == TaxiiPersonality.MEDALLION) {
                throw new TaxiiException(404, "API root '" + segments.get(1) + "' not found", "UNSUPPORTED_ERROR");
            }
            return EmulatorResponse.text(404, "Cannot GET " + request.path());
        }
        if (segments.size() == 2) {
            return taxiiJson(apiRootInformation());
        }
        if (!segments.get(2).equals("collections")) {
            return EmulatorResponse.text(404, "Cannot GET " + request.path());
        }
        if (segments.size() == 3) {
            return taxiiJson(collectionsResource());
        }
        SyntheticCollection synthetic = syntheticCollections.get(segments.get(3));
        if (synthetic != null) {
            return syntheticRoute(request, segments, synthetic);
        }
        TaxiiCollection collection = collections.get(segments.get(3));
        if (collection == null) {
            throw unknownCollection(segments.get(3));
        }
        if (segments.size() == 4) {
            return taxiiJson(collectionResource(collection));
        }
        return switch (segments.get(4)) {
            case "objects" -> objects(request, collection);
            case "manifest" -> manifest(request, collection);
            default -> EmulatorResponse.text(404, "Cannot GET " + request.path());
        };
    }

    private EmulatorResponse objects(RecordedRequest request, TaxiiCollection collection) throws TaxiiException {
        if (!collection.canRead()) {
            // Both servers answer 403 when the user may not read the collection.
            throw new TaxiiException(403, "The client does not have access to this collection resource",
                    "FORBIDDEN_ACCESS");
        }
        applyFault(collection.id());
        TaxiiPager.Page page = pager.page(collection.objects(), request.query(), pagingSettings(), clock.instant());
        ArrayNode objects = Json.array();
        page.objects().forEach(object -> objects.add(object.object().deepCopy()));
        return pageResponse(page, objects);
    }

    private EmulatorResponse syntheticRoute(RecordedRequest request, List<String> segments, SyntheticCollection synthetic)
            throws TaxiiException {
        if (segments.size() == 4) {
            return taxiiJson(collectionResource(synthetic.descriptor()));
        }
        return switch (segments.get(4)) {
            case "objects" -> {
                TaxiiPager.Page page = synthetic.page(request.query(), pagingSettings());
                ArrayNode objects = Json.array();
                page.objects().forEach(object -> objects.add(object.object()));
                yield pageResponse(page, objects);
            }
            case "manifest" -> manifestResponse(synthetic.page(request.query(), pagingSettings()));
            default -> EmulatorResponse.text(404, "Cannot GET " + request.path());
        };
    }

    private EmulatorResponse manifest(RecordedRequest request, TaxiiCollection collection) throws TaxiiException {
        return manifestResponse(pager.page(collection.objects(), request.query(), pagingSettings(), clock.instant()));
    }

    private EmulatorResponse manifestResponse(TaxiiPager.Page page) {
        ArrayNode entries = Json.array();
        for (TaxiiObject object : page.objects()) {
            String dateAdded = timestamp(object.dateAdded());
            // OpenCTI reports its internal updated_at as both date_added and version.
            String version = personality == TaxiiPersonality.OPENCTI ? dateAdded : timestamp(object.version());
            entries.addObject()
                    .put("id", object.id())
                    .put("date_added", dateAdded)
                    .put("version", version)
                    .put("media_type", object.mediaType());
        }
        return pageResponse(page, entries);
    }

    private EmulatorResponse pageResponse(TaxiiPager.Page page, ArrayNode items) {
        ObjectNode envelope = Json.object();
        if (personality == TaxiiPersonality.OPENCTI) {
            envelope.put("more", page.more());
            if (page.next() != null) {
                envelope.set("next", page.next());
            }
            envelope.set("objects", items);
        } else if (!items.isEmpty()) {
            // Medallion returns {} for an empty page: no objects, more or next.
            envelope.set("objects", items);
            if (page.next() != null) {
                envelope.set("next", page.next());
            }
            envelope.put("more", page.more());
        }
        EmulatorResponse response = taxiiJson(envelope);
        if (!page.objects().isEmpty()) {
            response = response
                    .withHeader("X-TAXII-Date-Added-First", timestamp(page.objects().get(0).dateAdded()))
                    .withHeader("X-TAXII-Date-Added-Last", timestamp(page.objects().get(page.objects().size() - 1).dateAdded()));
        }
        return response;
    }

    private void applyFault(String collectionId) throws TaxiiException {
        ObjectsFault fault = faults.get(collectionId);
        if (fault == null) {
            return;
        }
        if (fault.letThrough > 0) {
            fault.letThrough--;
            return;
        }
        if (fault.times > 0) {
            fault.times--;
            if (fault.times == 0) {
                faults.remove(collectionId);
            }
            throw new TaxiiException(fault.status,
                    "Simulated HTTP " + fault.status + " set by TaxiiEmulator.failObjectsRequests", openCtiCodeFor(fault.status));
        }
        faults.remove(collectionId);
    }

    private TaxiiPager.Settings pagingSettings() {
        int maxPageSize = maxPageSizeOverride != null ? maxPageSizeOverride : personality.maxPageSize();
        return new TaxiiPager.Settings(personality, maxPageSize, cursorFormat, omitNext, stuckCursor, sessionTimeout);
    }

    private String timestamp(Instant instant) {
        return TaxiiTimestamps.format(instant, personality.timestampFractionDigits());
    }

    // ---------------------------------------------------------------- authentication and Accept

    private void authenticate(RecordedRequest request) throws TaxiiException {
        if (bearerToken == null && basicUsername == null) {
            return;
        }
        String authorization = request.header("authorization").orElse("");
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
        boolean bearerAllowed = personality == TaxiiPersonality.OPENCTI;
        if (bearerAllowed && scheme.equalsIgnoreCase("Bearer") && bearerToken != null && constantTimeEquals(credentials, bearerToken)) {
            return;
        }
        if (scheme.equalsIgnoreCase("Basic") && basicUsername != null && basicMatches(credentials)) {
            return;
        }
        throw new TaxiiException(401, "You must be logged in to do this.", "AUTH_REQUIRED");
    }

    private boolean basicMatches(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon >= 0
                && constantTimeEquals(decoded.substring(0, colon), basicUsername)
                && constantTimeEquals(decoded.substring(colon + 1), basicPassword == null ? "" : basicPassword);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Applies medallion's check: some Accept entry must be {@code application/taxii+json}, with version 2.1 if any. */
    private static void checkAcceptHeader(RecordedRequest request) throws TaxiiException {
        String accept = String.join(",", request.headers().getOrDefault("accept", List.of())).replace(" ", "");
        for (String entry : accept.split(",")) {
            Matcher matcher = ACCEPT_ENTRY.matcher(entry.toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                String version = matcher.group(2);
                if (version != null && !version.equals("2.1")) {
                    throw new TaxiiException(406, "The server does not support version " + version, "UNSUPPORTED_ERROR");
                }
                return;
            }
        }
        throw new TaxiiException(406, "Media type in the Accept header is invalid or not found", "UNSUPPORTED_ERROR");
    }

    // ---------------------------------------------------------------- resources

    private ObjectNode discovery() {
        ObjectNode discovery = Json.object();
        if (personality == TaxiiPersonality.OPENCTI) {
            discovery.put("title", "OpenCTI TAXII Server");
            discovery.put("description", "Sandbox emulator of the OpenCTI TAXII 2.1 server");
        } else {
            discovery.put("title", "Sandbox TAXII Server");
            discovery.put("description", "Sandbox emulator of medallion, the OASIS TAXII 2.1 reference server");
        }
        discovery.put("default", apiRootUrl());
        discovery.putArray("api_roots").add(apiRootUrl());
        return discovery;
    }

    private ObjectNode apiRootInformation() {
        ObjectNode information = Json.object();
        if (personality == TaxiiPersonality.OPENCTI) {
            information.put("title", "OpenCTI TAXII Server");
            information.put("description", "A global and natively segregate taxii root");
            information.put("max_content_length", 104_857_600);
        } else {
            information.put("title", "Sandbox API root");
            information.put("description", "Collections loaded from the sandbox data files");
            information.put("max_content_length", 9_765_625);
        }
        information.putArray("versions").add(TAXII_MEDIA_TYPE);
        return information;
    }

    private ObjectNode collectionsResource() {
        ObjectNode resource = Json.object();
        if (collections.isEmpty() && syntheticCollections.isEmpty() && personality == TaxiiPersonality.MEDALLION) {
            return resource;
        }
        ArrayNode list = resource.putArray("collections");
        collections.values().forEach(collection -> list.add(collectionResource(collection)));
        syntheticCollections.values().forEach(collection -> list.add(collectionResource(collection.descriptor())));
        return resource;
    }

    private ObjectNode collectionResource(TaxiiCollection collection) {
        ObjectNode resource = Json.object();
        resource.put("id", collection.id());
        resource.put("title", collection.title());
        if (collection.description() != null) {
            resource.put("description", collection.description());
        }
        // OpenCTI's collection resource has no alias.
        if (personality == TaxiiPersonality.MEDALLION && collection.alias() != null) {
            resource.put("alias", collection.alias());
        }
        resource.put("can_read", collection.canRead());
        resource.put("can_write", false);
        resource.putArray("media_types").add(STIX_MEDIA_TYPE);
        return resource;
    }

    // ---------------------------------------------------------------- errors

    private TaxiiException unknownCollection(String collectionId) {
        if (personality == TaxiiPersonality.OPENCTI) {
            // OpenCTI returns 403, not 404, for an unknown collection id.
            return new TaxiiException(403, "You are not allowed to do this.", "FORBIDDEN_ACCESS");
        }
        return new TaxiiException(404, "Collection '" + collectionId + "' not found", "UNSUPPORTED_ERROR");
    }

    private EmulatorResponse errorResponse(TaxiiException e) {
        if (personality == TaxiiPersonality.OPENCTI) {
            ObjectNode body = Json.object()
                    .put("title", e.getMessage())
                    .put("error_code", e.openCtiErrorCode())
                    .put("http_status", e.status());
            EmulatorResponse response = EmulatorResponse.json(e.status(), "application/json; charset=utf-8", body);
            return e.status() == 401 ? response.withHeader("WWW-Authenticate", "Basic, Bearer") : response;
        }
        if (e.status() == 401) {
            // Flask-HTTPAuth's default 401, which medallion does not override.
            return EmulatorResponse.text(401, "Unauthorized Access")
                    .withHeader("WWW-Authenticate", "Basic realm=\"Authentication Required\"");
        }
        ObjectNode body = Json.object()
                .put("title", "ProcessingError")
                .put("http_status", Integer.toString(e.status()))
                .put("description", e.getMessage());
        return EmulatorResponse.json(e.status(), TAXII_MEDIA_TYPE, body);
    }

    private static String openCtiCodeFor(int status) {
        return switch (status) {
            case 400 -> "FUNCTIONAL_ERROR";
            case 401 -> "AUTH_REQUIRED";
            case 403 -> "FORBIDDEN_ACCESS";
            case 404 -> "UNSUPPORTED_ERROR";
            default -> "UNKNOWN_ERROR";
        };
    }

    private static EmulatorResponse taxiiJson(JsonNode body) {
        return EmulatorResponse.json(200, TAXII_MEDIA_TYPE, body);
    }
}
