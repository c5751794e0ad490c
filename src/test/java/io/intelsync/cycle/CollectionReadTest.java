package io.intelsync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.CollectionOverrides;

class CollectionReadTest {

    private static CollectionRead read(int maxPages) {
        return new CollectionRead(new CollectionConfig("c1", 0, CollectionOverrides.NONE), maxPages);
    }

    @Test
    void followsMoreNotNext() {
        CollectionRead read = read(10);
        read.pageRead(true, "cursor-1", null);
        assertThat(read.hasMorePages()).isTrue();
        assertThat(read.next()).isEqualTo("cursor-1");
        read.pageRead(false, "cursor-2", null);
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.isComplete()).isTrue();
    }

    @Test
    void repeatedCursorEndsIncomplete() {
        CollectionRead read = read(10);
        read.pageRead(true, "same", null);
        read.pageRead(true, "same", null);
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("twice");
    }

    @Test
    void moreWithoutNextContinuesWithDateAddedLast() {
        CollectionRead read = read(10);
        Instant last = Instant.parse("2024-05-01T10:00:00.123Z");
        read.pageRead(true, null, last);
        assertThat(read.hasMorePages()).isTrue();
        assertThat(read.next()).isNull();
        assertThat(read.addedAfter()).isEqualTo(last);
    }

    @Test
    void moreWithoutNextOrHeaderEndsIncomplete() {
        CollectionRead read = read(10);
        read.pageRead(true, "", null);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("without next");
    }

    @Test
    void dateAddedLastThatDoesNotAdvanceEndsIncomplete() {
        CollectionRead read = read(10);
        Instant last = Instant.parse("2024-05-01T10:00:00Z");
        read.pageRead(true, null, last);
        read.pageRead(true, null, last);
        assertThat(read.isComplete()).isFalse();
        assertThat(read.incompleteReason()).contains("did not advance");
    }

    @Test
    void pageLimitEndsIncomplete() {
        CollectionRead read = read(2);
        read.pageRead(true, "a", null);
        read.pageRead(true, "b", null);
        assertThat(read.hasMorePages()).isFalse();
        assertThat(read.incompleteReason()).contains("limit of 2 pages");
    }

    @Test
    void firstReasonIsKept() {
        CollectionRead read = read(5);
        read.stopIncomplete("page 2 failed: HTTP 500");
        read.stopIncomplete("something else");
        assertThat(read.incompleteReason()).isEqualTo("page 2 failed: HTTP 500");
    }
}
