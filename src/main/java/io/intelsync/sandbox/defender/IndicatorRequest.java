package io.intelsync.sandbox.defender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.intelsync.defender.IndicatorType;
import io.intelsync.sandbox.http.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One indicator from a Submit or Import request body, checked for shape: required fields, types
 * and enum values. Body keys are case-sensitive, as the Defender API documents, so a key such as
 * {@code IndicatorValue} counts as missing.
 *
 * @param expirationTime truncated to whole seconds, the granularity Defender expires at
 * @param generateAlert null when the request leaves it out
 */
record IndicatorRequest(
        String indicatorValue,
        IndicatorType indicatorType,
        String action,
        String severity,
        String title,
        String description,
        String application,
        String externalId,
        Instant expirationTime,
        Boolean generateAlert,
        String recommendedActions,
        List<String> rbacGroupNames,
        ArrayNode rbacGroupIds,
        String educateUrl) {

    static final Set<String> ACTIONS = Set.of("Alert", "Warn", "Block", "Audit", "BlockAndRemediate", "AlertAndBlock", "Allowed");
    static final Set<String> SEVERITIES = Set.of("Informational", "Low", "Medium", "High");

    /**
     * Parses one indicator.
     *
     * @param fieldPrefix prefix for field names in error messages, such as {@code Indicators[3].}, or {@code ""}
     * @throws DefenderApiException 400 {@code MissingRequiredParameter}, {@code InvalidRequestBody}
     *     or {@code InvalidInput}, naming the field
     */
    static IndicatorRequest parse(JsonNode node, String fieldPrefix) throws DefenderApiException {
        if (node == null || !node.isObject()) {
            throw DefenderApiException.invalidRequestBody(
                    (fieldPrefix.isEmpty() ? "the body" : fieldPrefix.substring(0, fieldPrefix.length() - 1)) + " must be a JSON object");
        }
        Fields fields = new Fields(node, fieldPrefix);

        String value = fields.requiredString("indicatorValue");
        if (value.isBlank()) {
            // Defender's own message, spelling included.
            throw new DefenderApiException(400, "InvalidInput", "Recieved an empty indicator value.");
        }

        String typeName = fields.requiredString("indicatorType");
        IndicatorType type = Arrays.stream(IndicatorType.values())
                .filter(candidate -> candidate.name().equals(typeName))
                .findFirst()
                .orElseThrow(() -> fields.notInSet("indicatorType", typeName, Arrays.toString(IndicatorType.values())));
        String action = fields.requiredString("action");
        if (!ACTIONS.contains(action)) {
            throw fields.notInSet("action", action, ACTIONS.toString());
        }
        String severity = fields.optionalString("severity");
        if (severity != null && !SEVERITIES.contains(severity)) {
            throw fields.notInSet("severity", severity, SEVERITIES.toString());
        }

        String title = fields.requiredString("title");
        String description = fields.requiredString("description");
        if (title.isEmpty()) {
            throw DefenderApiException.missingParameter(fieldPrefix + "title");
        }
        if (description.isEmpty()) {
            throw DefenderApiException.missingParameter(fieldPrefix + "description");
        }

        String externalId = fields.optionalString("externalId");
        if (externalId == null) {
            externalId = fields.optionalString("externalID");
        }
        return new IndicatorRequest(
                value,
                type,
                action,
                severity,
                title,
                description,
                fields.optionalString("application"),
                externalId,
                fields.optionalTime("expirationTime"),
                fields.optionalBoolean("generateAlert"),
                fields.optionalString("recommendedActions"),
                fields.groupNames("rbacGroupNames"),
                fields.groupIds("rbacGroupIds"),
                fields.optionalString("educateUrl"));
    }

    /** Returns a copy with other RBAC group ids. */
    IndicatorRequest withRbacGroupIds(ArrayNode ids) {
        return new IndicatorRequest(indicatorValue, indicatorType, action, severity, title, description, application,
                externalId, expirationTime, generateAlert, recommendedActions, rbacGroupNames, ids, educateUrl);
    }

    /** Typed access to the members of one indicator object, with errors that name the field. */
    private record Fields(JsonNode node, String prefix) {

        String requiredString(String name) throws DefenderApiException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw DefenderApiException.missingParameter(prefix + name);
            }
            if (!value.isTextual()) {
                throw DefenderApiException.invalidRequestBody(prefix + name + " must be a string, got " + value);
            }
            return value.asText();
        }

        String optionalString(String name) throws DefenderApiException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw DefenderApiException.invalidRequestBody(prefix + name + " must be a string, got " + value);
            }
            return value.asText();
        }

        Boolean optionalBoolean(String name) throws DefenderApiException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                throw DefenderApiException.invalidRequestBody(prefix + name + " must be true or false, got " + value);
            }
            return value.asBoolean();
        }

        Instant optionalTime(String name) throws DefenderApiException {
            String text = optionalString(name);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                throw DefenderApiException.invalidRequestBody(prefix + name + " '" + text
                        + "' is not an ISO 8601 date-time such as 2030-12-12T00:00:00Z");
            }
        }

        /** Accepts a JSON array of strings or one comma-separated string, as the documentation shows both. */
        List<String> groupNames(String name) throws DefenderApiException {
            JsonNode value = node.get(name);
            List<String> names = new ArrayList<>();
            if (value == null || value.isNull()) {
                return names;
            }
            if (value.isTextual()) {
                Arrays.stream(value.asText().split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).forEach(names::add);
                return names;
            }
            if (!value.isArray()) {
                throw DefenderApiException.invalidRequestBody(prefix + name + " must be an array of strings, got " + value);
            }
            for (JsonNode entry : value) {
                if (!entry.isTextual()) {
                    throw DefenderApiException.invalidRequestBody(prefix + name + " must be an array of strings, got " + value);
                }
                names.add(entry.asText());
            }
            return names;
        }

        ArrayNode groupIds(String name) throws DefenderApiException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Json.array();
            }
            if (!value.isArray()) {
                throw DefenderApiException.invalidRequestBody(prefix + name + " must be an array, got " + value);
            }
            return ((ArrayNode) value).deepCopy();
        }

        DefenderApiException notInSet(String name, String value, String allowed) {
            return DefenderApiException.invalidRequestBody(prefix + name + " '" + value + "' is not one of " + allowed
                    + " (values are case-sensitive)");
        }
    }
}
