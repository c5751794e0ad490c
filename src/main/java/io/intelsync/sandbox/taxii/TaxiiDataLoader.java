package io.intelsync.sandbox.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads TAXII collections from JSON data files.
 *
 * <p>Accepted formats: a STIX bundle ({@code {"type":"bundle","objects":[...]}}), a JSON array of
 * STIX objects, a TAXII envelope ({@code {"objects":[...]}}) and medallion's memory backend data
 * (a {@code "/discovery"} member plus API roots whose collections hold {@code objects} and
 * {@code manifest}). A medallion file gives one collection per readable collection that contains
 * objects, with its own id, title and manifest {@code date_added} values. Any other file gives one
 * collection whose id is the name-based UUID of the file name, whose title and alias are the file
 * name without {@code .json}, and whose {@code date_added} values are the load time plus 1 ms per
 * object, counted across all files in load order. A file in no accepted format is skipped with a
 * warning.
 */
final class TaxiiDataLoader {

    /** Classpath folder of the built-in data. */
    static final String CLASSPATH_FOLDER = "sandbox/taxii/";

    /**
     * File in {@link #CLASSPATH_FOLDER} that lists the data files, one name a line, in collection
     * order. It exists because a classpath folder inside a jar cannot be listed.
     */
    static final String INDEX_FILE = "index.txt";

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiDataLoader.class);
    private static final String EXPECTED_FORMATS = "expected a STIX bundle {\"type\":\"bundle\",\"objects\":[...]}, "
            + "a JSON array of STIX objects, a TAXII envelope {\"objects\":[...]} "
            + "or medallion backend data with a \"/discovery\" member";

    private final Instant loadTime;
    private final LongSupplier sequences;
    private final List<TaxiiCollection> collections = new ArrayList<>();
    private final Set<String> collectionIds = new HashSet<>();
    private long synthesizedDates;

    /**
     * @param loadTime the base of synthesised {@code date_added} values
     * @param sequences supplies the insertion sequence numbers of loaded objects
     */
    TaxiiDataLoader(Instant loadTime, LongSupplier sequences) {
        this.loadTime = loadTime.truncatedTo(ChronoUnit.MILLIS);
        this.sequences = sequences;
    }

    /** Loads every file named in the classpath index, in index order. */
    List<TaxiiCollection> loadFromClasspath() {
        ClassLoader classLoader = TaxiiDataLoader.class.getClassLoader();
        for (String fileName : readIndex(classLoader)) {
            try (InputStream in = classLoader.getResourceAsStream(CLASSPATH_FOLDER + fileName)) {
                if (in == null) {
                    LOG.warn("Skipped TAXII data file {}: it is listed in {}{} but not on the classpath",
                            fileName, CLASSPATH_FOLDER, INDEX_FILE);
                    continue;
                }
                loadFile(fileName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read classpath resource " + CLASSPATH_FOLDER + fileName, e);
            }
        }
        return List.copyOf(collections);
    }

    /** Loads every {@code *.json} file of a directory, in alphabetical order of file name. */
    List<TaxiiCollection> loadFromDirectory(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries
                    .filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            loadFile(file.getFileName().toString(), Files.readAllBytes(file));
        }
        return List.copyOf(collections);
    }

    private static List<String> readIndex(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(CLASSPATH_FOLDER + INDEX_FILE)) {
            if (in == null) {
                throw new IllegalStateException("Classpath resource " + CLASSPATH_FOLDER + INDEX_FILE
                        + " is missing. It must list the TAXII data files, one name a line.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + CLASSPATH_FOLDER + INDEX_FILE, e);
        }
    }

    private void loadFile(String fileName, byte[] content) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            LOG.warn("Skipped TAXII data file {}: it is not valid JSON ({}); {}", fileName, e.getOriginalMessage(), EXPECTED_FORMATS);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to parse " + fileName, e);
        }

        if (root != null && root.isObject() && root.has("/discovery")) {
            loadMedallionData(fileName, root);
        } else if (root != null && root.isArray()) {
            loadObjectList(fileName, root);
        } else if (root != null && root.isObject() && root.path("objects").isArray()
                && (!root.has("type") || "bundle".equals(root.path("type").asText()))) {
            loadObjectList(fileName, root.get("objects"));
        } else {
            LOG.warn("Skipped TAXII data file {}: {}", fileName, EXPECTED_FORMATS);
        }
    }

    private void loadObjectList(String fileName, JsonNode objects) {
        String title = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
        String id = UUID.nameUUIDFromBytes(fileName.getBytes(StandardCharsets.UTF_8)).toString();
        TaxiiCollection collection = new TaxiiCollection(id, title, "Objects from the data file " + fileName, title);
        int skipped = 0;
        for (JsonNode node : objects) {
            if (!node.isObject()) {
                skipped++;
                continue;
            }
            Instant dateAdded = loadTime.plusMillis(synthesizedDates);
            try {
                collection.add(TaxiiObject.of(sequences.getAsLong(), (ObjectNode) node, dateAdded, null));
                synthesizedDates++;
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipped an object in TAXII data file {}: {}", fileName, e.getMessage());
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} entries of TAXII data file {} that are not STIX objects with an 'id'", skipped, fileName);
        }
        register(fileName, collection);
    }

    private void loadMedallionData(String fileName, JsonNode root) {
        for (Map.Entry<String, JsonNode> apiRoot : root.properties()) {
            if (apiRoot.getKey().equals("/discovery")) {
                continue;
            }
            for (JsonNode collectionNode : apiRoot.getValue().path("collections")) {
                boolean readable = collectionNode.path("can_read").asBoolean(false);
                JsonNode objects = collectionNode.path("objects");
                if (readable && objects.isArray() && !objects.isEmpty()) {
                    loadMedallionCollection(fileName, collectionNode);
                }
            }
        }
    }

    private void loadMedallionCollection(String fileName, JsonNode collectionNode) {
        String id = collectionNode.path("id").asText();
        TaxiiCollection collection = new TaxiiCollection(
                id,
                collectionNode.path("title").asText(id),
                collectionNode.hasNonNull("description") ? collectionNode.get("description").asText() : null,
                collectionNode.hasNonNull("alias") ? collectionNode.get("alias").asText() : null);
        for (JsonNode node : collectionNode.path("objects")) {
            if (!node.isObject()) {
                continue;
            }
            try {
                collection.add(medallionObject(fileName, (ObjectNode) node, collectionNode.path("manifest")));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipped an object of collection {} in TAXII data file {}: {}", id, fileName, e.getMessage());
            }
        }
        register(fileName, collection);
    }

    /** Pairs an object with its manifest entry (same id and version) for {@code date_added} and media type. */
    private TaxiiObject medallionObject(String fileName, ObjectNode object, JsonNode manifest) {
        String id = object.path("id").asText();
        Instant version = TaxiiObject.versionOf(object, null);
        for (JsonNode entry : manifest) {
            if (!id.equals(entry.path("id").asText()) || !hasVersion(entry, version)) {
                continue;
            }
            try {
                Instant dateAdded = TaxiiTimestamps.parse(entry.path("date_added").asText());
                return TaxiiObject.of(sequences.getAsLong(), object, dateAdded, specVersionOf(entry));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("manifest entry of " + id + " has an invalid date_added", e);
            }
        }
        LOG.warn("TAXII data file {}: object {} version {} has no manifest entry, so its date_added is synthesised",
                fileName, id, version);
        Instant dateAdded = loadTime.plusMillis(synthesizedDates++);
        return TaxiiObject.of(sequences.getAsLong(), object, dateAdded, null);
    }

    /** Matches the single {@code version} of the 2.1 format and the {@code versions} list of older data. */
    private static boolean hasVersion(JsonNode entry, Instant version) {
        List<JsonNode> versions = new ArrayList<>();
        if (entry.has("version")) {
            versions.add(entry.get("version"));
        }
        entry.path("versions").forEach(versions::add);
        for (JsonNode candidate : versions) {
            try {
                if (version == null || TaxiiTimestamps.parse(candidate.asText()).equals(version)) {
                    return true;
                }
            } catch (DateTimeParseException ignored) {
                // An unparsable version matches nothing.
            }
        }
        return false;
    }

    private static String specVersionOf(JsonNode manifestEntry) {
        String mediaType = manifestEntry.path("media_type").asText("");
        int index = mediaType.indexOf("version=");
        return index < 0 ? null : mediaType.substring(index + "version=".length()).strip();
    }

    private void register(String fileName, TaxiiCollection collection) {
        if (!collectionIds.add(collection.id())) {
            LOG.warn("Skipped collection {} from TAXII data file {}: an earlier file already has a collection with that id",
                    collection.id(), fileName);
            return;
        }
        collections.add(collection);
    }
}
