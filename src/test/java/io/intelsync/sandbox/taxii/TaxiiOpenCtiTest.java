package io.intelsync.sandbox.taxii;

import static io.intelsync.sandbox.TestHttp.get;
import static io.intelsync.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelsync.sandbox.MutableClock;
import io.intelsync.sandbox.http.QueryStrings;
import io.intelsync.sandbox.http.RecordedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaxiiOpenCtiTest {

    private static final String TOKEN = "opencti-test-token";

    private final MutableClock clock = MutableClock.startingAtNewYear2025();
    private TaxiiEmulator taxii;
    private String collectionId;

    @BeforeEach
    void start() throws Exception {
        taxii = TaxiiEmulator.builder()
                .clock(clock)
                .noData()
                .bearerToken(TOKEN)
                .basicCredentials("analyst@example.com", "s3cret")
                .start();
        collectionId = taxii.createCollection("paging");
    }

    @AfterEach
    void stop() {
        taxii.close();
    }

    private void addIndicators(int count) {
        for (int i = 0; i < count; i++) {
            taxii.addObject(collectionId, StixSamples.indicator(i));
        }
    }

    private HttpResponse<String> objects(String... parameters) throws Exception {
        return get(taxii.objectsUrl(collectionId) + query(parameters), "Authorization", "Bearer " + TOKEN);
    }

    private static String query(String... parameters) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            pairs.add(QueryStrings.encode(parameters[i]) + "=" + QueryStrings.encode(parameters[i + 1]));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static List<String> ids(JsonNode envelope) {
        List<String> ids = new ArrayList<>();
        envelope.path("objects").forEach(object -> ids.add(object.path("id").asText()));
        return ids;
    }

    @Test
    void discoveryListsApiRoot() throws Exception {
        HttpResponse<String> response = get(taxii.discoveryUrl(), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/taxii+json;version=2.1");
        assertThat(json(response).path("title").asText()).isEqualTo("OpenCTI TAXII Server");
        assertThat(json(response).path("api_roots").get(0).asText()).isEqualTo(taxii.apiRootUrl());
        assertThat(taxii.apiRootUrl()).endsWith("/taxii2/root/");
    }

    @Test
    void apiRootAndCollectionsWithoutTrailingSlash() throws Exception {
        String root = taxii.apiRootUrl();

        HttpResponse<String> information = get(root.substring(0, root.length() - 1), "Authorization", "Bearer " + TOKEN);
        HttpResponse<String> collections = get(root + "collections", "Authorization", "Bearer " + TOKEN);
        HttpResponse<String> collection = get(root + "collections/" + collectionId, "Authorization", "Bearer " + TOKEN);

        assertThat(information.statusCode()).isEqualTo(200);
        assertThat(json(information).path("max_content_length").asLong()).isEqualTo(104_857_600L);
        assertThat(json(collections).path("collections").get(0).path("id").asText()).isEqualTo(collectionId);
        assertThat(json(collection).path("title").asText()).isEqualTo("paging");
        assertThat(json(collection).path("can_read").asBoolean()).isTrue();
        assertThat(json(collection).has("alias")).isFalse();
    }

    @Test
    void missingAuthReturns401() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl(collectionId));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic, Bearer");
        assertThat(json(response).path("title").asText()).isEqualTo("You must be logged in to do this.");
        assertThat(json(response).path("error_code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(json(response).path("http_status").isInt()).isTrue();
        assertThat(json(response).path("http_status").asInt()).isEqualTo(401);
    }

    @Test
    void wrongBearerReturns401() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl(collectionId), "Authorization", "Bearer wrong");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void basicAuthAccepted() throws Exception {
        String credentials = Base64.getEncoder().encodeToString("analyst@example.com:s3cret".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = get(taxii.objectsUrl(collectionId), "Authorization", "Basic " + credentials);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownCollectionReturns403() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl("0b7f4f3a-0000-4000-8000-000000000000"), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error_code").asText()).isEqualTo("FORBIDDEN_ACCESS");
        assertThat(json(response).path("title").asText()).isEqualTo("You are not allowed to do this.");
    }

    @Test
    void acceptHeaderIsNotChecked() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl(collectionId), "Authorization", "Bearer " + TOKEN, "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void pagingToEndWithPageCap() throws Exception {
        addIndicators(1_200);
        List<Integer> pageSizes = new ArrayList<>();
        List<Boolean> moreFlags = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String next = null;

        for (int page = 0; page < 10; page++) {
            HttpResponse<String> response = next == null ? objects("limit", "1000") : objects("limit", "1000", "next", next);
            JsonNode envelope = json(response);
            pageSizes.add(envelope.path("objects").size());
            moreFlags.add(envelope.path("more").asBoolean());
            seen.addAll(ids(envelope));
            if (!envelope.path("more").asBoolean()) {
                break;
            }
            next = envelope.path("next").asText();
        }

        assertThat(pageSizes).containsExactly(500, 500, 200);
        assertThat(moreFlags).containsExactly(true, true, false);
        assertThat(seen).hasSize(1_200).doesNotHaveDuplicates();
    }

    @Test
    void lastPageStillHasNext() throws Exception {
        addIndicators(3);

        JsonNode envelope = json(objects());

        assertThat(envelope.path("more").asBoolean()).isFalse();
        assertThat(envelope.path("next").asText()).isNotEmpty();
    }

    @Test
    void emptyPageHasEmptyNext() throws Exception {
        HttpResponse<String> response = objects();
        JsonNode envelope = json(response);

        assertThat(envelope.path("more").asBoolean()).isFalse();
        assertThat(envelope.path("next").isTextual()).isTrue();
        assertThat(envelope.path("next").asText()).isEmpty();
        assertThat(envelope.path("objects").isArray()).isTrue();
        assertThat(envelope.path("objects")).isEmpty();
        assertThat(response.headers().firstValue("X-TAXII-Date-Added-First")).isEmpty();
        assertThat(response.headers().firstValue("X-TAXII-Date-Added-Last")).isEmpty();
    }

    @Test
    void dateHeadersHaveMilliseconds() throws Exception {
        Instant first = taxii.addObject(collectionId, StixSamples.indicator(1));
        clock.advance(Duration.ofSeconds(5));
        Instant last = taxii.addObject(collectionId, StixSamples.indicator(2));

        HttpResponse<String> response = objects();

        assertThat(response.headers().firstValue("X-TAXII-Date-Added-First")).contains("2025-01-01T00:00:00.000Z");
        assertThat(response.headers().firstValue("X-TAXII-Date-Added-Last")).contains("2025-01-01T00:00:05.000Z");
        assertThat(first).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(last).isEqualTo(Instant.parse("2025-01-01T00:00:05Z"));
    }

    @Test
    void addedAfterIsExclusive() throws Exception {
        taxii.addObject(collectionId, StixSamples.indicator(1));
        Instant second = taxii.addObject(collectionId, StixSamples.indicator(2));
        taxii.addObject(collectionId, StixSamples.indicator(3));

        JsonNode envelope = json(objects("added_after", second.toString()));

        assertThat(ids(envelope)).containsExactly(StixSamples.indicatorId(3));
    }

    @Test
    void filterKeptOnPageTwo() throws Exception {
        for (int i = 0; i < 6; i++) {
            taxii.addObject(collectionId, StixSamples.indicator(i));
            taxii.addObject(collectionId, StixSamples.malware(i));
        }

        JsonNode first = json(objects("match[type]", "indicator", "limit", "4"));
        JsonNode second = json(objects("match[type]", "indicator", "limit", "4", "next", first.path("next").asText()));

        assertThat(ids(first)).hasSize(4).allMatch(id -> id.startsWith("indicator--"));
        assertThat(ids(second)).hasSize(2).allMatch(id -> id.startsWith("indicator--"));
        assertThat(second.path("more").asBoolean()).isFalse();
    }

    @Test
    void droppedFilterServesUnfilteredAfterCursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            taxii.addObject(collectionId, StixSamples.indicator(i));
            taxii.addObject(collectionId, StixSamples.malware(i));
        }

        JsonNode first = json(objects("match[type]", "indicator", "limit", "1"));
        JsonNode second = json(objects("limit", "10", "next", first.path("next").asText()));

        assertThat(ids(first)).containsExactly(StixSamples.indicatorId(0));
        assertThat(ids(second)).hasSize(5);
        assertThat(ids(second)).anyMatch(id -> id.startsWith("malware--"));
    }

    @Test
    void numericCursorMustComeBackAsInteger() throws Exception {
        addIndicators(3);
        taxii.setCursorFormat(CursorFormat.NUMBER);

        JsonNode first = json(objects("limit", "1"));
        HttpResponse<String> asInteger = objects("limit", "1", "next", first.path("next").asText());
        HttpResponse<String> asDecimal = objects("limit", "1", "next", "1.0");

        assertThat(first.path("next").isInt()).isTrue();
        assertThat(first.path("next").asInt()).isEqualTo(1);
        assertThat(asInteger.statusCode()).isEqualTo(200);
        assertThat(ids(json(asInteger))).containsExactly(StixSamples.indicatorId(1));
        assertThat(asDecimal.statusCode()).isEqualTo(400);
        assertThat(json(asDecimal).path("error_code").asText()).isEqualTo("FUNCTIONAL_ERROR");
    }

    @Test
    void spacedCursorRoundTrips() throws Exception {
        addIndicators(3);
        taxii.setCursorFormat(CursorFormat.SPACED_STRING);

        JsonNode first = json(objects("limit", "2"));
        JsonNode second = json(objects("limit", "2", "next", first.path("next").asText()));

        assertThat(first.path("next").asText()).contains(" ").contains("|");
        assertThat(ids(second)).containsExactly(StixSamples.indicatorId(2));
    }

    @Test
    void omitNextContinuesWithAddedAfter() throws Exception {
        addIndicators(5);
        taxii.setOmitNext(true);

        HttpResponse<String> first = objects("limit", "3");
        String last = first.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
        JsonNode rest = json(objects("limit", "3", "added_after", last));

        assertThat(json(first).has("next")).isFalse();
        assertThat(json(first).path("more").asBoolean()).isTrue();
        assertThat(ids(rest)).containsExactly(StixSamples.indicatorId(3), StixSamples.indicatorId(4));
        assertThat(rest.path("more").asBoolean()).isFalse();
    }

    @Test
    void stuckCursorNeverAdvances() throws Exception {
        addIndicators(5);
        taxii.setStuckCursor(true);

        JsonNode first = json(objects("limit", "2"));
        JsonNode second = json(objects("limit", "2", "next", first.path("next").asText()));

        assertThat(second.path("next").asText()).isEqualTo(first.path("next").asText());
        assertThat(second.path("more").asBoolean()).isTrue();
        assertThat(ids(second)).isEqualTo(ids(first));
    }

    @Test
    void onlyLastVersionIsServed() throws Exception {
        taxii.addObject(collectionId, StixSamples.indicator(1, "2024-01-01T00:00:00.000Z"));
        taxii.addObject(collectionId, StixSamples.indicator(1, "2024-06-01T00:00:00.000Z"));

        JsonNode envelope = json(objects());

        assertThat(envelope.path("objects")).hasSize(1);
        assertThat(envelope.path("objects").get(0).path("modified").asText()).isEqualTo("2024-06-01T00:00:00.000Z");
    }

    @Test
    void versionOtherThanLastReturns400() throws Exception {
        HttpResponse<String> response = objects("match[version]", "all");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("title").asText()).isEqualTo("Invalid version provided, only 'last' supported");
    }

    @Test
    void specVersionOtherThan21Returns400() throws Exception {
        HttpResponse<String> response = objects("match[spec_version]", "2.0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("title").asText()).isEqualTo("Invalid spec_version provided, only '2.1' supported");
    }

    @Test
    void invalidLimitReturns400() throws Exception {
        assertThat(objects("limit", "0").statusCode()).isEqualTo(400);
        assertThat(objects("limit", "ten").statusCode()).isEqualTo(400);
    }

    @Test
    void matchIdFilters() throws Exception {
        addIndicators(3);

        JsonNode envelope = json(objects("match[id]", StixSamples.indicatorId(0) + "," + StixSamples.indicatorId(2)));

        assertThat(ids(envelope)).containsExactly(StixSamples.indicatorId(0), StixSamples.indicatorId(2));
    }

    @Test
    void manifestUsesDateAddedAsVersion() throws Exception {
        taxii.addObject(collectionId, StixSamples.indicator(1));

        HttpResponse<String> response = get(taxii.apiRootUrl() + "collections/" + collectionId + "/manifest/",
                "Authorization", "Bearer " + TOKEN);
        JsonNode entry = json(response).path("objects").get(0);

        assertThat(entry.path("id").asText()).isEqualTo(StixSamples.indicatorId(1));
        assertThat(entry.path("date_added").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(entry.path("version").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(entry.path("media_type").asText()).isEqualTo("application/stix+json;version=2.1");
    }

    @Test
    void faultLetsThroughThenFails() throws Exception {
        addIndicators(1);
        taxii.failObjectsRequests(collectionId, 1, 503, 2);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(objects().statusCode());
        }
        taxii.failObjectsRequests(collectionId, 0, 500, 1);
        HttpResponse<String> failed = objects();

        assertThat(statuses).containsExactly(200, 503, 503, 200);
        assertThat(json(failed).path("http_status").asInt()).isEqualTo(500);
        assertThat(json(failed).path("error_code").asText()).isEqualTo("UNKNOWN_ERROR");
    }

    @Test
    void removeObjectDropsAllVersions() throws Exception {
        taxii.addObject(collectionId, StixSamples.indicator(1, "2024-01-01T00:00:00.000Z"));
        taxii.addObject(collectionId, StixSamples.indicator(1, "2024-06-01T00:00:00.000Z"));
        taxii.addObject(collectionId, StixSamples.indicator(2));

        int removed = taxii.removeObject(collectionId, StixSamples.indicatorId(1));

        assertThat(removed).isEqualTo(2);
        assertThat(ids(json(objects()))).containsExactly(StixSamples.indicatorId(2));
        assertThat(taxii.collections().get(0).objectCount()).isEqualTo(1);
    }

    @Test
    void addObjectDateAddedStrictlyIncreases() {
        Instant first = taxii.addObject(collectionId, StixSamples.indicator(1));
        Instant second = taxii.addObject(collectionId, StixSamples.indicator(2));

        assertThat(second).isAfter(first);
    }

    @Test
    void requestsAreRecorded() throws Exception {
        clock.advance(Duration.ofMinutes(3));
        get(taxii.objectsUrl(collectionId) + "?match%5Btype%5D=indicator&next=1.0&next=a%20b",
                "Authorization", "Bearer " + TOKEN, "X-Custom", "Value");

        RecordedRequest request = taxii.requests().get(taxii.requests().size() - 1);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/taxii2/root/collections/" + collectionId + "/objects/");
        assertThat(request.query().get("match[type]")).containsExactly("indicator");
        assertThat(request.query().get("next")).containsExactly("1.0", "a b");
        assertThat(request.headers()).containsKey("x-custom");
        assertThat(request.header("X-Custom")).contains("Value");
        assertThat(request.time()).isEqualTo(Instant.parse("2025-01-01T00:03:00Z"));

        taxii.clearRequests();
        assertThat(taxii.requests()).isEmpty();
    }
}
