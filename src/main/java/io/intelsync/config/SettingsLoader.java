package io.intelsync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.intelsync.defender.IndicatorAction;

/**
 * Reads and validates every setting once at startup. All problems are collected, so that one failed start
 * names every missing or invalid setting.
 */
public final class SettingsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsLoader.class);

    private final SettingsSource source;
    private final List<String> problems = new ArrayList<>();

    private SettingsLoader(SettingsSource source) {
        this.source = source;
    }

    /**
     * Builds the validated settings.
     *
     * @throws InvalidSettingsException when a setting is missing or invalid
     */
    public static SyncSettings load(SettingsSource source) {
        return new SettingsLoader(source).load();
    }

    private SyncSettings load() {
        TaxiiSettings taxii = taxii();
        DefenderSettings defender = defender();
        RetrySettings retry = new RetrySettings(
                integer(SettingCatalog.RETRY_MAX_REDELIVERIES, 0, 50),
                integer(SettingCatalog.RETRY_INITIAL_DELAY, 0, 3_600_000),
                integer(SettingCatalog.RETRY_MAX_DELAY, 0, 3_600_000));
        if (retry.maxDelayMillis() < retry.initialDelayMillis()) {
            problems.add(SettingCatalog.RETRY_MAX_DELAY.displayName() + " is " + retry.maxDelayMillis()
                    + " ms, less than retry.initial-delay (" + retry.initialDelayMillis() + " ms); raise it");
        }
        int interval = integer(SettingCatalog.INTERVAL, 1, 31 * 24 * 3600);
        Path dataDirectory = path(SettingCatalog.DATA_DIRECTORY);
        boolean allowNonPublic = bool(SettingCatalog.ALLOW_NON_PUBLIC_ADDRESSES);
        String deploymentName = source.value(SettingCatalog.CONNECTOR_NAME);
        String deploymentId = source.value(SettingCatalog.CONNECTOR_ID);
        SelectionOrder order = selectionOrder();
        StateSettings state = state(dataDirectory);
        HttpSettings http = new HttpSettings(
                java.time.Duration.ofMillis(integer(SettingCatalog.HTTP_CONNECT_TIMEOUT, 1, 3_600_000)),
                java.time.Duration.ofMillis(integer(SettingCatalog.HTTP_RESPONSE_TIMEOUT, 1, 3_600_000)));
        boolean scheduleEnabled = bool(SettingCatalog.SCHEDULE_ENABLED);
        String logLevel = source.value(SettingCatalog.CONNECTOR_LOG_LEVEL);
        if (!List.of("error", "warn", "info", "debug", "trace").contains(logLevel.toLowerCase(Locale.ROOT))) {
            problems.add(SettingCatalog.CONNECTOR_LOG_LEVEL.displayName() + " is '" + logLevel
                    + "'; use error, warn, info, debug or trace");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new SyncSettings(taxii, defender, retry, interval, dataDirectory, allowNonPublic,
                deploymentId.isEmpty() ? deploymentName : deploymentId, deploymentName, order, state, http,
                scheduleEnabled);
    }

    private SelectionOrder selectionOrder() {
        String text = source.value(SettingCatalog.SELECTION_ORDER);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "newest-first" -> SelectionOrder.NEWEST_FIRST;
            case "collection-first" -> SelectionOrder.COLLECTION_FIRST;
            default -> {
                problems.add(SettingCatalog.SELECTION_ORDER.displayName() + " is '" + text
                        + "'; use newest-first or collection-first");
                yield SelectionOrder.NEWEST_FIRST;
            }
        };
    }

    private StateSettings state(Path dataDirectory) {
        String url = source.value(SettingCatalog.STATE_URL);
        if (url.isEmpty() || url.equals(SettingCatalog.STATE_URL.defaultValue())) {
            url = "jdbc:h2:file:" + dataDirectory.resolve("state").toAbsolutePath();
        } else if (!url.startsWith("jdbc:")) {
            problems.add(SettingCatalog.STATE_URL.displayName() + " is '" + url
                    + "'; use a JDBC URL such as jdbc:postgresql://db.example.com/defender_sync");
        }
        int hours = integer(SettingCatalog.FULL_READ_INTERVAL, 1, 24 * 366);
        return new StateSettings(url, source.value(SettingCatalog.STATE_USERNAME),
                source.value(SettingCatalog.STATE_PASSWORD), java.time.Duration.ofHours(hours));
    }

    private TaxiiSettings taxii() {
        String apiRootText = source.value(SettingCatalog.TAXII_API_ROOT);
        if (apiRootText.isEmpty() || apiRootText.equals(SettingCatalog.TAXII_API_ROOT.defaultValue())) {
            String openCtiUrl = source.value(SettingCatalog.OPENCTI_URL);
            if (openCtiUrl.isEmpty()) {
                problems.add("Missing setting " + SettingCatalog.OPENCTI_URL.displayName()
                        + ": set the OpenCTI URL, or set " + SettingCatalog.TAXII_API_ROOT.displayName()
                        + " to the TAXII API root of another server");
                apiRootText = "";
            } else {
                apiRootText = stripTrailingSlashes(openCtiUrl) + "/taxii2/root";
            }
        }
        URI apiRoot = apiRootText.isEmpty() ? null : httpUrl(SettingCatalog.TAXII_API_ROOT, apiRootText);

        TaxiiAuth auth = taxiiAuth();
        String token = source.value(SettingCatalog.TAXII_TOKEN);
        if (token.isEmpty() || token.equals(SettingCatalog.TAXII_TOKEN.defaultValue())) {
            token = source.value(SettingCatalog.OPENCTI_TOKEN);
        }
        String username = source.value(SettingCatalog.TAXII_USERNAME);
        String password = source.value(SettingCatalog.TAXII_PASSWORD);
        if (auth == TaxiiAuth.BEARER && token.isEmpty()) {
            problems.add("Missing setting " + SettingCatalog.OPENCTI_TOKEN.displayName()
                    + ": set the OpenCTI API token (or " + SettingCatalog.TAXII_TOKEN.primaryEnvironmentVariable()
                    + "), or set TAXII_AUTH to basic or none");
        }
        if (auth == TaxiiAuth.BASIC && (username.isEmpty() || password.isEmpty())) {
            problems.add("Missing setting " + (username.isEmpty() ? SettingCatalog.TAXII_USERNAME.displayName()
                    : SettingCatalog.TAXII_PASSWORD.displayName()) + ": taxii.auth is basic, so set both the user name "
                    + "and the password");
        }

        Setting collectionsSetting = SettingCatalog.TAXII_COLLECTIONS;
        CollectionListParser.Result parsed = CollectionListParser.parse(source.value(collectionsSetting),
                collectionsSetting.primaryEnvironmentVariable());
        parsed.warnings().forEach(LOG::warn);
        problems.addAll(parsed.errors());
        if (parsed.collections().isEmpty() && parsed.errors().isEmpty()) {
            problems.add("Missing setting " + collectionsSetting.displayName()
                    + ": list the TAXII collection ids to read, for example id1,id2");
        }
        int pageSize = integer(SettingCatalog.TAXII_PAGE_SIZE, 1, 100_000);
        int maxPages = integer(SettingCatalog.TAXII_MAX_PAGES, 1, 10_000_000);
        int maxReadSeconds = integer(SettingCatalog.TAXII_MAX_READ_TIME, 1, 7 * 24 * 3600);
        Instant addedAfter = timestamp(SettingCatalog.TAXII_ADDED_AFTER);
        String matchType = source.value(SettingCatalog.TAXII_MATCH_TYPE);
        Map<String, String> headers = headers(SettingCatalog.TAXII_HEADERS);
        Path caFile = existingFile(SettingCatalog.TAXII_CA_FILE);
        Path trustStore = existingFile(SettingCatalog.TAXII_TRUST_STORE);
        return new TaxiiSettings(apiRoot, auth, token, username, password, parsed.collections(), pageSize, maxPages,
                java.time.Duration.ofSeconds(maxReadSeconds), addedAfter, matchType, headers, caFile, trustStore,
                source.value(SettingCatalog.TAXII_TRUST_STORE_PASSWORD));
    }

    private Instant timestamp(Setting setting) {
        String text = source.value(setting);
        if (text.isEmpty()) {
            return null;
        }
        Optional<Instant> instant = io.intelsync.stix.StixTimestamps.parse(text);
        if (instant.isEmpty()) {
            problems.add(setting.displayName() + " is '" + text + "'; use an RFC 3339 time such as 2024-01-01T00:00:00Z");
        }
        return instant.orElse(null);
    }

    // Header names are checked against RFC 9110 token characters; the service sets Accept and Authorization itself.
    private Map<String, String> headers(Setting setting) {
        String text = source.value(setting);
        if (text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        try {
            com.fasterxml.jackson.databind.JsonNode object = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            if (object == null || !object.isObject()) {
                throw new com.fasterxml.jackson.core.JsonParseException(null, "not a JSON object");
            }
            object.fields().forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            problems.add(setting.displayName() + " is not a JSON object of header names and values ("
                    + ex.getOriginalMessage() + "); write {\"X-Name\": \"value\"}");
            return Map.of();
        }
        for (String name : headers.keySet()) {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                problems.add(setting.displayName() + " has the invalid header name '" + name + "'");
            } else if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Accept")) {
                problems.add(setting.displayName() + " sets " + name + ", which the service sets itself; use "
                        + "taxii.auth and its credentials instead");
            }
        }
        return headers;
    }

    private Path existingFile(Setting setting) {
        String text = source.value(setting);
        if (text.isEmpty()) {
            return null;
        }
        Path file = path(setting);
        if (!java.nio.file.Files.isRegularFile(file)) {
            problems.add(setting.displayName() + " is '" + text + "', which is not a readable file");
        }
        return file;
    }

    private TaxiiAuth taxiiAuth() {
        String text = source.value(SettingCatalog.TAXII_AUTH).toUpperCase(Locale.ROOT);
        try {
            return TaxiiAuth.valueOf(text);
        } catch (IllegalArgumentException ex) {
            problems.add(SettingCatalog.TAXII_AUTH.displayName() + " is '" + text.toLowerCase(Locale.ROOT)
                    + "'; use bearer, basic or none");
            return TaxiiAuth.BEARER;
        }
    }

    private DefenderSettings defender() {
        String tenantId = required(SettingCatalog.TENANT_ID);
        String clientId = required(SettingCatalog.CLIENT_ID);
        String clientSecret = required(SettingCatalog.CLIENT_SECRET);
        URI loginUrl = httpUrl(SettingCatalog.LOGIN_URL, source.value(SettingCatalog.LOGIN_URL));
        URI baseUrl = httpUrl(SettingCatalog.BASE_URL, source.value(SettingCatalog.BASE_URL));
        String resourcePath = source.value(SettingCatalog.RESOURCE_PATH);
        resourcePath = "/" + stripTrailingSlashes(resourcePath.replaceFirst("^/+", ""));
        String scope = source.value(SettingCatalog.SCOPE);
        if (scope.isEmpty()) {
            scope = baseUrl == null ? "" : DefenderClouds.defaultScope(baseUrl);
        }
        if (baseUrl != null && loginUrl != null) {
            DefenderClouds.signInMismatch(baseUrl, loginUrl).ifPresent(problems::add);
        }
        int expireDays = integer(SettingCatalog.EXPIRE_TIME, 1, 36_500);
        Optional<IndicatorAction> action = action();
        boolean passiveOnly = bool(SettingCatalog.PASSIVE_ONLY);
        String application = required(SettingCatalog.APPLICATION);
        boolean generateAlert = bool(SettingCatalog.GENERATE_ALERT);
        int maxIndicators = integer(SettingCatalog.MAX_INDICATORS, 1, 15_000);
        int batchSize = integer(SettingCatalog.BATCH_SIZE, 1, 500);
        String recommendedActions = source.value(SettingCatalog.RECOMMENDED_ACTIONS);
        String educateUrl = source.value(SettingCatalog.EDUCATE_URL);
        if (!educateUrl.isEmpty()) {
            httpUrl(SettingCatalog.EDUCATE_URL, educateUrl);
        }
        List<String> groups = groupNames(SettingCatalog.RBAC_GROUP_NAMES);
        int maxDeletePercent = integer(SettingCatalog.MAX_DELETE_SHARE, 1, 100);
        DefenderSettings.RateLimits rateLimits = new DefenderSettings.RateLimits(
                integer(SettingCatalog.IMPORT_CALLS_PER_MINUTE, 1, 30),
                integer(SettingCatalog.DELETE_CALLS_PER_MINUTE, 1, 30),
                integer(SettingCatalog.DELETE_CALLS_PER_HOUR, 1, 1500),
                integer(SettingCatalog.LIST_CALLS_PER_MINUTE, 1, 100),
                integer(SettingCatalog.LIST_CALLS_PER_HOUR, 1, 1500));
        return new DefenderSettings(tenantId, clientId, clientSecret, loginUrl, baseUrl, resourcePath, scope, expireDays,
                action, passiveOnly, application, generateAlert, maxIndicators, batchSize,
                recommendedActions.isEmpty() ? Optional.empty() : Optional.of(recommendedActions),
                educateUrl.isEmpty() ? Optional.empty() : Optional.of(educateUrl), groups, maxDeletePercent, rateLimits);
    }

    private Optional<IndicatorAction> action() {
        String text = source.value(SettingCatalog.ACTION);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<IndicatorAction> action = IndicatorAction.parse(text);
        if (action.isEmpty()) {
            problems.add(SettingCatalog.ACTION.displayName() + " is '" + text + "', which Defender does not accept; use "
                    + "one of " + List.of(IndicatorAction.values()) + ", or leave it empty to derive the action from "
                    + "the score");
        }
        return action;
    }

    // Accepts a JSON list of names, as the OpenCTI connector does, or comma-separated names.
    private List<String> groupNames(Setting setting) {
        String text = source.value(setting);
        if (text.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (text.startsWith("{")) {
            problems.add(setting.displayName() + " is '" + text + "', a JSON object; write a JSON list of names such "
                    + "as [\"Group 1\",\"Group 2\"] or names separated by commas");
            return List.of();
        }
        if (text.startsWith("[")) {
            try {
                for (com.fasterxml.jackson.databind.JsonNode item : new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(text)) {
                    if (!item.isTextual() || item.asText().isBlank()) {
                        throw new IllegalArgumentException("an entry is not a name: " + item);
                    }
                    names.add(item.asText().trim());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                problems.add(setting.displayName() + " is '" + text + "', which is not a JSON list of names ("
                        + ex.getOriginalMessage() + "); write [\"Group 1\",\"Group 2\"]");
                return List.of();
            } catch (IllegalArgumentException ex) {
                problems.add(setting.displayName() + " is '" + text + "', which is not a JSON list of names ("
                        + ex.getMessage() + "); write [\"Group 1\",\"Group 2\"]");
                return List.of();
            }
        } else {
            for (String name : text.split(",")) {
                names.add(name.trim());
            }
        }
        names.remove("");
        return List.copyOf(names);
    }

    private String required(Setting setting) {
        String value = source.value(setting);
        if (value.isEmpty()) {
            problems.add("Missing setting " + setting.displayName() + ": " + setting.description());
        }
        return value;
    }

    private int integer(Setting setting, int min, int max) {
        String text = source.value(setting);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ex) {
            // reported below with the accepted range
        }
        problems.add(setting.displayName() + " is '" + text + "'; use a whole number from " + min + " to " + max
                + (setting.unit().isEmpty() ? "" : " (" + setting.unit() + ")"));
        return Integer.parseInt(setting.defaultValue());
    }

    private boolean bool(Setting setting) {
        String text = source.value(setting).toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "yes" -> {
                return true;
            }
            case "false", "no" -> {
                return false;
            }
            default -> {
                problems.add(setting.displayName() + " is '" + text + "'; use true or false");
                return Boolean.parseBoolean(setting.defaultValue());
            }
        }
    }

    private Path path(Setting setting) {
        String text = source.value(setting);
        try {
            return Path.of(text);
        } catch (InvalidPathException ex) {
            problems.add(setting.displayName() + " is '" + text + "', which is not a valid path: " + ex.getReason());
            return Path.of(setting.defaultValue());
        }
    }

    private URI httpUrl(Setting setting, String text) {
        try {
            URI uri = new URI(stripTrailingSlashes(text));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getRawUserInfo() != null) {
                // Never echo the value: it holds a password.
                problems.add(setting.displayName() + " contains a user name and password; remove them from the URL "
                        + "and use taxii.auth=basic with TAXII_USERNAME and TAXII_PASSWORD");
                return null;
            }
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ex) {
            // reported below
        }
        problems.add(setting.displayName() + " is '" + text + "'; use an absolute http or https URL such as "
                + (setting.defaultValue().startsWith("http") ? setting.defaultValue() : "https://opencti.example.com"));
        return null;
    }

    private static String stripTrailingSlashes(String text) {
        String result = text.trim();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
