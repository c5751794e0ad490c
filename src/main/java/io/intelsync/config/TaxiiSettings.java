package io.intelsync.config;

import java.net.URI;
import java.util.List;

/**
 * Connection to the TAXII 2.1 server and the collections to read.
 *
 * @param apiRoot the API root URL, without a trailing slash
 * @param auth how to authenticate
 * @param token the Bearer token when {@code auth} is {@link TaxiiAuth#BEARER}
 * @param username the Basic user name when {@code auth} is {@link TaxiiAuth#BASIC}
 * @param password the Basic password when {@code auth} is {@link TaxiiAuth#BASIC}
 * @param collections the collections in priority order
 * @param pageSize the {@code limit} sent with each page request, in objects
 * @param maxPages the most pages read from one collection in one cycle
 */
public record TaxiiSettings(URI apiRoot, TaxiiAuth auth, String token, String username, String password,
        List<CollectionConfig> collections, int pageSize, int maxPages) {

    public TaxiiSettings {
        collections = List.copyOf(collections);
    }

    /** Returns the settings without the token and password, so that logging them leaks nothing. */
    @Override
    public String toString() {
        return "TaxiiSettings[apiRoot=" + apiRoot + ", auth=" + auth + ", username=" + username + ", collections="
                + collections.stream().map(CollectionConfig::id).toList() + ", pageSize=" + pageSize + ", maxPages="
                + maxPages + "]";
    }
}
