package io.intelsync.defender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.SyncSettings;
import io.intelsync.cycle.SyncCycle;

/**
 * Resolves the configured device group names to Defender's ids through
 * {@code GET {base_url}/api/exposureScore/ByMachineGroups}, paged with {@code $top} and {@code $skip}, so that
 * indicators carry both names and ids. A name Defender does not know stops the cycle before any write, with
 * the missing names in the message. Listing the groups needs the permission Score.Read.All.
 */
public final class DeviceGroupCalls {

    /** Name of the exchange property that contains the resolved {@code Map<String, Long>} of group ids by name. */
    public static final String PROPERTY = "deviceGroupIds";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceGroupCalls.class);
    private static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 1000;

    private final DefenderHttp http;
    private final DefenderRateLimits limits;
    private final Set<String> configuredNames = new LinkedHashSet<>();

    public DeviceGroupCalls(DefenderHttp http, DefenderRateLimits limits, SyncSettings settings) {
        this.http = http;
        this.limits = limits;
        configuredNames.addAll(settings.defender().rbacGroupNames());
        for (CollectionConfig collection : settings.taxii().collections()) {
            configuredNames.addAll(collection.overrides().rbacGroupNames());
        }
    }

    /** Returns whether any device group is configured, so that the groups must be listed. */
    public boolean isNeeded() {
        return !configuredNames.isEmpty();
    }

    /** Starts the listing of device groups. */
    public void start(Exchange exchange) {
        exchange.setProperty(PROPERTY, new LinkedHashMap<String, Long>());
        exchange.setProperty("deviceGroupSkip", 0);
        exchange.setProperty("deviceGroupMore", true);
    }

    /** Sets the headers of the next page request. */
    public void preparePage(Exchange exchange) {
        int skip = exchange.getProperty("deviceGroupSkip", Integer.class);
        limits.acquire(DefenderRateLimits.Operation.MACHINE_GROUPS);
        http.prepare(exchange, "GET", http.settings().baseUrl() + "/api/exposureScore/ByMachineGroups?$top=" + PAGE_SIZE
                + "&$skip=" + skip).setBody(null);
    }

    /** Reads a page of groups; the last page is shorter than the page size or reaches {@code @odata.count}. */
    public void readPage(Exchange exchange) throws IOException {
        @SuppressWarnings("unchecked") // set by start
        Map<String, Long> groups = exchange.getProperty(PROPERTY, Map.class);
        int skip = exchange.getProperty("deviceGroupSkip", Integer.class);
        JsonNode page = http.readJson(exchange, "device group list");
        JsonNode value = page.path("value");
        for (JsonNode group : value) {
            if (group.hasNonNull("rbacGroupName") && group.hasNonNull("rbacGroupId")) {
                groups.putIfAbsent(group.get("rbacGroupName").asText(), group.get("rbacGroupId").asLong());
            }
        }
        int next = skip + value.size();
        boolean more = value.size() >= PAGE_SIZE && (!page.has("@odata.count") || next < page.get("@odata.count").asInt())
                && next / PAGE_SIZE < MAX_PAGES;
        exchange.setProperty("deviceGroupSkip", next);
        exchange.setProperty("deviceGroupMore", more);
    }

    /**
     * Checks that every configured name is a device group of the tenant, compared without case.
     *
     * @throws DefenderResponseException naming the missing groups
     */
    public void resolve(Exchange exchange) {
        @SuppressWarnings("unchecked") // set by start
        Map<String, Long> groups = exchange.getProperty(PROPERTY, Map.class);
        Map<String, Long> byLowerName = new LinkedHashMap<>();
        groups.forEach((name, id) -> byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), id));
        Map<String, Long> resolved = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : configuredNames) {
            Long id = byLowerName.get(name.toLowerCase(Locale.ROOT));
            if (id == null) {
                missing.add(name);
            } else {
                resolved.put(name, id);
            }
        }
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        if (!missing.isEmpty()) {
            throw new DefenderResponseException("Defender has no device groups named " + missing + " (it has "
                    + groups.keySet() + "); fix defender.rbac-group-names or the collections' rbac_group_names");
        }
        exchange.setProperty(PROPERTY, resolved);
        LOG.info("Resolved device groups cycle={} {}", cycle.id(), resolved);
    }
}
