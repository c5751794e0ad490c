package io.intelsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Connection to the TAXII 2.1 server and the collections to read.
 *
 * @param apiRoot the API root URL, without a trailing slash
 * @param auth how to authenticate
 * @param token the Bearer token when {@code auth} is {@link TaxiiAuth#BEARER}
 * @param username the Basic user name when {@code auth} is {@link TaxiiAuth#BASIC}
 * @param password the Basic password when {@code auth} is {@link TaxiiAuth#BASIC}
 * @param collections the collections in priority order, by id or alias as configured
 * @param pageSize the {@code limit} sent with each page request, in objects
 * @param maxPages the most pages read from one collection in one cycle
 * @param maxReadTime the longest time one collection is read in one cycle
 * @param addedAfter the {@code added_after} of a full read, or null to read from the beginning
 * @param matchType the value of {@code match[type]}, or an empty string for no filter
 * @param headers extra request headers
 * @param caFile a PEM file of extra trusted CA certificates, or null
 * @param trustStore a trust store of extra trusted certificates, or null
 * @param trustStorePassword the trust store's password, or an empty string
 */
public record TaxiiSettings(URI apiRoot, TaxiiAuth auth, String token, String username, String password,
        List<CollectionConfig> collections, int pageSize, int maxPages, Duration maxReadTime, Instant addedAfter,
        String matchType, Map<String, String> headers, Path caFile, Path trustStore, String trustStorePassword) {

    public TaxiiSettings {
        collections = List.copyOf(collections);
        headers = Map.copyOf(headers);
    }

    /** Returns a copy with other collections, for example after aliases were resolved to ids. */
    public TaxiiSettings withCollections(List<CollectionConfig> resolved) {
        return new TaxiiSettings(apiRoot, auth, token, username, password, resolved, pageSize, maxPages, maxReadTime,
                addedAfter, matchType, headers, caFile, trustStore, trustStorePassword);
    }

    /** Returns the settings without the token and passwords, so that logging them leaks nothing. */
    @Override
    public String toString() {
        return "TaxiiSettings[apiRoot=" + apiRoot + ", auth=" + auth + ", username=" + username + ", collections="
                + collections.stream().map(CollectionConfig::id).toList() + ", pageSize=" + pageSize + ", maxPages="
                + maxPages + ", maxReadTime=" + maxReadTime + ", addedAfter=" + addedAfter + ", matchType=" + matchType
                + ", headers=" + headers.keySet() + ", caFile=" + caFile + ", trustStore=" + trustStore + "]";
    }
}
