package io.intelsync.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.defender.IndicatorAction;

/**
 * Parses the {@code taxii.collections} setting. Three forms are accepted, and their order is the priority
 * order: comma-separated ids ({@code a,b,c}), a JSON list of ids, or a JSON object from collection id to
 * its overrides, for example {@code {"id1": {"action": "Block", "expire_time": 7}, "id2": null}}.
 *
 * <p>Ids are trimmed and blank ids dropped. A repeated id keeps its first position and overrides, with a
 * warning. An override value of {@code null}, {@code ""}, {@code true} or {@code false} means no
 * overrides. Unlike the OpenCTI connector, which drops invalid override values with a warning, this parser
 * reports them as errors, so that a typo never silently changes what Defender blocks.
 */
public final class CollectionListParser {

    /** Override keys of the JSON object form. */
    public static final Set<String> OVERRIDE_KEYS = Set.of("action", "expire_time", "max_indicators",
            "rbac_group_names", "recommended_actions", "educate_url");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The parsed collections, the warnings to log and the errors that must stop startup. */
    public record Result(List<CollectionConfig> collections, List<String> warnings, List<String> errors) {
    }

    private final String settingName;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private CollectionListParser(String settingName) {
        this.settingName = settingName;
    }

    /**
     * Parses the text of the setting.
     *
     * @param text the setting's value
     * @param settingName the name used in messages, such as the environment variable
     */
    public static Result parse(String text, String settingName) {
        CollectionListParser parser = new CollectionListParser(settingName);
        Map<String, CollectionOverrides> byId = parser.parseIds(text == null ? "" : text.trim());
        List<CollectionConfig> collections = new ArrayList<>();
        for (Map.Entry<String, CollectionOverrides> entry : byId.entrySet()) {
            collections.add(new CollectionConfig(entry.getKey(), collections.size(), entry.getValue()));
        }
        return new Result(List.copyOf(collections), List.copyOf(parser.warnings), List.copyOf(parser.errors));
    }

    private Map<String, CollectionOverrides> parseIds(String text) {
        Map<String, CollectionOverrides> byId = new LinkedHashMap<>();
        if (text.startsWith("{")) {
            parseObject(text, byId);
        } else if (text.startsWith("[")) {
            parseList(text, byId);
        } else {
            for (String part : text.split(",")) {
                addId(byId, part, CollectionOverrides.NONE);
            }
        }
        return byId;
    }

    private void parseList(String text, Map<String, CollectionOverrides> byId) {
        JsonNode list;
        try (JsonParser parser = MAPPER.createParser(text)) {
            list = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                errors.add(settingName + " has text after the end of its JSON list; write one list such as "
                        + "[\"id1\",\"id2\"]");
                return;
            }
        } catch (IOException ex) {
            String reason = ex instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : ex.getMessage();
            errors.add(settingName + " starts with '[' but is not valid JSON (" + reason
                    + "); write a JSON list such as [\"id1\",\"id2\"] or comma-separated ids");
            return;
        }
        for (JsonNode item : list) {
            if (item.isNull()) {
                continue;
            }
            if (!item.isValueNode()) {
                errors.add(settingName + " list entries must be collection ids, found " + item);
                continue;
            }
            addId(byId, item.asText(), CollectionOverrides.NONE);
        }
    }

    // Reads the object with the streaming parser because a tree would silently keep the last of two equal keys.
    private void parseObject(String text, Map<String, CollectionOverrides> byId) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String id = parser.currentName();
                parser.nextToken();
                JsonNode value = MAPPER.readTree(parser);
                addId(byId, id, overridesOf(id.trim(), value));
            }
            if (parser.nextToken() != null) {
                errors.add(settingName + " has text after the end of its JSON object");
            }
        } catch (IOException ex) {
            String reason = ex instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : ex.getMessage();
            errors.add(settingName + " starts with '{' but is not a valid JSON object (" + reason
                    + "); write {\"<collection id>\": {\"action\": \"Block\"}} or comma-separated ids");
        }
    }

    private void addId(Map<String, CollectionOverrides> byId, String rawId, CollectionOverrides overrides) {
        String id = rawId.trim();
        if (id.isEmpty()) {
            return;
        }
        if (!id.matches("[^\\s\"'\\[\\]{},]+")) {
            errors.add(settingName + ": '" + id + "' is not a collection id or alias (it contains spaces, quotes, "
                    + "brackets or commas); check the list's syntax");
            return;
        }
        if (byId.containsKey(id)) {
            warnings.add("Duplicate taxii_collections key '" + id + "' in " + settingName
                    + ": keeping its first position and overrides");
            return;
        }
        byId.put(id, overrides);
    }

    private CollectionOverrides overridesOf(String id, JsonNode value) {
        if (value == null || value.isNull() || value.isBoolean() || (value.isTextual() && value.asText().isBlank())) {
            return CollectionOverrides.NONE;
        }
        if (!value.isObject()) {
            errors.add(settingName + ": the overrides of collection '" + id + "' must be a JSON object, found " + value);
            return CollectionOverrides.NONE;
        }
        Set<String> unknown = new LinkedHashSet<>();
        value.fieldNames().forEachRemaining(name -> {
            if (!OVERRIDE_KEYS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            errors.add(settingName + ": collection '" + id + "' has unknown override keys " + unknown
                    + "; the known keys are " + new java.util.TreeSet<>(OVERRIDE_KEYS));
        }
        return new CollectionOverrides(action(id, value.get("action")),
                positiveInt(id, "expire_time", value.get("expire_time"), 1, 36500),
                positiveInt(id, "max_indicators", value.get("max_indicators"), 1, 15000),
                groupNames(id, value.get("rbac_group_names")),
                text(value.get("recommended_actions")),
                educateUrl(id, value.get("educate_url")));
    }

    private Optional<IndicatorAction> action(String id, JsonNode node) {
        Optional<String> text = text(node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<IndicatorAction> action = IndicatorAction.parse(text.get());
        if (action.isEmpty()) {
            errors.add(settingName + ": collection '" + id + "' has action '" + text.get()
                    + "', which Defender does not accept; use one of " + List.of(IndicatorAction.values()));
        }
        return action;
    }

    private OptionalInt positiveInt(String id, String key, JsonNode node, int min, int max) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return OptionalInt.empty();
        }
        String text = node.asText().trim();
        try {
            int value = node.isIntegralNumber() ? node.intValue() : Integer.parseInt(text);
            if (value < min || value > max) {
                errors.add(settingName + ": collection '" + id + "' has " + key + " " + value + "; use a whole number from "
                        + min + " to " + max);
                return OptionalInt.empty();
            }
            return OptionalInt.of(value);
        } catch (NumberFormatException ex) {
            errors.add(settingName + ": collection '" + id + "' has " + key + " '" + text + "'; use a whole number from "
                    + min + " to " + max);
            return OptionalInt.empty();
        }
    }

    private List<String> groupNames(String id, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isNull()) {
                    names.add(item.asText().trim());
                }
            }
        } else if (node.isValueNode()) {
            names.add(node.asText().trim());
        } else {
            errors.add(settingName + ": collection '" + id + "' has rbac_group_names " + node
                    + "; use a JSON list of device group names");
        }
        names.remove("");
        return List.copyOf(names);
    }

    private Optional<String> educateUrl(String id, JsonNode node) {
        Optional<String> text = text(node);
        if (text.isPresent()) {
            try {
                String scheme = new URI(text.get()).getScheme();
                if (scheme == null || !Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))) {
                    throw new URISyntaxException(text.get(), "not an http or https URL");
                }
            } catch (URISyntaxException ex) {
                errors.add(settingName + ": collection '" + id + "' has educate_url '" + text.get()
                        + "'; use an absolute http or https URL");
            }
        }
        return text;
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = node.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
