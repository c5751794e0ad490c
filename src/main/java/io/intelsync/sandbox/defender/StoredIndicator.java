package io.intelsync.sandbox.defender;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.defender.IndicatorType;
import io.intelsync.sandbox.http.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** An indicator resource held by the Defender emulator. Not thread-safe. */
final class StoredIndicator {

    /** Defender's resource timestamps have 7 fractional digits, such as {@code 2019-12-19T09:09:46.9139216Z}. */
    private static final DateTimeFormatter RESOURCE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    final long id;
    final IndicatorType type;
    final String value;
    final String application;
    final String createdBy;
    final String sourceType;
    final Instant creationTime;
    String action;
    String severity;
    String title;
    String description;
    String externalId;
    Instant expirationTime;
    boolean generateAlert;
    String recommendedActions;
    List<String> rbacGroupNames;
    ArrayNode rbacGroupIds;
    String educateUrl;
    String lastUpdatedBy;
    Instant lastUpdateTime;

    /**
     * @param sourceType {@code AadApp} for an application, {@code User} for a portal user
     */
    StoredIndicator(long id, IndicatorRequest request, String createdBy, String sourceType, Instant now) {
        this.id = id;
        this.type = request.indicatorType();
        this.value = request.indicatorValue();
        this.application = request.application();
        this.createdBy = createdBy;
        this.sourceType = sourceType;
        this.creationTime = now;
        update(request, createdBy, now);
    }

    /** Returns the upsert key: the type plus the value, compared case-insensitively for hashes. */
    // NOTE: Microsoft does not document the key of "submit or update". The emulator keeps one indicator per
    // type, value and device groups, so that indicators scoped to different groups can coexist.
    static String key(IndicatorType type, String value, List<String> rbacGroupNames) {
        boolean caseInsensitive = type.isFileHash() || type == IndicatorType.CertificateThumbprint;
        String scope = rbacGroupNames.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).sorted()
                .collect(java.util.stream.Collectors.joining(","));
        return type.name() + "|" + (caseInsensitive ? value.toLowerCase(Locale.ROOT) : value) + "|" + scope;
    }

    String key() {
        return key(type, value, rbacGroupNames);
    }

    /**
     * Replaces the updatable fields with the request's. Fields the request leaves out are reset, as
     * in a full replacement, because Defender does not document a partial update. The value, type,
     * application, creator and creation time never change.
     */
    void update(IndicatorRequest request, String updatedBy, Instant now) {
        this.action = request.action();
        this.severity = request.severity();
        this.title = request.title();
        this.description = request.description();
        this.externalId = request.externalId();
        this.expirationTime = request.expirationTime();
        this.generateAlert = Boolean.TRUE.equals(request.generateAlert());
        this.recommendedActions = request.recommendedActions();
        this.rbacGroupNames = List.copyOf(request.rbacGroupNames());
        this.rbacGroupIds = request.rbacGroupIds().deepCopy();
        this.educateUrl = request.educateUrl();
        this.lastUpdatedBy = updatedBy;
        this.lastUpdateTime = now;
    }

    boolean isExpiredAt(Instant now) {
        return expirationTime != null && !now.isBefore(expirationTime);
    }

    /** Returns the resource as List, Submit and the control API show it. */
    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(id));
        json.put("indicatorValue", value);
        json.put("indicatorType", type.name());
        json.put("action", action);
        json.put("application", application);
        json.put("sourceType", sourceType);
        json.put("createdBy", createdBy);
        // NOTE: the values of createdBySource are not documented. "PublicApi" and "Portal" are assumptions.
        json.put("createdBySource", sourceType.equals("User") ? "Portal" : "PublicApi");
        json.put("severity", severity);
        json.put("title", title);
        json.put("description", description);
        json.put("recommendedActions", recommendedActions);
        ArrayNode names = json.putArray("rbacGroupNames");
        rbacGroupNames.forEach(names::add);
        json.set("rbacGroupIds", rbacGroupIds.deepCopy());
        json.put("generateAlert", generateAlert);
        json.put("creationTimeDateTimeUtc", RESOURCE_TIME.format(creationTime));
        json.put("expirationTime", expirationTime == null ? null : EXPIRATION_TIME.format(expirationTime));
        json.put("lastUpdateTime", RESOURCE_TIME.format(lastUpdateTime));
        json.put("lastUpdatedBy", lastUpdatedBy);
        json.put("educateUrl", educateUrl);
        json.put("externalId", externalId);
        return json;
    }
}
