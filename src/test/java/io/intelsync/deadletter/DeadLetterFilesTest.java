package io.intelsync.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFilesTest {

    @TempDir
    Path directory;

    @Test
    void folderOfFileEndpoint() {
        assertThat(DeadLetterFiles.folderOf("file:data?fileName=dead-letter-${date:now:yyyy-MM-dd}.jsonl&fileExist=Append"))
                .contains(Path.of("data"));
        assertThat(DeadLetterFiles.folderOf("file:///var/lib/sync/dead")).contains(Path.of("/var/lib/sync/dead"));
        assertThat(DeadLetterFiles.folderOf("file:/srv/dl")).contains(Path.of("/srv/dl"));
    }

    @Test
    void folderOfOtherComponentIsEmpty() {
        assertThat(DeadLetterFiles.folderOf("kafka:dead-letters")).isEmpty();
        assertThat(DeadLetterFiles.folderOf("file:?fileName=x.jsonl")).isEmpty();
        assertThat(DeadLetterFiles.folderOf(null)).isEmpty();
    }

    @Test
    void restoreKeepsStayingLines() throws Exception {
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl"), "{\"a\":1}\n{\"a\":2}\n");
        Files.writeString(directory.resolve("dry-run-plan.json"), "{}");
        DeadLetterFiles files = new DeadLetterFiles(directory);

        List<DeadLetterFiles.Line> lines = files.setAside();

        assertThat(lines).extracting(DeadLetterFiles.Line::text).containsExactly("{\"a\":1}", "{\"a\":2}");
        assertThat(directory.resolve("dead-letter-2026-12-01.jsonl")).doesNotExist();
        assertThat(directory.resolve("dead-letter-2026-12-01.jsonl.replaying")).exists();
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl"), "{\"new\":true}\n");

        files.restore(List.of(lines.get(1)));

        assertThat(Files.readAllLines(directory.resolve("dead-letter-2026-12-01.jsonl")))
                .containsExactly("{\"new\":true}", "{\"a\":2}");
        assertThat(directory.resolve("dead-letter-2026-12-01.jsonl.replaying")).doesNotExist();
        assertThat(directory.resolve("dry-run-plan.json")).exists();
    }

    @Test
    void stoppedReplayLinesAreReread() throws Exception {
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl.replaying"), "{\"old\":1}\n");
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl"), "{\"later\":2}\n");
        DeadLetterFiles files = new DeadLetterFiles(directory);

        List<DeadLetterFiles.Line> lines = files.setAside();

        assertThat(lines).extracting(DeadLetterFiles.Line::text).containsExactly("{\"old\":1}", "{\"later\":2}");
        files.restore(lines);
        assertThat(Files.readAllLines(directory.resolve("dead-letter-2026-12-01.jsonl")))
                .containsExactly("{\"old\":1}", "{\"later\":2}");
    }

    @Test
    void nonUtf8FileIsLeftAlone() throws Exception {
        Path binary = directory.resolve("binary.jsonl");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28});
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl"), "{\"a\":1}\n");
        DeadLetterFiles files = new DeadLetterFiles(directory);

        List<DeadLetterFiles.Line> lines = files.setAside();

        assertThat(lines).extracting(DeadLetterFiles.Line::text).containsExactly("{\"a\":1}");
        assertThat(binary).exists();
        files.restore(lines);
        assertThat(Files.readAllBytes(binary)).hasSize(5);
        assertThat(Files.readAllLines(directory.resolve("dead-letter-2026-12-01.jsonl"))).containsExactly("{\"a\":1}");
    }

    @Test
    void missingFolderHasNoLines() {
        DeadLetterFiles files = new DeadLetterFiles(directory.resolve("absent"));

        assertThat(files.setAside()).isEmpty();
        files.restore(List.of());
        assertThat(directory.resolve("absent")).doesNotExist();
    }

    @Test
    void missingLineBreakDoesNotMerge() throws Exception {
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl.replaying"), "{\"old\":1}");
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl"), "{\"later\":2}\n");
        DeadLetterFiles files = new DeadLetterFiles(directory);

        List<DeadLetterFiles.Line> lines = files.setAside();

        assertThat(lines).extracting(DeadLetterFiles.Line::text).containsExactly("{\"old\":1}", "{\"later\":2}");
        Files.writeString(directory.resolve("dead-letter-2026-12-01.jsonl"), "{\"new\":3}");
        files.restore(lines);
        assertThat(Files.readAllLines(directory.resolve("dead-letter-2026-12-01.jsonl")))
                .containsExactly("{\"new\":3}", "{\"old\":1}", "{\"later\":2}");
    }
}
