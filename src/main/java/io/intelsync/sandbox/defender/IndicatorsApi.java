package io.intelsync.sandbox.defender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.http.EmulatorResponse;
import io.intelsync.sandbox.http.Json;
import io.intelsync.sandbox.http.QueryStrings;
import io.intelsync.sandbox.http.RecordedRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Defender for Endpoint indicator and machine group operations, on an {@link IndicatorStore}.
 * The caller has already authenticated the request and applied faults and rate limits. Not
 * thread-safe.
 */
final class IndicatorsApi {

    /** The documented batch size limit of Import and BatchDelete. */
    static final int MAX_BATCH_SIZE = 500;

    /** The documented maximum of {@code $top} on List Indicators. */
    static final int MAX_TOP = 10_000;

    private static final String ODATA_JSON = "application/json; odata.metadata=minimal; charset=utf-8";
    private static final Set<String> FILTERABLE_FIELDS = Set.of("application", "createdByDisplayName", "expirationTime",
            "generateAlert", "title", "rbacGroupNames", "rbacGroupIds", "indicatorValue", "indicatorType",
            "creationTimeDateTimeUtc", "createdBy", "action", "severity");
    private static final Pattern FILTER_CLAUSE =
            Pattern.compile("\\s*(\\w+)\\s+eq\\s+(?:'((?:[^']|'')*)'|(true|false|-?\\d+))\\s*");

    /**
     * Everything about one call that the operations need.
     *
     * @param baseUrl the emulator's base URL, for {@code @odata.context} and {@code @odata.nextLink}
     * @param callerId the calling application's client id
     */
    record Call(RecordedRequest request, String baseUrl, String callerId, Instant now) {
    }

    private final IndicatorStore store;

    // Values that make Defender refuse a whole import request, as a test knob.
    private final java.util.Set<String> batchRejectedValues = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Makes every import request that contains the value fail whole with 400, as a body Defender rejects does. */
    void rejectBatchesContaining(String value) {
        batchRejectedValues.add(value.toLowerCase(java.util.Locale.ROOT));
    }

    /** Accepts again the import requests that {@link #rejectBatchesContaining} made fail. */
    void clearBatchRejections() {
        batchRejectedValues.clear();
    }

    IndicatorsApi(IndicatorStore store) {
        this.store = store;
    }

    /** Lists indicators with {@code $top}, {@code $skip} and a simple {@code $filter} of {@code eq} clauses joined by {@code and}. */
    EmulatorResponse list(Call call, int pageSize) throws DefenderApiException {
        Integer top = integerOption(call.request(), "$top", MAX_TOP);
        Integer skip = integerOption(call.request(), "$skip", Integer.MAX_VALUE);
        int start = skip == null ? 0 : skip;
        String filter = call.request().queryParameter("$filter").orElse(null);
        Predicate<ObjectNode> matches = filter == null ? indicator -> true : parseFilter(filter);

        List<ObjectNode> selected = store.all().stream().map(StoredIndicator::toJson).filter(matches).toList();
        int count = top != null ? top : pageSize;
        int end = (int) Math.min((long) start + count, selected.size());
        ObjectNode body = Json.object();
        body.put("@odata.context", call.baseUrl() + "/api/$metadata#Indicators");
        ArrayNode value = body.putArray("value");
        if (start < end) {
            selected.subList(start, end).forEach(value::add);
        }
        // Defender list APIs have been reported to send no nextLink with $top, so clients must page with $skip.
        if (top == null && end < selected.size()) {
            String nextLink = call.baseUrl() + call.request().path() + "?$skip=" + end
                    + (filter == null ? "" : "&$filter=" + QueryStrings.encode(filter));
            body.put("@odata.nextLink", nextLink);
        }
        return EmulatorResponse.json(200, ODATA_JSON, body);
    }

    /**
     * Submits or updates one indicator.
     *
     * @throws DefenderApiException 400 for a body of the wrong shape, a value Defender rejects, or a
     *     new indicator beyond the tenant cap
     */
    EmulatorResponse submit(Call call, int tenantCap, List<MachineGroup> groups) throws DefenderApiException {
        IndicatorRequest indicator = IndicatorRequest.parse(readBody(call.request()), "");
        Optional<IndicatorValueRules.Violation> violation = IndicatorValueRules.check(indicator, call.now());
        if (violation.isPresent()) {
            throw new DefenderApiException(400, violation.get().code(), violation.get().message());
        }
        UpsertResult result = upsert(withGroupIds(indicator, groups), call, tenantCap);
        if (result.failureReason() != null) {
            throw new DefenderApiException(400, "BadRequest", result.failureReason());
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", call.baseUrl() + "/api/$metadata#Indicators/$entity");
        body.setAll(result.indicator().toJson());
        return EmulatorResponse.json(200, ODATA_JSON, body);
    }

    /**
     * Imports up to 500 indicators. A body of the wrong shape rejects the whole request with 400.
     * A value Defender rejects, or a new indicator beyond the tenant cap, fails only its item.
     */
    EmulatorResponse importIndicators(Call call, int tenantCap, List<MachineGroup> groups) throws DefenderApiException {
        JsonNode body = readBody(call.request());
        JsonNode items = body.get("Indicators");
        if (items == null || items.isNull()) {
            throw DefenderApiException.missingParameter("Indicators");
        }
        if (!items.isArray()) {
            throw DefenderApiException.invalidRequestBody("Indicators must be an array, got " + abbreviate(items));
        }
        // NOTE: what Defender returns for an empty Indicators list is not documented. A 400 is assumed,
        // because OpenCTI's connector sends one as a write-permission check that expects an error.
        if (items.isEmpty()) {
            throw DefenderApiException.invalidRequestBody("Indicators must contain at least one indicator");
        }
        if (items.size() > MAX_BATCH_SIZE) {
            throw new DefenderApiException(400, "MaximumBatchSizeExceeded",
                    "Maximum batch size exceeded. Received: " + items.size() + ", allowed: " + MAX_BATCH_SIZE);
        }
        List<IndicatorRequest> indicators = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            indicators.add(IndicatorRequest.parse(items.get(i), "Indicators[" + i + "]."));
            String value = indicators.get(i).indicatorValue().toLowerCase(java.util.Locale.ROOT);
            if (batchRejectedValues.contains(value)) {
                throw DefenderApiException.invalidRequestBody("Indicators[" + i + "].indicatorValue '"
                        + indicators.get(i).indicatorValue() + "' is invalid");
            }
        }

        ArrayNode results = Json.array();
        for (IndicatorRequest indicator : indicators) {
            Optional<IndicatorValueRules.Violation> violation = IndicatorValueRules.check(indicator, call.now());
            UpsertResult result = violation.isPresent()
                    ? new UpsertResult(store.find(indicator.indicatorType(), indicator.indicatorValue(), indicator.rbacGroupNames()).orElse(null),
                            violation.get().message())
                    : upsert(withGroupIds(indicator, groups), call, tenantCap);
            ObjectNode item = results.addObject();
            if (result.indicator() == null) {
                item.putNull("id");
            } else {
                item.put("id", Long.toString(result.indicator().id));
            }
            item.put("indicator", indicator.indicatorValue());
            item.put("isFailed", result.failureReason() != null);
            item.put("failureReason", result.failureReason());
        }
        ObjectNode response = Json.object();
        response.put("@odata.context",
                call.baseUrl() + "/api/$metadata#Collection(microsoft.windowsDefenderATP.api.ImportIndicatorResult)");
        response.set("value", results);
        return EmulatorResponse.json(200, ODATA_JSON, response);
    }

    /** Deletes up to 500 indicators by id. If any id is unknown, it returns 404 and deletes nothing. */
    EmulatorResponse batchDelete(Call call) throws DefenderApiException {
        JsonNode ids = readBody(call.request()).get("IndicatorIds");
        if (ids == null || ids.isNull()) {
            throw DefenderApiException.missingParameter("IndicatorIds");
        }
        if (!ids.isArray() || ids.isEmpty()) {
            throw DefenderApiException.invalidRequestBody("IndicatorIds must be a non-empty array of indicator ids");
        }
        if (ids.size() > MAX_BATCH_SIZE) {
            throw new DefenderApiException(400, "MaximumBatchSizeExceeded",
                    "Maximum batch size exceeded. Received: " + ids.size() + ", allowed: " + MAX_BATCH_SIZE);
        }
        Set<Long> parsed = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            parsed.add(parseId(id.isNumber() || id.isTextual() ? id.asText() : id.toString()));
        }
        List<String> unknown = parsed.stream().filter(id -> store.get(id).isEmpty()).map(String::valueOf).toList();
        if (!unknown.isEmpty()) {
            throw new DefenderApiException(404, "NotFound", "Indicators not found: " + String.join(", ", unknown));
        }
        parsed.forEach(id -> store.remove(store.get(id).orElseThrow()));
        return EmulatorResponse.empty(204);
    }

    /** Deletes one indicator by id. */
    EmulatorResponse delete(String idText) throws DefenderApiException {
        long id = parseId(idText);
        StoredIndicator indicator = store.get(id)
                .orElseThrow(() -> new DefenderApiException(404, "NotFound", "Indicator " + idText + " was not found"));
        store.remove(indicator);
        return EmulatorResponse.empty(204);
    }

    /** Lists the device groups as exposure scores, with {@code $top} and {@code $skip}. */
    EmulatorResponse machineGroups(Call call, List<MachineGroup> groups, String scoreTime) throws DefenderApiException {
        Integer top = integerOption(call.request(), "$top", MAX_TOP);
        Integer skip = integerOption(call.request(), "$skip", Integer.MAX_VALUE);
        int start = Math.min(skip == null ? 0 : skip, groups.size());
        int end = top == null ? groups.size() : (int) Math.min((long) start + top, groups.size());
        ObjectNode body = Json.object();
        body.put("@odata.context", call.baseUrl() + "/api/$metadata#ExposureScore");
        ArrayNode value = body.putArray("value");
        for (MachineGroup group : groups.subList(start, end)) {
            value.addObject()
                    .put("time", scoreTime)
                    .put("score", 0.0)
                    .put("rbacGroupName", group.rbacGroupName())
                    .put("rbacGroupId", group.rbacGroupId());
        }
        return EmulatorResponse.json(200, ODATA_JSON, body);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The outcome of one upsert.
     *
     * @param indicator the stored indicator, or null when a new one was not created
     * @param failureReason why the item failed, or null on success
     */
    private record UpsertResult(StoredIndicator indicator, String failureReason) {
    }

    /**
     * Updates the indicator with the same (type, value, device groups), or creates one unless the tenant already
     * has {@code tenantCap} active indicators.
     */
    // NOTE: Defender does not document what happens at the tenant cap. A failed item (Import) or
    // a 400 (Submit) is an assumption.
    private UpsertResult upsert(IndicatorRequest indicator, Call call, int tenantCap) {
        Optional<StoredIndicator> existing = store.find(indicator.indicatorType(), indicator.indicatorValue(), indicator.rbacGroupNames());
        if (existing.isPresent()) {
            existing.get().update(indicator, call.callerId(), call.now());
            return new UpsertResult(existing.get(), null);
        }
        if (store.size() >= tenantCap) {
            return new UpsertResult(null, "The tenant has reached its limit of " + tenantCap + " active indicators.");
        }
        return new UpsertResult(store.create(indicator, call.callerId(), "AadApp", call.now()), null);
    }

    /** Fills {@code rbacGroupIds} from the group names when the request gives names but no ids. */
    static IndicatorRequest withGroupIds(IndicatorRequest indicator, List<MachineGroup> groups) {
        if (!indicator.rbacGroupIds().isEmpty() || indicator.rbacGroupNames().isEmpty()) {
            return indicator;
        }
        ArrayNode ids = Json.array();
        for (String name : indicator.rbacGroupNames()) {
            groups.stream().filter(group -> group.rbacGroupName().equals(name)).findFirst()
                    .ifPresent(group -> ids.add(group.rbacGroupId()));
        }
        return indicator.withRbacGroupIds(ids);
    }

    private static JsonNode readBody(RecordedRequest request) throws DefenderApiException {
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw DefenderApiException.invalidRequestBody("the body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw DefenderApiException.invalidRequestBody("the body is not valid JSON");
        }
    }

    private static long parseId(String text) throws DefenderApiException {
        if (!text.matches("\\d{1,18}")) {
            throw new DefenderApiException(400, "InvalidInput", "Invalid input " + text + ": indicator ids are numeric strings");
        }
        return Long.parseLong(text);
    }

    private static Integer integerOption(RecordedRequest request, String name, int max) throws DefenderApiException {
        Optional<String> text = request.queryParameter(name);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.get().matches("\\d{1,9}")) {
            throw new DefenderApiException(400, "ODataError",
                    "The query specified in the URI is not valid. Invalid value '" + text.get() + "' for " + name + ".");
        }
        int value = Integer.parseInt(text.get());
        if (value > max) {
            throw new DefenderApiException(400, "ODataError", "The query specified in the URI is not valid. The limit of '"
                    + max + "' for Top query has been exceeded. The value from the incoming request is '" + value + "'.");
        }
        return value;
    }

    /** Parses {@code field eq 'text'}, {@code field eq true} and {@code field eq 12} clauses joined by {@code and}. */
    private static Predicate<ObjectNode> parseFilter(String filter) throws DefenderApiException {
        Predicate<ObjectNode> all = indicator -> true;
        for (String clause : filter.split("(?i)\\s+and\\s+")) {
            Matcher matcher = FILTER_CLAUSE.matcher(clause);
            if (!matcher.matches() || !FILTERABLE_FIELDS.contains(matcher.group(1))) {
                throw new DefenderApiException(400, "ODataError", "The query specified in the URI is not valid. "
                        + "The emulator supports only <field> eq <value> clauses joined by 'and', on the fields "
                        + FILTERABLE_FIELDS + ". Got: " + clause);
            }
            String field = matcher.group(1);
            String expected = matcher.group(2) != null ? matcher.group(2).replace("''", "'") : matcher.group(3);
            all = all.and(indicator -> fieldEquals(indicator.get(field), expected));
        }
        return all;
    }

    private static boolean fieldEquals(JsonNode value, String expected) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode entry : value) {
                if (entry.asText().equals(expected)) {
                    return true;
                }
            }
            return false;
        }
        return value.asText().equals(expected);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
