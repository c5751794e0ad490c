package io.intelsync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.CollectionOverrides;
import io.intelsync.sandbox.MutableClock;

class CollectionReadTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private CollectionRead read(int maxPages) {
        return new CollectionRead(new CollectionConfig("c1", 0, CollectionOverrides.NONE), maxPages,
                Duration.ofMinutes(10), clock, null);
    }

    @Test
    void followsMoreNotNext() {
        CollectionRead read = read(10);
        read.pageRead(true, "cursor-1", null, 1);
        assertThat(read.hasMorePages()).isTrue();
        assertThat(read.next()).isEqualTo("cursor-1");
        read.pageRead(false, "cursor-2", null, 2);
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.isComplete()).isTrue();
    }

    @Test
    void repeatedCursorEndsIncomplete() {
        CollectionRead read = read(10);
        read.pageRead(true, "same", null, 1);
        read.pageRead(true, "same", null, 2);
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("twice");
    }

    @Test
    void repeatedPageEndsIncomplete() {
        CollectionRead read = read(10);
        read.pageRead(true, "a", null, 42);
        read.pageRead(true, "b", null, 42);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("repeated the objects of an earlier page");
    }

    @Test
    void moreWithoutNextContinuesWithDateAddedLast() {
        CollectionRead read = read(10);
        read.pageRead(true, null, "2024-05-01T10:00:00.123Z", 1);
        assertThat(read.hasMorePages()).isTrue();
        assertThat(read.next()).isNull();
        assertThat(read.addedAfter()).isEqualTo("2024-05-01T10:00:00.123Z");
    }

    @Test
    void moreWithoutNextOrHeaderEndsIncomplete() {
        CollectionRead read = read(10);
        read.pageRead(true, "", null, 1);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("without next");
    }

    @Test
    void dateAddedLastThatDoesNotAdvanceEndsIncomplete() {
        CollectionRead read = read(10);
        read.pageRead(true, null, "2024-05-01T10:00:00Z", 1);
        read.pageRead(true, null, "2024-05-01T10:00:00.000000Z", 2);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("did not advance");
    }

    @Test
    void pageLimitEndsIncomplete() {
        CollectionRead read = read(2);
        read.pageRead(true, "a", null, 1);
        read.pageRead(true, "b", null, 2);
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.incompleteReason()).contains("limit of 2 pages");
    }

    @Test
    void timeLimitEndsIncomplete() {
        CollectionRead read = read(100);
        read.pageRead(true, "a", null, 1);
        clock.advance(Duration.ofMinutes(11));
        read.pageRead(true, "b", null, 2);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("time limit of 600 s");
    }

    @Test
    void lastDateAddedKeepsNewestHeaderAsWritten() {
        CollectionRead read = new CollectionRead(new CollectionConfig("c1", 0, CollectionOverrides.NONE), 10,
                Duration.ofMinutes(10), clock, "2024-01-01T00:00:00.000Z");
        assertThat(read.lastDateAdded()).isEqualTo("2024-01-01T00:00:00.000Z");
        read.pageRead(true, "a", "2024-02-01T00:00:00.500Z", 1);
        read.pageRead(false, "b", null, 0);
        assertThat(read.lastDateAdded()).isEqualTo("2024-02-01T00:00:00.500Z");
        assertThat(read.isComplete()).isTrue();
    }

    @Test
    void firstReasonIsKept() {
        CollectionRead read = read(5);
        read.stopIncomplete("page 2 failed: HTTP 500");
        read.stopIncomplete("something else");
        assertThat(read.incompleteReason()).isEqualTo("page 2 failed: HTTP 500");
    }
}
