package io.intelsync.deadletter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The dead-letter files that a replay works on: every {@code *.jsonl} file in the folder of a {@code file:}
 * dead-letter endpoint.
 *
 * <p>A replay first renames each file to {@code <name>.replaying}, so that the lines written while it runs
 * (items refused again, for example) go to a new file, then writes the lines that stay back to the original
 * name and deletes the renamed file. Files left renamed by a replay that was stopped are taken up by the next
 * one, so no line is lost.
 */
final class DeadLetterFiles {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeadLetterFiles.class);

    static final String SET_ASIDE_SUFFIX = ".replaying";
    private static final String SUFFIX = ".jsonl";

    /**
     * One line of a dead-letter file.
     *
     * @param file the renamed file that contains it
     * @param text the line, without its line break
     */
    record Line(Path file, String text) {
    }

    private final Path directory;

    DeadLetterFiles(Path directory) {
        this.directory = directory;
    }

    /**
     * Returns the folder of a {@code file:} endpoint URI, such as
     * {@code file:data?fileName=dead-letter-${date:now:yyyy-MM-dd}.jsonl}, or empty for any other component.
     */
    static Optional<Path> folderOf(String endpointUri) {
        if (endpointUri == null || !endpointUri.startsWith("file:")) {
            return Optional.empty();
        }
        String path = endpointUri.substring("file:".length());
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    Path directory() {
        return directory;
    }

    /**
     * Renames every dead-letter file for the replay and returns the lines of all renamed files, in file order.
     * A file that is not UTF-8 text is left as it is, with a warning, because the service did not write it.
     */
    List<Line> setAside() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try {
            for (Path aside : list(SUFFIX + SET_ASIDE_SUFFIX)) {
                if (!isUtf8(aside)) {
                    // Left by an earlier replay: give it back its name, so that it is skipped like the others.
                    appendOnNewLine(original(aside), Files.readAllBytes(aside));
                    Files.delete(aside);
                }
            }
            for (Path file : list(SUFFIX)) {
                if (!isUtf8(file)) {
                    LOG.warn("Dead-letter file {} is not UTF-8 text, so the replay leaves it as it is", file);
                    continue;
                }
                Path aside = file.resolveSibling(file.getFileName() + SET_ASIDE_SUFFIX);
                if (Files.exists(aside)) {
                    // Left by a replay that was stopped: keep both sets of lines in the renamed file.
                    appendOnNewLine(aside, Files.readAllBytes(file));
                    Files.delete(file);
                } else {
                    Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            List<Line> lines = new ArrayList<>();
            for (Path aside : list(SUFFIX + SET_ASIDE_SUFFIX)) {
                for (String text : Files.readAllLines(aside, StandardCharsets.UTF_8)) {
                    if (!text.isBlank()) {
                        lines.add(new Line(aside, text));
                    }
                }
            }
            return lines;
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to set aside the dead-letter files in " + directory.toAbsolutePath()
                    + " for the replay: " + ex.getMessage() + "; check that the service can write there", ex);
        }
    }

    /**
     * Appends the lines that stay to the files they came from, under their original names, and deletes the
     * renamed files. Lines written meanwhile to the same name stay before them.
     */
    void restore(List<Line> staying) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Map<Path, List<String>> byFile = new LinkedHashMap<>();
        try {
            for (Path aside : list(SUFFIX + SET_ASIDE_SUFFIX)) {
                byFile.put(aside, new ArrayList<>());
            }
            for (Line line : staying) {
                byFile.computeIfAbsent(line.file(), file -> new ArrayList<>()).add(line.text());
            }
            for (Map.Entry<Path, List<String>> entry : byFile.entrySet()) {
                Path aside = entry.getKey();
                if (!entry.getValue().isEmpty()) {
                    String text = String.join("\n", entry.getValue()) + "\n";
                    appendOnNewLine(original(aside), text.getBytes(StandardCharsets.UTF_8));
                }
                Files.deleteIfExists(aside);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to write the remaining dead-letter lines back in "
                    + directory.toAbsolutePath() + ": " + ex.getMessage() + "; the files named *" + SUFFIX
                    + SET_ASIDE_SUFFIX + " there still hold every line, and the next replay takes them up", ex);
        }
    }

    private static Path original(Path aside) {
        String name = aside.getFileName().toString();
        return aside.resolveSibling(name.substring(0, name.length() - SET_ASIDE_SUFFIX.length()));
    }

    // Appends the bytes, first ending the file's last line if it has no line break, so that no two records merge.
    private static void appendOnNewLine(Path file, byte[] bytes) throws IOException {
        boolean needsBreak = false;
        if (Files.exists(file) && Files.size(file) > 0) {
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                channel.position(channel.size() - 1).read(last);
                needsBreak = last.get(0) != '\n';
            }
        }
        try (java.io.OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (needsBreak) {
                out.write('\n');
            }
            out.write(bytes);
        }
    }

    private static boolean isUtf8(Path file) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (java.nio.charset.CharacterCodingException ex) {
            return false;
        }
    }

    private List<Path> list(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix) && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }
}
