package io.intelsync.taxii;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.TaxiiSettings;

/**
 * Checks at startup that the TAXII API root answers and that every configured collection exists and can be
 * read, and resolves collections given by alias to their ids. Each problem names the collection and the
 * cause: unreachable, 401 (wrong credentials), 403 (no access; OpenCTI also answers 403 for an unknown
 * collection id), 404, or {@code can_read} false.
 */
public final class TaxiiStartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiStartupCheck.class);

    private final TaxiiSettings settings;
    private final HttpClient client;
    private final Duration responseTimeout;
    private final ObjectMapper mapper = new ObjectMapper();

    public TaxiiStartupCheck(TaxiiSettings settings, TaxiiTrust trust, Duration connectTimeout, Duration responseTimeout) {
        this.settings = settings;
        this.responseTimeout = responseTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(trust.sslContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A collection as the server lists it. */
    record ServerCollection(String id, String alias, String title, boolean canRead) {
    }

    /**
     * Runs the check and returns the configured collections with aliases replaced by ids.
     *
     * @throws TaxiiCheckException listing every problem found
     */
    public List<CollectionConfig> run() {
        String apiRoot = settings.apiRoot() + "/";
        Response root = get(apiRoot);
        if (!root.ok()) {
            throw new TaxiiCheckException(List.of("TAXII API root " + apiRoot + " " + root.describe()
                    + hint(root.status(), "the API root")));
        }
        Response listing = get(apiRoot + "collections/");
        Optional<Map<String, ServerCollection>> listed = listing.ok() ? Optional.of(parseCollections(listing.body()))
                : Optional.empty();
        if (listing.status() == 401) {
            throw new TaxiiCheckException(List.of("TAXII collections " + apiRoot + "collections/ " + listing.describe()
                    + hint(401, "the collections")));
        }
        List<String> problems = new ArrayList<>();
        List<CollectionConfig> resolved = new ArrayList<>();
        for (CollectionConfig collection : settings.collections()) {
            Optional<String> id = listed.isPresent() ? checkListed(collection.id(), listed.get(), problems)
                    : checkDirectly(collection.id(), problems);
            id.ifPresent(value -> resolved.add(new CollectionConfig(value, collection.rank(), collection.overrides())));
        }
        if (!problems.isEmpty()) {
            throw new TaxiiCheckException(problems);
        }
        LOG.info("TAXII startup check passed: API root {} with collections {}", apiRoot,
                resolved.stream().map(CollectionConfig::id).toList());
        return resolved;
    }

    private Optional<String> checkListed(String configured, Map<String, ServerCollection> listed, List<String> problems) {
        ServerCollection match = listed.get(configured);
        if (match == null) {
            List<ServerCollection> byAlias = listed.values().stream().filter(c -> configured.equals(c.alias())).toList();
            if (byAlias.size() == 1) {
                match = byAlias.get(0);
                LOG.info("TAXII collection alias '{}' is collection {}", configured, match.id());
            }
        }
        if (match == null) {
            problems.add("collection '" + configured + "' is not among the collections that " + settings.apiRoot()
                    + "/collections/ lists for these credentials (by id or alias); it lists " + summary(listed));
            return Optional.empty();
        }
        if (!match.canRead()) {
            problems.add("collection '" + configured + "' (" + match.title() + ") cannot be read with these credentials "
                    + "(can_read is false)");
            return Optional.empty();
        }
        return Optional.of(match.id());
    }

    private Optional<String> checkDirectly(String configured, List<String> problems) {
        String url = settings.apiRoot() + "/collections/" + URLEncoder.encode(configured, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/";
        Response response = get(url);
        if (!response.ok()) {
            problems.add("collection '" + configured + "' at " + url + " " + response.describe()
                    + hint(response.status(), "the collection"));
            return Optional.empty();
        }
        JsonNode collection = parse(response.body());
        if (collection != null && !collection.path("can_read").asBoolean(true)) {
            problems.add("collection '" + configured + "' cannot be read with these credentials (can_read is false)");
            return Optional.empty();
        }
        return Optional.of(configured);
    }

    private Map<String, ServerCollection> parseCollections(String body) {
        Map<String, ServerCollection> collections = new LinkedHashMap<>();
        JsonNode root = parse(body);
        if (root != null) {
            for (JsonNode item : root.path("collections")) {
                String id = item.path("id").asText(null);
                if (id != null) {
                    collections.put(id, new ServerCollection(id, item.path("alias").asText(null),
                            item.path("title").asText(""), item.path("can_read").asBoolean(true)));
                }
            }
        }
        return collections;
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException ex) {
            return null;
        }
    }

    private static String summary(Map<String, ServerCollection> listed) {
        if (listed.isEmpty()) {
            return "none";
        }
        List<String> entries = listed.values().stream().limit(20)
                .map(c -> c.id() + (c.title().isEmpty() ? "" : " (" + c.title() + ")")).toList();
        return String.join(", ", entries) + (listed.size() > 20 ? " and " + (listed.size() - 20) + " more" : "");
    }

    private static String hint(int status, String what) {
        return switch (status) {
            case -1 -> "; check TAXII_API_ROOT (or OPENCTI_URL), the network and, for https, taxii.ca-file";
            case 401 -> "; check the credentials: OPENCTI_TOKEN with taxii.auth=bearer, or TAXII_USERNAME and "
                    + "TAXII_PASSWORD with taxii.auth=basic";
            case 403 -> "; the user may lack access to " + what + ", and OpenCTI also answers 403 for an unknown "
                    + "collection id";
            case 404 -> "; check the id and the API root path (OpenCTI: {OPENCTI_URL}/taxii2/root)";
            case 406 -> "; the server did not accept application/taxii+json;version=2.1";
            default -> "";
        };
    }

    private Response get(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(responseTimeout).GET()
                .header("Accept", TaxiiMediaTypes.TAXII_JSON);
        settings.headers().forEach(request::header);
        switch (settings.auth()) {
            case BEARER -> request.header("Authorization", "Bearer " + settings.token());
            case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
            case NONE -> {
            }
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), null);
        } catch (IOException ex) {
            return new Response(-1, "", ex.getClass().getSimpleName() + (ex.getMessage() == null ? ""
                    : ": " + ex.getMessage()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Response(-1, "", "interrupted");
        }
    }

    private record Response(int status, String body, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String describe() {
            if (error != null) {
                return "is unreachable (" + error + ")";
            }
            String title = "";
            try {
                JsonNode node = new ObjectMapper().readTree(body);
                if (node != null && node.hasNonNull("title")) {
                    title = ": " + node.get("title").asText();
                }
            } catch (IOException ex) {
                // the body is not a TAXII error message; the status says enough
            }
            return "answered HTTP " + status + title;
        }
    }
}
