package io.intelsync.taxii;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.TaxiiSettings;
import io.intelsync.cycle.CollectionRead;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.stix.StixTimestamps;

/**
 * Prepares the requests of a collection read: the progress record of the collection, then each page's
 * {@code GET {api_root}/collections/{id}/objects/} with its URL, query, {@code Accept} and credentials.
 * Every page repeats the original filters ({@code limit}, {@code added_after} and {@code match[type]} when
 * set) and adds only the opaque {@code next}, sent back exactly as the server wrote it.
 */
public final class TaxiiRequests {

    /** Name of the exchange property that holds the {@link CollectionRead} of the current collection. */
    public static final String READ_PROPERTY = "collectionRead";

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiRequests.class);

    private final TaxiiSettings settings;

    public TaxiiRequests(TaxiiSettings settings) {
        this.settings = settings;
    }

    /** Starts the read of the collection in the message body and stores its progress in {@link #READ_PROPERTY}. */
    public void startCollection(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        CollectionConfig collection = exchange.getMessage().getMandatoryBody(CollectionConfig.class);
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        String addedAfter = cycle.startCursor(collection.id());
        if (addedAfter == null && settings.addedAfter() != null) {
            addedAfter = StixTimestamps.formatTaxii(settings.addedAfter());
        }
        CollectionRead read = cycle.startRead(collection, settings.maxPages(), settings.maxReadTime(), addedAfter);
        exchange.setProperty(READ_PROPERTY, read);
        LOG.info("Reading collection cycle={} collection={} rank={} added_after={}", cycle.id(), collection.id(),
                collection.rank(), addedAfter == null ? "none" : addedAfter);
    }

    /** Sets the headers of the next page request of the current collection and clears the body. */
    public void preparePage(Exchange exchange) {
        CollectionRead read = exchange.getProperty(READ_PROPERTY, CollectionRead.class);
        var message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, objectsUrl(read.collectionId()));
        message.setHeader(Exchange.HTTP_QUERY, query(read));
        settings.headers().forEach(message::setHeader);
        message.setHeader("Accept", TaxiiMediaTypes.TAXII_JSON);
        String authorization = authorization();
        if (authorization != null) {
            message.setHeader("Authorization", authorization);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Requesting page {} of collection {} with query {}", read.pages() + 1, read.collectionId(),
                    message.getHeader(Exchange.HTTP_QUERY));
        }
    }

    /** Returns the objects URL of a collection. */
    public String objectsUrl(String collectionId) {
        return settings.apiRoot() + "/collections/" + encode(collectionId) + "/objects/";
    }

    /** Returns the URL-encoded query of the next page: the original filters plus {@code next}. */
    static String query(CollectionRead read, int pageSize, String matchType) {
        StringBuilder query = new StringBuilder("limit=").append(pageSize);
        if (read.addedAfter() != null) {
            query.append("&added_after=").append(encode(read.addedAfter()));
        }
        if (!matchType.isEmpty()) {
            query.append("&").append(encode("match[type]")).append("=").append(encode(matchType));
        }
        if (read.next() != null) {
            query.append("&next=").append(encode(read.next()));
        }
        return query.toString();
    }

    private String query(CollectionRead read) {
        return query(read, settings.pageSize(), settings.matchType());
    }

    private String authorization() {
        return switch (settings.auth()) {
            case BEARER -> "Bearer " + settings.token();
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
            case NONE -> null;
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
