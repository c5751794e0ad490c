package io.intelsync.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the STIX indicator patterns from the sandbox TAXII data files. A file is a STIX bundle with an
 * {@code objects} array, a plain JSON array of objects, or the medallion backend format, where each
 * API root contains {@code collections[].objects}.
 */
final class SandboxPatterns {

    static final Path DIRECTORY = Path.of("src/main/resources/sandbox/taxii");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxPatterns() {
    }

    /** Returns the names of the JSON data files, sorted. */
    static List<String> fileNames() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the pattern of every indicator with pattern_type stix (any case) in the file, in file order. */
    static List<String> stixPatterns(String fileName) {
        List<String> patterns = new ArrayList<>();
        for (JsonNode object : objects(read(fileName))) {
            boolean indicator = "indicator".equals(object.path("type").asText());
            boolean stix = "stix".equals(object.path("pattern_type").asText().toLowerCase(Locale.ROOT));
            if (indicator && stix) {
                patterns.add(object.path("pattern").asText());
            }
        }
        return patterns;
    }

    /** Returns every stix indicator pattern of every data file. */
    static List<String> allStixPatterns() {
        return fileNames().stream().flatMap(name -> stixPatterns(name).stream()).toList();
    }

    private static JsonNode read(String fileName) {
        try {
            return JSON.readTree(DIRECTORY.resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> objects(JsonNode root) {
        List<JsonNode> objects = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(objects::add);
        } else if (root.has("objects")) {
            root.get("objects").forEach(objects::add);
        } else {
            root.forEach(apiRoot -> apiRoot.path("collections")
                    .forEach(collection -> collection.path("objects").forEach(objects::add)));
        }
        return objects;
    }
}
