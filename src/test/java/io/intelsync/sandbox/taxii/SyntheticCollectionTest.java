package io.intelsync.sandbox.taxii;

import static io.intelsync.sandbox.TestHttp.get;
import static io.intelsync.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelsync.sandbox.http.QueryStrings;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticCollectionTest {

    private static final String TOKEN = "synthetic-test-token";
    private static final String COLLECTION = "synthetic-2345";
    private static final int COUNT = 2_345;
    private static final long SEED = 11;

    private final SyntheticObjects generator = new SyntheticObjects(SEED, COUNT);
    private TaxiiEmulator taxii;

    @BeforeEach
    void start() throws Exception {
        taxii = TaxiiEmulator.builder().noData().bearerToken(TOKEN).start();
        taxii.addSyntheticCollection(COLLECTION, COUNT, SEED);
    }

    @AfterEach
    void stop() {
        taxii.close();
    }

    private HttpResponse<String> objects(String... parameters) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            pairs.add(QueryStrings.encode(parameters[i]) + "=" + QueryStrings.encode(parameters[i + 1]));
        }
        String query = pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        return get(taxii.objectsUrl(COLLECTION) + query, "Authorization", "Bearer " + TOKEN);
    }

    /** Reads every page with the given filters and returns the ids in the order served. */
    private List<String> readAll(String... filters) throws Exception {
        List<String> ids = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 1_000; page++) {
            List<String> parameters = new ArrayList<>(List.of(filters));
            if (next != null) {
                parameters.add("next");
                parameters.add(next);
            }
            JsonNode envelope = json(objects(parameters.toArray(String[]::new)));
            envelope.path("objects").forEach(object -> ids.add(object.path("id").asText()));
            if (!envelope.path("more").asBoolean()) {
                return ids;
            }
            next = envelope.path("next").asText();
        }
        throw new AssertionError("Paging did not end after 1,000 pages");
    }

    private List<String> generatedIds(long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long i = from; i < to; i++) {
            ids.add(generator.object(i).id());
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(CursorFormat.class)
    void pagesCoverCollectionInOrder(CursorFormat format) throws Exception {
        taxii.setCursorFormat(format);

        assertThat(readAll("limit", "500")).isEqualTo(generatedIds(0, COUNT));
    }

    @Test
    void servedObjectsAreGeneratedObjects() throws Exception {
        HttpResponse<String> response = objects("limit", "3");
        JsonNode envelope = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(envelope.path("objects")).hasSize(3);
        assertThat(envelope.path("objects").get(2)).isEqualTo(generator.object(2).toJson());
        assertThat(envelope.path("more").asBoolean()).isTrue();
        assertThat(response.headers().firstValue("X-TAXII-Date-Added-First")).contains("2025-01-01T00:00:00.000Z");
    }

    @Test
    void limitAboveCapIsCut() throws Exception {
        JsonNode envelope = json(objects("limit", "5000"));

        assertThat(envelope.path("objects")).hasSize(TaxiiPersonality.OPENCTI.maxPageSize());
    }

    @Test
    void addedAfterStartsAfterThatObject() throws Exception {
        String dateAdded99 = SyntheticObjects.dateAdded(99).toString();

        List<String> ids = readAll("limit", "400", "added_after", dateAdded99);

        assertThat(ids).isEqualTo(generatedIds(100, COUNT));
    }

    @Test
    void lastPageHasEmptyMoreAndCursor() throws Exception {
        JsonNode envelope = json(objects("added_after", SyntheticObjects.dateAdded(COUNT - 1).toString()));

        assertThat(envelope.path("objects")).isEmpty();
        assertThat(envelope.path("more").asBoolean()).isFalse();
        assertThat(envelope.path("next").asText()).isEmpty();
    }

    @Test
    void typeFilterPagesOnlyThatType() throws Exception {
        List<String> expected = new ArrayList<>();
        for (long i = 0; i < COUNT; i++) {
            if (generator.object(i).type().equals("malware")) {
                expected.add(generator.object(i).id());
            }
        }
        taxii.setCursorFormat(CursorFormat.NUMBER);

        List<String> ids = readAll("limit", "20", "match[type]", "malware");

        assertThat(expected).isNotEmpty();
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void otherVersionThanLastIsRejected() throws Exception {
        HttpResponse<String> response = objects("match[version]", "all");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void collectionsListSyntheticCollection() throws Exception {
        JsonNode collections = json(get(taxii.apiRootUrl() + "collections/", "Authorization", "Bearer " + TOKEN));

        assertThat(collections.path("collections").get(0).path("id").asText()).isEqualTo(COLLECTION);
        assertThat(taxii.collections()).singleElement().satisfies(summary -> {
            assertThat(summary.id()).isEqualTo(COLLECTION);
            assertThat(summary.objectCount()).isEqualTo(COUNT);
        });
    }

    @Test
    void duplicateIdIsRejected() {
        assertThatThrownBy(() -> taxii.addSyntheticCollection(COLLECTION, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
    }
}
