package io.intelsync.sandbox.taxii;

import static io.intelsync.sandbox.TestHttp.get;
import static io.intelsync.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelsync.sandbox.MutableClock;
import io.intelsync.sandbox.http.QueryStrings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaxiiMedallionTest {

    private static final String ACCEPT = "application/taxii+json;version=2.1";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:Password0".getBytes(StandardCharsets.UTF_8));

    /** The readable collection of medallion's default_data.json. */
    private static final String HIGH_VALUE_COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    private static final String VERSIONED_INDICATOR = "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e";
    private static final String VERSIONED_MALWARE = "malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec";

    private final MutableClock clock = MutableClock.startingAtNewYear2025();
    private TaxiiEmulator taxii;
    private String collectionId;

    @BeforeEach
    void start() throws Exception {
        taxii = TaxiiEmulator.builder()
                .clock(clock)
                .personality(TaxiiPersonality.MEDALLION)
                .basicCredentials("admin", "Password0")
                .bearerToken("ignored-by-medallion")
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

    private HttpResponse<String> objects(String collection, String... parameters) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            pairs.add(QueryStrings.encode(parameters[i]) + "=" + QueryStrings.encode(parameters[i + 1]));
        }
        String query = pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        return get(taxii.objectsUrl(collection) + query, "Authorization", BASIC, "Accept", ACCEPT);
    }

    private static List<String> ids(JsonNode envelope) {
        List<String> ids = new ArrayList<>();
        envelope.path("objects").forEach(object -> ids.add(object.path("id").asText()));
        return ids;
    }

    @Test
    void bearerIsRejected() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl(collectionId),
                "Authorization", "Bearer ignored-by-medallion", "Accept", ACCEPT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Authentication Required\"");
        assertThat(response.body()).isEqualTo("Unauthorized Access");
    }

    @Test
    void acceptWithOtherVersionReturns406() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl(collectionId),
                "Authorization", BASIC, "Accept", "application/taxii+json;version=2.0");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json(response).path("description").asText()).isEqualTo("The server does not support version 2.0");
        assertThat(json(response).path("http_status").asText()).isEqualTo("406");
        assertThat(json(response).path("http_status").isTextual()).isTrue();
    }

    @Test
    void acceptMissingReturns406() throws Exception {
        HttpResponse<String> missing = get(taxii.objectsUrl(collectionId), "Authorization", BASIC);
        HttpResponse<String> json = get(taxii.objectsUrl(collectionId), "Authorization", BASIC, "Accept", "application/json");

        assertThat(missing.statusCode()).isEqualTo(406);
        assertThat(json(missing).path("description").asText()).isEqualTo("Media type in the Accept header is invalid or not found");
        assertThat(json.statusCode()).isEqualTo(406);
    }

    @Test
    void acceptWithoutVersionAllowed() throws Exception {
        HttpResponse<String> response = get(taxii.objectsUrl(collectionId),
                "Authorization", BASIC, "Accept", "application/json, application/taxii+json");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownCollectionReturns404() throws Exception {
        HttpResponse<String> response = objects("0b7f4f3a-0000-4000-8000-000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("title").asText()).isEqualTo("ProcessingError");
        assertThat(json(response).path("http_status").asText()).isEqualTo("404");
        assertThat(json(response).path("description").asText()).contains("0b7f4f3a-0000-4000-8000-000000000000");
    }

    @Test
    void emptyPageIsEmptyObject() throws Exception {
        HttpResponse<String> response = objects(collectionId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(response.headers().firstValue("X-TAXII-Date-Added-First")).isEmpty();
    }

    @Test
    void pagingWithSessionToEnd() throws Exception {
        addIndicators(250);

        JsonNode first = json(objects(collectionId));
        String next = first.path("next").asText();
        JsonNode second = json(objects(collectionId, "next", next));
        JsonNode third = json(objects(collectionId, "next", next));

        assertThat(first.path("objects")).hasSize(100);
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(next).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(second.path("objects")).hasSize(100);
        assertThat(second.path("next").asText()).isEqualTo(next);
        assertThat(third.path("objects")).hasSize(50);
        assertThat(third.path("more").asBoolean()).isFalse();
        assertThat(third.path("next").asText()).isEqualTo(next);
        assertThat(taxii.openSessionCount()).isZero();
    }

    @Test
    void limitIsCappedAt100() throws Exception {
        addIndicators(150);

        JsonNode page = json(objects(collectionId, "limit", "500"));

        assertThat(page.path("objects")).hasSize(100);
    }

    @Test
    void nextExpiresAfter30Seconds() throws Exception {
        addIndicators(30);

        String next = json(objects(collectionId, "limit", "10")).path("next").asText();
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> atThirty = objects(collectionId, "limit", "10", "next", next);
        clock.advance(Duration.ofMillis(1));
        HttpResponse<String> after = objects(collectionId, "limit", "10", "next", next);

        assertThat(atThirty.statusCode()).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(400);
        assertThat(json(after).path("description").asText())
                .isEqualTo("The server did not understand the request or filter parameters: 'next' not valid");
    }

    @Test
    void changedParamsReturn400() throws Exception {
        addIndicators(30);

        String next = json(objects(collectionId, "limit", "10", "match[type]", "indicator")).path("next").asText();
        HttpResponse<String> dropped = objects(collectionId, "limit", "10", "next", next);

        assertThat(dropped.statusCode()).isEqualTo(400);
        assertThat(json(dropped).path("description").asText()).endsWith("params changed over subsequent transaction");
    }

    @Test
    void filterKeptOnPageTwo() throws Exception {
        for (int i = 0; i < 6; i++) {
            taxii.addObject(collectionId, StixSamples.indicator(i));
            taxii.addObject(collectionId, StixSamples.malware(i));
        }

        JsonNode first = json(objects(collectionId, "match[type]", "malware,indicator", "limit", "4"));
        JsonNode second = json(objects(collectionId, "match[type]", "indicator,malware", "limit", "8", "next", first.path("next").asText()));

        assertThat(first.path("objects")).hasSize(4);
        assertThat(second.path("objects")).hasSize(8);
        assertThat(second.path("more").asBoolean()).isFalse();
    }

    @Test
    void unknownNextReturns400() throws Exception {
        HttpResponse<String> response = objects(collectionId, "next", "5d0c1f6e-0000-4000-8000-000000000000");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void invalidLimitReturns400() throws Exception {
        HttpResponse<String> zero = objects(collectionId, "limit", "0");
        HttpResponse<String> text = objects(collectionId, "limit", "many");

        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero).path("http_status").asText()).isEqualTo("400");
        assertThat(text.statusCode()).isEqualTo(400);
    }

    @Test
    void dateHeadersHaveMicroseconds() throws Exception {
        HttpResponse<String> response = objects(HIGH_VALUE_COLLECTION, "match[version]", "all");

        assertThat(response.headers().firstValue("X-TAXII-Date-Added-First")).contains("2014-05-08T09:00:00.000000Z");
        assertThat(response.headers().firstValue("X-TAXII-Date-Added-Last")).contains("2017-12-31T13:49:53.935000Z");
    }

    @Test
    void defaultVersionIsLast() throws Exception {
        JsonNode envelope = json(objects(HIGH_VALUE_COLLECTION, "match[id]", VERSIONED_INDICATOR));

        assertThat(envelope.path("objects")).hasSize(1);
        assertThat(envelope.path("objects").get(0).path("modified").asText()).isEqualTo("2017-01-27T13:49:53.935Z");
    }

    @Test
    void versionFirstAndAll() throws Exception {
        JsonNode first = json(objects(HIGH_VALUE_COLLECTION, "match[id]", VERSIONED_INDICATOR, "match[version]", "first"));
        JsonNode all = json(objects(HIGH_VALUE_COLLECTION, "match[id]", VERSIONED_INDICATOR, "match[version]", "all"));

        assertThat(first.path("objects").get(0).path("modified").asText()).isEqualTo("2016-11-03T12:30:59.000Z");
        assertThat(all.path("objects")).hasSize(3);
    }

    @Test
    void specVersionFilter() throws Exception {
        JsonNode byDefault = json(objects(HIGH_VALUE_COLLECTION, "match[id]", VERSIONED_MALWARE));
        JsonNode older = json(objects(HIGH_VALUE_COLLECTION, "match[id]", VERSIONED_MALWARE, "match[spec_version]", "2.0"));

        assertThat(byDefault.path("objects")).hasSize(1);
        assertThat(byDefault.path("objects").get(0).path("spec_version").asText()).isEqualTo("2.1");
        assertThat(older.path("objects")).hasSize(1);
        assertThat(older.path("objects").get(0).path("modified").asText()).isEqualTo("2018-02-23T18:30:00.000Z");
    }

    @Test
    void addedAfterUsesManifestDates() throws Exception {
        JsonNode envelope = json(objects(HIGH_VALUE_COLLECTION, "added_after", "2017-01-20T00:00:00.000000Z"));

        assertThat(ids(envelope)).containsExactly(VERSIONED_MALWARE, VERSIONED_INDICATOR);
    }

    @Test
    void omitNextOpensNoSession() throws Exception {
        addIndicators(5);
        taxii.setOmitNext(true);

        JsonNode page = json(objects(collectionId, "limit", "2"));

        assertThat(page.has("next")).isFalse();
        assertThat(page.path("more").asBoolean()).isTrue();
        assertThat(taxii.openSessionCount()).isZero();
    }

    @Test
    void stuckCursorRepeatsFirstPage() throws Exception {
        addIndicators(5);
        taxii.setStuckCursor(true);

        JsonNode first = json(objects(collectionId, "limit", "2"));
        JsonNode second = json(objects(collectionId, "limit", "2", "next", first.path("next").asText()));

        assertThat(second.path("next").asText()).isEqualTo(first.path("next").asText());
        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(second.path("more").asBoolean()).isTrue();
    }

    @Test
    void faultBodyHasStringStatus() throws Exception {
        taxii.failObjectsRequests(collectionId, 0, 503, 1);

        HttpResponse<String> failed = objects(collectionId);
        HttpResponse<String> recovered = objects(collectionId);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).path("http_status").asText()).isEqualTo("503");
        assertThat(failed.headers().firstValue("Content-Type")).contains(TaxiiEmulator.TAXII_MEDIA_TYPE);
        assertThat(recovered.statusCode()).isEqualTo(200);
    }

    @Test
    void manifestHasObjectVersions() throws Exception {
        String manifestUrl = taxii.apiRootUrl() + "collections/" + HIGH_VALUE_COLLECTION + "/manifest/";
        HttpResponse<String> newestSpec = get(manifestUrl + "?match%5Bversion%5D=all", "Authorization", BASIC, "Accept", ACCEPT);
        HttpResponse<String> bothSpecs = get(manifestUrl + "?match%5Bversion%5D=all&match%5Bspec_version%5D=2.0,2.1",
                "Authorization", BASIC, "Accept", ACCEPT);
        JsonNode entries = json(newestSpec).path("objects");

        // The default spec_version filter drops the STIX 2.0 version of the malware, as medallion does.
        assertThat(entries).hasSize(7);
        assertThat(json(bothSpecs).path("objects")).hasSize(8);
        assertThat(entries.get(0).path("date_added").asText()).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(entries.get(1).path("version").asText()).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(entries.get(1).path("date_added").asText()).isEqualTo("2016-11-01T03:04:05.000000Z");
    }
}
