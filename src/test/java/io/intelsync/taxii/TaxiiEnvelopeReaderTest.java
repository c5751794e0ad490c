package io.intelsync.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.CollectionOverrides;
import io.intelsync.cycle.CollectionRead;

class TaxiiEnvelopeReaderTest {

    private final TaxiiEnvelopeReader reader = new TaxiiEnvelopeReader(new ObjectMapper());

    private static CollectionRead read() {
        return new CollectionRead(new CollectionConfig("c1", 0, CollectionOverrides.NONE), 100, Duration.ofHours(1),
                Clock.systemUTC(), null);
    }

    private List<String> ids(String json, CollectionRead read, String dateAddedLast) {
        Iterator<JsonNode> objects = reader.objects(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                read, dateAddedLast);
        List<String> ids = new ArrayList<>();
        objects.forEachRemaining(object -> ids.add(object.path("id").asText()));
        return ids;
    }

    @Test
    void readsObjectsThenMoreAndNext() {
        CollectionRead read = read();
        List<String> ids = ids("{\"more\":true,\"next\":\"abc\",\"objects\":[{\"id\":\"a\"},{\"id\":\"b\"}]}", read, null);
        assertThat(ids).containsExactly("a", "b");
        assertThat(read.objects()).isEqualTo(2);
        assertThat(read.next()).isEqualTo("abc");
        assertThat(read.hasMorePages()).isTrue();
    }

    @Test
    void readsMoreAndNextAfterObjects() {
        CollectionRead read = read();
        assertThat(ids("{\"objects\":[{\"id\":\"a\"}],\"next\":\"n 1|x\",\"more\":true}", read, null)).containsExactly("a");
        assertThat(read.next()).isEqualTo("n 1|x");
    }

    @Test
    void keepsNumericNextAsWritten() {
        CollectionRead read = read();
        ids("{\"more\":true,\"next\":1,\"objects\":[]}", read, null);
        assertThat(read.next()).isEqualTo("1");
    }

    @Test
    void emptyEnvelopeEndsTheRead() {
        CollectionRead read = read();
        assertThat(ids("{}", read, null)).isEmpty();
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.isComplete()).isTrue();
    }

    @Test
    void moreWithoutNextUsesHeader() {
        CollectionRead read = read();
        ids("{\"more\":true,\"objects\":[{\"id\":\"a\"}]}", read, "2024-01-02T03:04:05.678Z");
        assertThat(read.addedAfter()).isEqualTo("2024-01-02T03:04:05.678Z");
        assertThat(read.hasMorePages()).isTrue();
    }

    @Test
    void ignoresUnknownMembersAndNonObjectItems() {
        CollectionRead read = read();
        assertThat(ids("{\"x\":{\"y\":[1,2]},\"objects\":[1,{\"id\":\"a\"},[2]],\"more\":false}", read, null))
                .containsExactly("a");
    }

    @Test
    void truncatedEnvelopeThrowsNamingCollection() {
        CollectionRead read = read();
        assertThatThrownBy(() -> ids("{\"objects\":[{\"id\":\"a\"},{\"id\":", read, null))
                .isInstanceOf(TaxiiResponseException.class)
                .hasMessageContaining("collection c1");
        assertThat(read.isComplete()).isFalse();
    }

    @Test
    void errorMessageWithStatus200Throws() {
        CollectionRead read = read();
        assertThatThrownBy(() -> ids("{\"title\":\"Unauthorized\",\"http_status\":\"401\"}", read, null))
                .isInstanceOf(TaxiiResponseException.class)
                .hasMessageContaining("not a TAXII envelope").hasMessageContaining("Unauthorized");
        assertThat(read.isComplete()).isFalse();
    }

    @Test
    void nonObjectBodyThrows() {
        assertThatThrownBy(() -> ids("[1,2]", read(), null)).isInstanceOf(TaxiiResponseException.class)
                .hasMessageContaining("not a JSON object");
    }
}
