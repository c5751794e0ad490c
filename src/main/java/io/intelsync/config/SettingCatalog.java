package io.intelsync.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Every setting the service reads, with its environment variables, default and unit. The shipped
 * {@code application.properties} and the README's settings table document the same list; a test keeps the
 * three in step.
 */
public final class SettingCatalog {

    /** Prefix of the OpenCTI connector's environment variables for Defender, kept so that its deployments work. */
    public static final String CONNECTOR_PREFIX = "MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_";

    private static final List<Setting> ALL = new ArrayList<>();

    public static final Setting OPENCTI_URL = add("opencti.url", "OPENCTI_URL", "", "", false,
            "Base URL of the OpenCTI platform. The TAXII API root defaults to {opencti.url}/taxii2/root.");
    public static final Setting OPENCTI_TOKEN = add("opencti.token", "OPENCTI_TOKEN", "", "", true,
            "OpenCTI API token, sent as a Bearer token to the TAXII server unless taxii.token is set.");
    public static final Setting CONNECTOR_ID = add("connector.id", "CONNECTOR_ID", "", "", false,
            "Identifier of this deployment, written into dead-letter records and log lines.");
    public static final Setting CONNECTOR_NAME = add("connector.name", "CONNECTOR_NAME",
            "Defender Intel Synchronizer", "", false, "Name of this deployment, written into log lines.");
    public static final Setting CONNECTOR_SCOPE = add("connector.scope", "CONNECTOR_SCOPE", "", "", false,
            "Accepted for compatibility with the OpenCTI connector's settings and ignored.");
    public static final Setting CONNECTOR_LOG_LEVEL = add("connector.log-level", "CONNECTOR_LOG_LEVEL", "info", "", false,
            "Log level of the service's own loggers: error, warn, info, debug or trace.");

    public static final Setting TAXII_API_ROOT = add("taxii.api-root", "TAXII_API_ROOT", "{opencti.url}/taxii2/root", "",
            false, "URL of the TAXII 2.1 API root that holds the collections.");
    public static final Setting TAXII_AUTH = add("taxii.auth", "TAXII_AUTH", "bearer", "", false,
            "How to authenticate to the TAXII server: bearer (OpenCTI token), basic (username and password) or none.");
    public static final Setting TAXII_TOKEN = add("taxii.token", "TAXII_TOKEN", "{opencti.token}", "", true,
            "Bearer token for the TAXII server when taxii.auth is bearer.");
    public static final Setting TAXII_USERNAME = add("taxii.username", "TAXII_USERNAME", "", "", false,
            "User name for HTTP Basic authentication when taxii.auth is basic.");
    public static final Setting TAXII_PASSWORD = add("taxii.password", "TAXII_PASSWORD", "", "", true,
            "Password for HTTP Basic authentication when taxii.auth is basic.");
    public static final Setting TAXII_COLLECTIONS = add("taxii.collections",
            List.of(CONNECTOR_PREFIX + "TAXII_COLLECTIONS", "TAXII_COLLECTIONS"), "", "", false,
            "Collections to read, in priority order: comma-separated ids, a JSON list of ids, or a JSON object from "
                    + "collection id to its overrides (action, expire_time, max_indicators, rbac_group_names, "
                    + "recommended_actions, educate_url).");
    public static final Setting TAXII_PAGE_SIZE = add("taxii.page-size", "TAXII_PAGE_SIZE", "500", "objects", false,
            "Page size requested with the TAXII limit parameter; servers may return fewer.");
    public static final Setting TAXII_MAX_PAGES = add("taxii.max-pages", "TAXII_MAX_PAGES", "10000", "pages", false,
            "Maximum number of pages read from one collection in one cycle; a read that reaches it is incomplete.");

    public static final Setting TAXII_ADDED_AFTER = add("taxii.added-after", "TAXII_ADDED_AFTER", "", "", false,
            "Read only objects added to the collections after this RFC 3339 time (sent as added_after). Empty: from "
                    + "the beginning. Changing it resets the sync state.");
    public static final Setting TAXII_MATCH_TYPE = add("taxii.match-type", "TAXII_MATCH_TYPE", "", "", false,
            "STIX types to ask the server for with match[type], for example indicator. Empty: no filter. The service "
                    + "filters the objects itself as well, because servers differ.");
    public static final Setting TAXII_HEADERS = add("taxii.headers", "TAXII_HEADERS", "", "", false,
            "Extra request headers for the TAXII server, as a JSON object such as {\"X-Api-Version\": \"2\"}.");
    public static final Setting TAXII_CA_FILE = add("taxii.ca-file", "TAXII_CA_FILE", "", "", false,
            "PEM file of CA certificates that the TAXII server's certificate may chain to, trusted in addition to "
                    + "the JVM's CAs.");
    public static final Setting TAXII_TRUST_STORE = add("taxii.trust-store", "TAXII_TRUST_STORE", "", "", false,
            "PKCS12 or JKS trust store whose certificates are trusted for the TAXII server, in addition to the JVM's "
                    + "CAs.");
    public static final Setting TAXII_TRUST_STORE_PASSWORD = add("taxii.trust-store-password",
            "TAXII_TRUST_STORE_PASSWORD", "", "", true, "Password of taxii.trust-store, if it has one.");
    public static final Setting TAXII_MAX_READ_TIME = add("taxii.max-read-time", "TAXII_MAX_READ_TIME", "3600",
            "seconds", false, "Longest time one collection is read in one cycle; a read that reaches it is incomplete.");

    public static final Setting TENANT_ID = addConnector("defender.tenant-id", "TENANT_ID", "", "", false,
            "Microsoft Entra tenant (directory) id of the app registration.");
    public static final Setting CLIENT_ID = addConnector("defender.client-id", "CLIENT_ID", "", "", false,
            "Application (client) id of the app registration. Defender records it as createdBy, and the service "
                    + "deletes only indicators that carry it.");
    public static final Setting CLIENT_SECRET = addConnector("defender.client-secret", "CLIENT_SECRET", "", "", true,
            "Client secret of the app registration.");
    public static final Setting LOGIN_URL = addConnector("defender.login-url", "LOGIN_URL",
            "https://login.microsoftonline.com", "", false, "Microsoft Entra sign-in URL; a trailing / is ignored.");
    public static final Setting BASE_URL = addConnector("defender.base-url", "BASE_URL",
            "https://api.securitycenter.microsoft.com", "", false,
            "Defender for Endpoint API URL; a trailing / is ignored.");
    public static final Setting RESOURCE_PATH = addConnector("defender.resource-path", "RESOURCE_PATH",
            "/api/indicators", "", false, "Path of the indicators resource under the API URL.");
    public static final Setting SCOPE = add("defender.scope", "DEFENDER_SCOPE", "", "",
            false, "OAuth scope of the token. Empty: it follows the API URL, "
                    + "https://api.securitycenter.microsoft.com/.default for the public and regional hosts, the host's "
                    + "own for GCC, GCC High and DoD, and {defender.base-url}/.default for any other URL.");
    public static final Setting EXPIRE_TIME = addConnector("defender.expire-time", "EXPIRE_TIME", "30", "days", false,
            "Lifetime of an indicator in Defender; an earlier STIX valid_until wins.");
    public static final Setting ACTION = addConnector("defender.action", "ACTION", "", "", false,
            "Action for every indicator: Audit, Warn, Block, Alert, AlertAndBlock, BlockAndRemediate or Allowed. "
                    + "Empty: from the OpenCTI score (60 and above Block, above 30 Warn, otherwise Audit).");
    public static final Setting PASSIVE_ONLY = addConnector("defender.passive-only", "PASSIVE_ONLY", "false", "", false,
            "true: plan each cycle and log it, but send no import and no delete to Defender (a dry run).");
    public static final Setting APPLICATION = addConnector("defender.application", "APPLICATION",
            "Defender Intel Synchronizer", "", false, "Application name written on every indicator the service creates.");
    public static final Setting GENERATE_ALERT = addConnector("defender.generate-alert", "GENERATE_ALERT", "true", "",
            false, "Whether Defender raises an alert when an indicator matches. Audit always raises one.");
    public static final Setting RECOMMENDED_ACTIONS = addConnector("defender.recommended-actions",
            "RECOMMENDED_ACTIONS", "", "", false,
            "Text for Defender's recommendedActions field of every indicator; a collection's override wins. Empty: none.");
    public static final Setting EDUCATE_URL = addConnector("defender.educate-url", "EDUCATE_URL", "", "", false,
            "URL shown to users when a URL indicator blocks or warns; a collection's override wins. Empty: none.");
    public static final Setting RBAC_GROUP_NAMES = addConnector("defender.rbac-group-names", "RBAC_GROUP_NAMES", "",
            "", false, "Device groups that every indicator applies to, as a JSON list such as [\"Servers\"] or "
                    + "comma-separated names; a collection's override wins. Empty: all devices.");
    public static final Setting MAX_INDICATORS = addConnector("defender.max-indicators", "MAX_INDICATORS", "15000",
            "indicators", false, "Maximum number of Defender indicators the service keeps, from 1 to 15000 "
                    + "(Defender's limit per tenant).");
    public static final Setting MAX_DELETE_SHARE = addConnector("defender.max-delete-share", "MAX_DELETE_SHARE", "50",
            "percent", false, "Largest share of the indicators this service owns that one cycle may delete. A cycle "
                    + "that would delete more holds its deletions back until an operator confirms them over JMX.");
    public static final Setting BATCH_SIZE = add("defender.batch-size", "DEFENDER_BATCH_SIZE", "500", "indicators",
            false, "Indicators per import call and ids per BatchDelete call, from 1 to 500 (Defender's maximum).");
    public static final Setting IMPORT_CALLS_PER_MINUTE = add("defender.import-calls-per-minute",
            "DEFENDER_IMPORT_CALLS_PER_MINUTE", "30", "calls", false,
            "Most import calls in any minute; Defender allows 30.");
    public static final Setting DELETE_CALLS_PER_MINUTE = add("defender.delete-calls-per-minute",
            "DEFENDER_DELETE_CALLS_PER_MINUTE", "30", "calls", false,
            "Most BatchDelete calls in any minute; Defender allows 30.");
    public static final Setting DELETE_CALLS_PER_HOUR = add("defender.delete-calls-per-hour",
            "DEFENDER_DELETE_CALLS_PER_HOUR", "1500", "calls", false,
            "Most BatchDelete calls in any hour; Defender allows 1,500.");
    public static final Setting LIST_CALLS_PER_MINUTE = add("defender.list-calls-per-minute",
            "DEFENDER_LIST_CALLS_PER_MINUTE", "100", "calls", false,
            "Most list calls (indicators and device groups) in any minute; Defender allows 100.");
    public static final Setting LIST_CALLS_PER_HOUR = add("defender.list-calls-per-hour",
            "DEFENDER_LIST_CALLS_PER_HOUR", "1500", "calls", false,
            "Most list calls (indicators and device groups) in any hour; Defender allows 1,500.");
    public static final Setting ALLOW_NON_PUBLIC_ADDRESSES = add("mapping.allow-non-public-addresses",
            "MAPPING_ALLOW_NON_PUBLIC_ADDRESSES", "false", "", false,
            "true: send private, loopback and other non-public IP addresses, which Defender refuses for tenants "
                    + "that do not allow them.");

    public static final Setting INTERVAL = addConnector("sync.interval", "INTERVAL", "300", "seconds", false,
            "Time between the starts of two cycles. A cycle that runs longer delays the next one; cycles never overlap.");
    public static final Setting SCHEDULE_ENABLED = add("sync.schedule-enabled", "SYNC_SCHEDULE_ENABLED", "true", "",
            false, "false: run no cycle on the schedule (--once sets it).");
    public static final Setting FULL_READ_INTERVAL = add("sync.full-read-interval", "SYNC_FULL_READ_INTERVAL", "24",
            "hours", false, "Time between full reads of every collection. Other cycles read only what was added since "
                    + "the last complete read. Only a full read notices objects that left a collection silently.");
    public static final Setting SELECTION_ORDER = add("sync.selection-order", "SYNC_SELECTION_ORDER", "newest-first",
            "", false, "Which indicators fill the budget first: newest-first (newest modified across all collections) "
                    + "or collection-first (collection order, then newest within each, as the OpenCTI connector does).");
    public static final Setting DATA_DIRECTORY = add("sync.data-dir", "SYNC_DATA_DIR", "data", "", false,
            "Folder for the service's files, such as the dead-letter file; relative to the working directory.");
    public static final Setting STATE_URL = add("sync.state-url", "SYNC_STATE_URL", "jdbc:h2:file:{sync.data-dir}/state",
            "", false, "JDBC URL of the sync state: the read cursors and the kept indicators. Use one PostgreSQL "
                    + "database for several replicas (jdbc:postgresql://host/db).");
    public static final Setting STATE_USERNAME = add("sync.state-username", "SYNC_STATE_USERNAME", "", "", false,
            "User name for the sync state database.");
    public static final Setting STATE_PASSWORD = add("sync.state-password", "SYNC_STATE_PASSWORD", "", "", true,
            "Password for the sync state database.");
    public static final Setting DEAD_LETTER_URI = add("dead-letter.uri", "DEAD_LETTER_URI",
            "file:{sync.data-dir}?fileName=dead-letter-${date:now:yyyy-MM-dd}.jsonl&fileExist=Append", "", false,
            "Camel endpoint that receives one JSON line for each item that could not be delivered; by default a file "
                    + "per UTC day.");

    public static final Setting HTTP_CONNECT_TIMEOUT = add("http.connect-timeout", "HTTP_CONNECT_TIMEOUT", "10000", "ms",
            false, "Connect timeout of every HTTP call (TAXII, Entra, Defender).");
    public static final Setting HTTP_RESPONSE_TIMEOUT = add("http.response-timeout", "HTTP_RESPONSE_TIMEOUT", "120000",
            "ms", false, "Time to wait for a response to an HTTP call before it fails and is retried.");
    public static final Setting RETRY_MAX_REDELIVERIES = add("retry.max-redeliveries", "RETRY_MAX_REDELIVERIES", "5",
            "retries", false, "Retries of a call that failed with 429, a 5xx status or an I/O error.");
    public static final Setting RETRY_INITIAL_DELAY = add("retry.initial-delay", "RETRY_INITIAL_DELAY", "1000", "ms",
            false, "Delay before the first retry; each further retry doubles it. A Retry-After header replaces it.");
    public static final Setting RETRY_MAX_DELAY = add("retry.max-delay", "RETRY_MAX_DELAY", "120000", "ms", false,
            "Longest delay before a retry, including one asked for by Retry-After.");

    public static final Setting SANDBOX_PORT = add("sandbox.port", "SANDBOX_PORT", "0", "", false,
            "First port of the emulators with --sandbox or --emulators: TAXII on it, Entra on the next, Defender on the "
                    + "one after. 0 picks free ports.");
    public static final Setting SANDBOX_TAXII_DATA_DIR = add("sandbox.taxii.data-dir", "SANDBOX_TAXII_DATA_DIR", "", "",
            false, "Folder of STIX bundle or TAXII envelope files that the TAXII emulator serves, one collection per "
                    + "file. Empty: the built-in public samples.");

    private SettingCatalog() {
    }

    /** Returns every setting in documentation order. */
    public static List<Setting> all() {
        return List.copyOf(ALL);
    }

    private static Setting add(String key, String environmentVariable, String defaultValue, String unit, boolean secret,
            String description) {
        return add(key, List.of(environmentVariable), defaultValue, unit, secret, description);
    }

    private static Setting addConnector(String key, String suffix, String defaultValue, String unit, boolean secret,
            String description) {
        return add(key, List.of(CONNECTOR_PREFIX + suffix, Setting.camelEnvironmentName(key)), defaultValue, unit, secret,
                description);
    }

    private static Setting add(String key, List<String> environmentVariables, String defaultValue, String unit,
            boolean secret, String description) {
        List<String> names = new ArrayList<>(environmentVariables);
        String camelName = Setting.camelEnvironmentName(key);
        if (!names.contains(camelName)) {
            names.add(camelName);
        }
        Setting setting = new Setting(key, names, defaultValue, unit, secret, description);
        ALL.add(setting);
        return setting;
    }
}
