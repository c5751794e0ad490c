package io.intelsync.defender;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.intelsync.cycle.SyncCycle;
import io.intelsync.stix.StixTimestamps;

/** Lists Defender's indicators page by page, following {@code @odata.nextLink}; used by the listing route. */
public final class IndicatorListCalls {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorListCalls.class);
    private static final int MAX_LIST_PAGES = 10_000;

    private final DefenderHttp http;
    private final DefenderRateLimits limits;

    public IndicatorListCalls(DefenderHttp http, DefenderRateLimits limits) {
        this.http = http;
        this.limits = limits;
    }

    /** Starts the listing and stores it in {@link DefenderListing#PROPERTY}. */
    public void start(Exchange exchange) {
        exchange.setProperty(DefenderListing.PROPERTY,
                new DefenderListing(URI.create(http.settings().indicatorsUrl()), MAX_LIST_PAGES));
    }

    /** Sets the headers of the next page request. */
    public void preparePage(Exchange exchange) {
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        limits.acquire(DefenderRateLimits.Operation.LIST);
        http.prepare(exchange, "GET", listing.nextUrl()).setBody(null);
    }

    /** Reads a page from the response body into the listing. */
    public void readPage(Exchange exchange) throws IOException {
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        JsonNode page = http.readJson(exchange, "list page " + (listing.pages() + 1));
        JsonNode value = page.get("value");
        if (value == null || !value.isArray()) {
            List<String> names = new ArrayList<>();
            page.fieldNames().forEachRemaining(names::add);
            throw new DefenderResponseException("Defender's list response has no 'value' array; got fields " + names);
        }
        List<ExistingIndicator> indicators = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            indicators.add(existing(item));
        }
        JsonNode nextLink = page.get("@odata.nextLink");
        listing.pageRead(indicators, nextLink == null || nextLink.isNull() ? null : nextLink.asText());
        if (!listing.hasMorePages()) {
            SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
            LOG.info("Listed Defender indicators cycle={} indicators={} pages={}", cycle.id(),
                    listing.indicators().size(), listing.pages());
        }
    }

    static ExistingIndicator existing(JsonNode item) {
        String externalId = text(item, "externalId");
        if (externalId == null) {
            externalId = text(item, "externalID");
        }
        JsonNode alert = item.get("generateAlert");
        ExistingIndicator.Fields fields = new ExistingIndicator.Fields(text(item, "severity"), text(item, "title"),
                text(item, "description"), instant(text(item, "expirationTime")), text(item, "recommendedActions"),
                text(item, "educateUrl"), alert == null || alert.isNull() ? null : alert.asBoolean());
        return new ExistingIndicator(text(item, "id"), text(item, "indicatorType"), text(item, "indicatorValue"),
                text(item, "createdBy"), text(item, "application"), externalId, text(item, "action"),
                groupNames(item.get("rbacGroupNames")), fields);
    }

    // Defender documents rbacGroupNames as a list of strings, and also as a comma-separated string.
    private static List<String> groupNames(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> names.add(item.asText()));
        } else {
            names.addAll(List.of(node.asText().split(",")));
        }
        return names;
    }

    private static Instant instant(String text) {
        return text == null ? null : StixTimestamps.parse(text).orElse(null);
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
