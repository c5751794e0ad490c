package io.intelsync.defender;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The progress of listing Defender's indicators in one cycle: the URL of the next page and the
 * indicators read so far. Pages are followed through {@code @odata.nextLink}. A link to another host is
 * refused, so that the token is never sent elsewhere, and a link that repeats ends the listing as failed.
 */
public final class DefenderListing {

    /** Name of the exchange property that contains the listing of the current cycle. */
    public static final String PROPERTY = "defenderListing";

    private final URI firstPage;
    private final int maxPages;
    private final List<ExistingIndicator> indicators = new ArrayList<>();
    private final Set<String> linksSeen = new HashSet<>();
    private String nextUrl;
    private int pages;
    private boolean complete;

    public DefenderListing(URI firstPage, int maxPages) {
        this.firstPage = firstPage;
        this.nextUrl = firstPage.toString();
        this.maxPages = maxPages;
    }

    /** Returns whether another page must be requested. */
    public synchronized boolean hasMorePages() {
        return nextUrl != null;
    }

    /** Returns the URL of the next page. */
    public synchronized String nextUrl() {
        return nextUrl;
    }

    /**
     * Records a page.
     *
     * @param pageIndicators the indicators of the page
     * @param nextLink the page's {@code @odata.nextLink}, or null on the last page
     * @throws DefenderResponseException when the link cannot be followed safely
     */
    public synchronized void pageRead(List<ExistingIndicator> pageIndicators, String nextLink) {
        pages++;
        indicators.addAll(pageIndicators);
        if (nextLink == null || nextLink.isBlank()) {
            nextUrl = null;
            complete = true;
            return;
        }
        URI link = firstPage.resolve(nextLink);
        if (!sameOrigin(link, firstPage)) {
            throw new DefenderResponseException("Defender's @odata.nextLink points to " + link.getScheme() + "://"
                    + link.getAuthority() + ", not to " + firstPage.getScheme() + "://" + firstPage.getAuthority()
                    + "; the listing stops so that the token is not sent elsewhere");
        }
        if (!linksSeen.add(link.toString())) {
            throw new DefenderResponseException("Defender sent the @odata.nextLink " + link + " twice; the listing "
                    + "stops because paging would loop");
        }
        if (pages >= maxPages) {
            throw new DefenderResponseException("Defender's indicator list has more than " + maxPages + " pages; the "
                    + "listing stops");
        }
        nextUrl = link.toString();
    }

    /** Returns whether the last page was read. */
    public synchronized boolean isComplete() {
        return complete;
    }

    /** Returns the indicators read so far. */
    public synchronized List<ExistingIndicator> indicators() {
        return List.copyOf(indicators);
    }

    public synchronized int pages() {
        return pages;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
