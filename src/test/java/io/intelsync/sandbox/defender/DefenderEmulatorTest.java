package io.intelsync.sandbox.defender;

import static io.intelsync.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelsync.sandbox.MutableClock;
import io.intelsync.sandbox.TestHttp;
import io.intelsync.sandbox.entra.EntraEmulator;
import io.intelsync.sandbox.http.Json;
import io.intelsync.sandbox.http.QueryStrings;
import io.intelsync.sandbox.http.RecordedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefenderEmulatorTest {

    private static final String JSON = "application/json";
    private static final String TENANT = "contoso-tenant";
    private static final String SYNC_CLIENT = "sync-client";
    private static final String OTHER_CLIENT = "other-client";
    private static final String SHA256 = "2f1b3e4c5d6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";

    private final MutableClock clock = MutableClock.startingAtNewYear2025();
    private EntraEmulator entra;
    private DefenderEmulator defender;
    private String syncToken;

    @BeforeEach
    void start() throws Exception {
        entra = EntraEmulator.builder().clock(clock).start();
        entra.registerClient(TENANT, SYNC_CLIENT, "sync-secret");
        entra.registerClient(TENANT, OTHER_CLIENT, "other-secret");
        defender = DefenderEmulator.builder(entra).clock(clock).start();
        syncToken = token(SYNC_CLIENT, "sync-secret", "https://api.securitycenter.microsoft.com/.default");
    }

    @AfterEach
    void stop() {
        defender.close();
        entra.close();
    }

    // ---------------------------------------------------------------- helpers

    private String token(String clientId, String secret, String scope) throws Exception {
        String body = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret
                + "&scope=" + QueryStrings.encode(scope);
        return json(TestHttp.post(entra.tokenUrl(TENANT), "application/x-www-form-urlencoded", body)).path("access_token").asText();
    }

    private static ObjectNode indicator(String type, String value) {
        return Json.object()
                .put("indicatorValue", value)
                .put("indicatorType", type)
                .put("action", "Block")
                .put("severity", "High")
                .put("title", "Indicator " + value)
                .put("description", "From the test feed")
                .put("generateAlert", true);
    }

    private static String batch(ObjectNode... indicators) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("Indicators");
        for (ObjectNode indicator : indicators) {
            list.add(indicator);
        }
        return body.toString();
    }

    private HttpResponse<String> importBody(String body) throws Exception {
        return importBody(body, syncToken);
    }

    private HttpResponse<String> importBody(String body, String token) throws Exception {
        return TestHttp.post(defender.indicatorsUrl() + "/import", JSON, body, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> submit(ObjectNode indicator) throws Exception {
        return TestHttp.post(defender.indicatorsUrl(), JSON, indicator.toString(), "Authorization", "Bearer " + syncToken);
    }

    private HttpResponse<String> list(String query) throws Exception {
        return TestHttp.get(defender.indicatorsUrl() + query, "Authorization", "Bearer " + syncToken);
    }

    private HttpResponse<String> batchDelete(String body) throws Exception {
        return TestHttp.post(defender.indicatorsUrl() + "/BatchDelete", JSON, body, "Authorization", "Bearer " + syncToken);
    }

    private static String errorCode(HttpResponse<String> response) throws Exception {
        return json(response).path("error").path("code").asText();
    }

    private static String errorMessage(HttpResponse<String> response) throws Exception {
        return json(response).path("error").path("message").asText();
    }

    private void seed(int count) {
        for (int i = 0; i < count; i++) {
            defender.putIndicator(indicator("DomainName", "host" + i + ".example.org"), SYNC_CLIENT);
        }
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void missingTokenReturns401() throws Exception {
        HttpResponse<String> response = TestHttp.get(defender.indicatorsUrl());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorCode(response)).isEqualTo("Unauthorized");
        assertThat(json(response).path("error").path("target").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void unknownTokenReturns401() throws Exception {
        HttpResponse<String> response = TestHttp.get(defender.indicatorsUrl(), "Authorization", "Bearer not-issued");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokenReturns401() throws Exception {
        clock.advance(Duration.ofSeconds(3599));

        HttpResponse<String> response = list("");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void revokedTokenReturns401() throws Exception {
        entra.revokeAllTokens();

        assertThat(list("").statusCode()).isEqualTo(401);
    }

    @Test
    void otherResourceReturns401() throws Exception {
        String graphToken = token(SYNC_CLIENT, "sync-secret", "https://graph.microsoft.com/.default");

        HttpResponse<String> response = TestHttp.get(defender.indicatorsUrl(), "Authorization", "Bearer " + graphToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorMessage(response)).contains("https://graph.microsoft.com");
    }

    @Test
    void documentedResourcesAccepted() throws Exception {
        for (String scope : List.of("https://api.security.microsoft.com/.default", defender.baseUrl() + "/.default")) {
            String token = token(SYNC_CLIENT, "sync-secret", scope);

            HttpResponse<String> response = TestHttp.get(defender.indicatorsUrl(), "Authorization", "Bearer " + token);

            assertThat(response.statusCode()).as(scope).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- routes

    @Test
    void versionedPathServed() throws Exception {
        HttpResponse<String> response = TestHttp.get(defender.baseUrl() + "/api/v1.0/indicators", "Authorization", "Bearer " + syncToken);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathReturns404() throws Exception {
        HttpResponse<String> response = TestHttp.get(defender.baseUrl() + "/api/machines", "Authorization", "Bearer " + syncToken);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethodReturns405() throws Exception {
        HttpResponse<String> response = TestHttp.get(defender.indicatorsUrl() + "/import", "Authorization", "Bearer " + syncToken);

        assertThat(response.statusCode()).isEqualTo(405);
    }

    // ---------------------------------------------------------------- list

    @Test
    void listPagesWithNextLink() throws Exception {
        seed(7);
        defender.setPageSize(3);
        List<Integer> pageSizes = new ArrayList<>();
        List<String> links = new ArrayList<>();

        String url = defender.indicatorsUrl();
        while (url != null) {
            JsonNode page = json(TestHttp.get(url, "Authorization", "Bearer " + syncToken));
            pageSizes.add(page.path("value").size());
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            links.add(url);
        }

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(links.get(0)).isEqualTo(defender.indicatorsUrl() + "?$skip=3");
        assertThat(links.get(1)).isEqualTo(defender.indicatorsUrl() + "?$skip=6");
        assertThat(links.get(2)).isNull();
    }

    @Test
    void listContextAndOrder() throws Exception {
        seed(2);

        JsonNode page = json(list(""));

        assertThat(page.path("@odata.context").asText()).isEqualTo(defender.baseUrl() + "/api/$metadata#Indicators");
        assertThat(page.path("value").get(0).path("id").asText()).isEqualTo("1");
        assertThat(page.path("value").get(1).path("id").asText()).isEqualTo("2");
    }

    @Test
    void listWithTopHasNoNextLink() throws Exception {
        seed(7);

        JsonNode first = json(list("?$top=2"));
        JsonNode last = json(list("?$top=2&$skip=6"));

        assertThat(first.path("value")).hasSize(2);
        assertThat(first.has("@odata.nextLink")).isFalse();
        assertThat(last.path("value")).hasSize(1);
        assertThat(last.path("value").get(0).path("indicatorValue").asText()).isEqualTo("host6.example.org");
    }

    @Test
    void topAboveMaxReturns400() throws Exception {
        HttpResponse<String> response = list("?$top=10001");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("ODataError");
    }

    @Test
    void listFiltersOnCreatedBy() throws Exception {
        seed(2);
        defender.putIndicator(indicator("DomainName", "other.example.org"), OTHER_CLIENT);

        JsonNode page = json(list("?$filter=" + QueryStrings.encode("createdBy eq '" + OTHER_CLIENT + "'")));

        assertThat(page.path("value")).hasSize(1);
        assertThat(page.path("value").get(0).path("indicatorValue").asText()).isEqualTo("other.example.org");
    }

    // ---------------------------------------------------------------- import

    @Test
    void importCreatesIndicators() throws Exception {
        HttpResponse<String> response = importBody(batch(indicator("FileSha256", SHA256), indicator("Url", "https://bad.example.net/x")));
        JsonNode results = json(response).path("value");
        ObjectNode stored = defender.indicators().get(0);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("id").asText()).isEqualTo("1");
        assertThat(results.get(0).path("indicator").asText()).isEqualTo(SHA256);
        assertThat(results.get(0).path("isFailed").asBoolean()).isFalse();
        assertThat(results.get(0).path("failureReason").isNull()).isTrue();
        assertThat(results.get(1).path("id").asText()).isEqualTo("2");
        assertThat(stored.path("createdBy").asText()).isEqualTo(SYNC_CLIENT);
        assertThat(stored.path("lastUpdatedBy").asText()).isEqualTo(SYNC_CLIENT);
        assertThat(stored.path("sourceType").asText()).isEqualTo("AadApp");
        assertThat(stored.path("creationTimeDateTimeUtc").asText()).isEqualTo("2025-01-01T00:00:00.0000000Z");
        assertThat(stored.path("severity").asText()).isEqualTo("High");
    }

    @Test
    void importMissingFieldRejectsAll() throws Exception {
        ObjectNode incomplete = indicator("DomainName", "two.example.org");
        incomplete.remove("description");

        HttpResponse<String> response = importBody(batch(indicator("DomainName", "one.example.org"), incomplete));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("MissingRequiredParameter");
        assertThat(errorMessage(response)).isEqualTo("Parameter Indicators[1].description is missing");
        assertThat(defender.indicators()).isEmpty();
    }

    @Test
    void importKeysAreCaseSensitive() throws Exception {
        ObjectNode wrongCase = indicator("DomainName", "one.example.org");
        wrongCase.set("IndicatorValue", wrongCase.remove("indicatorValue"));

        HttpResponse<String> response = importBody(batch(wrongCase));
        HttpResponse<String> lowerCaseList = importBody("{\"indicators\":[" + indicator("DomainName", "one.example.org") + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).isEqualTo("Parameter Indicators[0].indicatorValue is missing");
        assertThat(lowerCaseList.statusCode()).isEqualTo(400);
        assertThat(errorMessage(lowerCaseList)).isEqualTo("Parameter Indicators is missing");
    }

    @Test
    void importEnumOutsideSetRejectsAll() throws Exception {
        ObjectNode lowerCaseType = indicator("ipaddress", "203.0.113.5");
        ObjectNode unknownAction = indicator("IpAddress", "203.0.113.5").put("action", "Detect");
        ObjectNode unknownSeverity = indicator("IpAddress", "203.0.113.5").put("severity", "Critical");

        for (ObjectNode item : List.of(lowerCaseType, unknownAction, unknownSeverity)) {
            HttpResponse<String> response = importBody(batch(item));

            assertThat(response.statusCode()).as(item.toString()).isEqualTo(400);
            assertThat(errorCode(response)).as(item.toString()).isEqualTo("InvalidRequestBody");
        }
        assertThat(errorMessage(importBody(batch(unknownAction)))).contains("action").contains("Detect");
        assertThat(defender.indicators()).isEmpty();
    }

    @Test
    void importValueFailuresPerItem() throws Exception {
        record Case(ObjectNode indicator, String reason) {
        }
        List<Case> rejected = List.of(
                new Case(indicator("IpAddress", "203.0.113.0/24"), "CIDR"),
                new Case(indicator("IpAddress", "203.0.113.1-203.0.113.9"), "ranges"),
                new Case(indicator("IpAddress", "10.1.2.3"), "Only external IPs"),
                new Case(indicator("IpAddress", "192.168.0.1"), "Only external IPs"),
                new Case(indicator("IpAddress", "2001:4860:4860::8888"), "all 8 groups"),
                new Case(indicator("IpAddress", "fe80:0:0:0:0:0:0:1"), "Only external IPs"),
                new Case(indicator("FileSha256", SHA256.substring(1)), "Hash value"),
                new Case(indicator("FileMd5", "zz" + "0".repeat(30)), "Hash value"),
                new Case(indicator("DomainName", "bad domain.example"), "Invalid domain name"),
                new Case(indicator("Url", "not a url"), "Invalid URL"),
                new Case(indicator("Url", "https://evil.example.net/").put("action", "BlockAndRemediate"), "BlockAndRemediate"),
                new Case(indicator("DomainName", "audit.example.org").put("action", "Audit").put("generateAlert", false), "generateAlert"),
                new Case(indicator("DomainName", "old.example.org").put("expirationTime", "2024-12-31T00:00:00Z"), "not in the future"));
        List<ObjectNode> items = new ArrayList<>();
        rejected.forEach(rejectedCase -> items.add(rejectedCase.indicator()));
        items.add(indicator("IpAddress", "2001:4860:4860:0:0:0:0:8888"));

        JsonNode results = json(importBody(batch(items.toArray(ObjectNode[]::new)))).path("value");

        assertThat(results).hasSize(items.size());
        for (int i = 0; i < rejected.size(); i++) {
            JsonNode result = results.get(i);
            String item = rejected.get(i).indicator().toString();
            assertThat(result.path("isFailed").asBoolean()).as(item).isTrue();
            assertThat(result.path("failureReason").asText()).as(item).contains(rejected.get(i).reason());
            assertThat(result.path("indicator").asText()).as(item).isEqualTo(rejected.get(i).indicator().path("indicatorValue").asText());
            assertThat(result.path("id").isNull()).as(item).isTrue();
        }
        assertThat(results.get(items.size() - 1).path("isFailed").asBoolean()).isFalse();
        assertThat(defender.indicators()).hasSize(1);
    }

    @Test
    void importOver500Rejected() throws Exception {
        ObjectNode[] items = new ObjectNode[501];
        for (int i = 0; i < items.length; i++) {
            items[i] = indicator("DomainName", "host" + i + ".example.org");
        }

        HttpResponse<String> response = importBody(batch(items));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("MaximumBatchSizeExceeded");
        assertThat(errorMessage(response)).isEqualTo("Maximum batch size exceeded. Received: 501, allowed: 500");
    }

    @Test
    void importEmptyListRejected() throws Exception {
        HttpResponse<String> response = importBody("{\"Indicators\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void upsertKeepsIdAndCreator() throws Exception {
        ObjectNode seeded = indicator("FileSha256", SHA256).put("application", "Other app");
        String id = defender.putIndicator(seeded, OTHER_CLIENT);
        clock.advance(Duration.ofMinutes(5));
        ObjectNode update = indicator("FileSha256", SHA256.toUpperCase()).put("title", "Updated").put("application", "Sync app");

        JsonNode result = json(importBody(batch(update))).path("value").get(0);
        ObjectNode stored = defender.indicators().get(0);

        assertThat(result.path("id").asText()).isEqualTo(id);
        assertThat(defender.indicators()).hasSize(1);
        assertThat(stored.path("id").asText()).isEqualTo(id);
        assertThat(stored.path("createdBy").asText()).isEqualTo(OTHER_CLIENT);
        assertThat(stored.path("lastUpdatedBy").asText()).isEqualTo(SYNC_CLIENT);
        assertThat(stored.path("title").asText()).isEqualTo("Updated");
        assertThat(stored.path("application").asText()).isEqualTo("Other app");
        assertThat(stored.path("creationTimeDateTimeUtc").asText()).isEqualTo("2025-01-01T00:00:00.0000000Z");
        assertThat(stored.path("lastUpdateTime").asText()).isEqualTo("2025-01-01T00:05:00.0000000Z");
    }

    @Test
    void externalIdAcceptsBothCasings() throws Exception {
        importBody(batch(
                indicator("DomainName", "one.example.org").put("externalId", "indicator--1"),
                indicator("DomainName", "two.example.org").put("externalID", "indicator--2")));

        List<ObjectNode> stored = defender.indicators();

        assertThat(stored.get(0).path("externalId").asText()).isEqualTo("indicator--1");
        assertThat(stored.get(1).path("externalId").asText()).isEqualTo("indicator--2");
        assertThat(stored.get(1).has("externalID")).isFalse();
    }

    @Test
    void groupNamesFillGroupIds() throws Exception {
        ObjectNode item = indicator("DomainName", "one.example.org");
        item.putArray("rbacGroupNames").add("Sandbox servers");

        importBody(batch(item));

        assertThat(defender.indicators().get(0).path("rbacGroupIds").get(0).asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- submit

    @Test
    void submitReturnsResource() throws Exception {
        HttpResponse<String> response = submit(indicator("IpAddress", "203.0.113.5"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo("1");
        assertThat(json(response).path("createdBy").asText()).isEqualTo(SYNC_CLIENT);
        assertThat(json(response).path("@odata.context").asText()).endsWith("/api/$metadata#Indicators/$entity");
    }

    @Test
    void submitInvalidValueReturns400() throws Exception {
        HttpResponse<String> cidr = submit(indicator("IpAddress", "203.0.113.0/24"));
        HttpResponse<String> hash = submit(indicator("FileSha1", "abc"));

        assertThat(cidr.statusCode()).isEqualTo(400);
        assertThat(errorCode(cidr)).isEqualTo("InvalidIpAddress");
        assertThat(hash.statusCode()).isEqualTo(400);
        assertThat(errorCode(hash)).isEqualTo("InvalidHashValue");
        assertThat(errorMessage(hash)).isEqualTo("Hash value abc is invalid");
        assertThat(defender.indicators()).isEmpty();
    }

    @Test
    void submitMissingFieldReturns400() throws Exception {
        ObjectNode incomplete = indicator("IpAddress", "203.0.113.5");
        incomplete.remove("title");

        HttpResponse<String> response = submit(incomplete);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).isEqualTo("Parameter title is missing");
    }

    // ---------------------------------------------------------------- delete

    @Test
    void batchDeleteUnknownDeletesNothing() throws Exception {
        seed(2);

        HttpResponse<String> response = batchDelete("{\"IndicatorIds\":[\"1\",\"99\"]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorMessage(response)).contains("99");
        assertThat(defender.indicators()).hasSize(2);
    }

    @Test
    void batchDeleteRemovesAll() throws Exception {
        seed(3);

        HttpResponse<String> response = batchDelete("{\"IndicatorIds\":[\"1\",\"3\"]}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(defender.indicators()).extracting(indicator -> indicator.path("id").asText()).containsExactly("2");
    }

    @Test
    void batchDeleteSizeChecked() throws Exception {
        ObjectNode body = Json.object();
        ArrayNode ids = body.putArray("IndicatorIds");
        for (int i = 1; i <= 501; i++) {
            ids.add(Integer.toString(i));
        }

        HttpResponse<String> oversized = batchDelete(body.toString());
        HttpResponse<String> empty = batchDelete("{\"IndicatorIds\":[]}");
        HttpResponse<String> invalid = batchDelete("{\"IndicatorIds\":[\"abc\"]}");

        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(errorCode(oversized)).isEqualTo("MaximumBatchSizeExceeded");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    @Test
    void deleteByIdThenNotFound() throws Exception {
        seed(1);

        HttpResponse<String> first = TestHttp.delete(defender.indicatorsUrl() + "/1", "Authorization", "Bearer " + syncToken);
        HttpResponse<String> second = TestHttp.delete(defender.indicatorsUrl() + "/1", "Authorization", "Bearer " + syncToken);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(defender.indicators()).isEmpty();
    }

    // ---------------------------------------------------------------- tenant cap and expiry

    @Test
    void tenantCapFailsNewIndicators() throws Exception {
        defender.setTenantCap(2);

        JsonNode results = json(importBody(batch(
                indicator("DomainName", "one.example.org"),
                indicator("DomainName", "two.example.org"),
                indicator("DomainName", "three.example.org"),
                indicator("DomainName", "one.example.org").put("title", "Updated")))).path("value");
        HttpResponse<String> submitted = submit(indicator("DomainName", "four.example.org"));

        assertThat(results.get(2).path("isFailed").asBoolean()).isTrue();
        assertThat(results.get(2).path("failureReason").asText()).contains("2");
        assertThat(results.get(3).path("isFailed").asBoolean()).isFalse();
        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(defender.indicators()).hasSize(2);
    }

    @Test
    void expiredIndicatorsDisappear() throws Exception {
        defender.putIndicator(indicator("DomainName", "short.example.org").put("expirationTime", "2025-01-01T01:00:00Z"), SYNC_CLIENT);
        defender.putIndicator(indicator("DomainName", "long.example.org"), SYNC_CLIENT);

        clock.advance(Duration.ofMinutes(59));
        int beforeExpiry = json(list("")).path("value").size();
        clock.advance(Duration.ofMinutes(1));
        entra.revokeAllTokens();
        syncToken = token(SYNC_CLIENT, "sync-secret", "https://api.securitycenter.microsoft.com/.default");
        JsonNode afterExpiry = json(list("")).path("value");

        assertThat(beforeExpiry).isEqualTo(2);
        assertThat(afterExpiry).hasSize(1);
        assertThat(afterExpiry.get(0).path("indicatorValue").asText()).isEqualTo("long.example.org");
        assertThat(defender.indicators()).hasSize(1);
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void importRateLimitRetryAfter() throws Exception {
        String body = batch(indicator("DomainName", "one.example.org"));
        for (int i = 0; i < 10; i++) {
            importBody(body);
        }
        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 20; i++) {
            importBody(body);
        }

        HttpResponse<String> throttled = importBody(body);
        clock.advance(Duration.ofSeconds(39));
        HttpResponse<String> stillThrottled = importBody(body);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> allowed = importBody(body);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(errorCode(throttled)).isEqualTo("TooManyRequests");
        assertThat(throttled.headers().firstValue("Retry-After")).contains("40");
        assertThat(stillThrottled.headers().firstValue("Retry-After")).contains("1");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitIsPerClient() throws Exception {
        String body = batch(indicator("DomainName", "one.example.org"));
        for (int i = 0; i < 30; i++) {
            importBody(body);
        }
        String otherToken = token(OTHER_CLIENT, "other-secret", "https://api.securitycenter.microsoft.com/.default");

        assertThat(importBody(body).statusCode()).isEqualTo(429);
        assertThat(importBody(body, otherToken).statusCode()).isEqualTo(200);
    }

    @Test
    void hourlyWindowRetryAfter() throws Exception {
        defender.setRateLimits(DefenderEndpoint.LIST, List.of(RateLimit.perMinute(3), RateLimit.perHour(5)));
        for (int i = 0; i < 3; i++) {
            list("");
        }
        HttpResponse<String> minuteLimited = list("");
        clock.advance(Duration.ofSeconds(60));
        list("");
        list("");
        HttpResponse<String> hourLimited = list("");

        assertThat(minuteLimited.statusCode()).isEqualTo(429);
        assertThat(minuteLimited.headers().firstValue("Retry-After")).contains("60");
        assertThat(hourLimited.statusCode()).isEqualTo(429);
        assertThat(hourLimited.headers().firstValue("Retry-After")).contains("3540");
    }

    @Test
    void rateLimitsCanBeDisabled() throws Exception {
        defender.setRateLimitsEnabled(false);
        String body = batch(indicator("DomainName", "one.example.org"));
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 31; i++) {
            statuses.add(importBody(body).statusCode());
        }

        assertThat(statuses).containsOnly(200);
    }

    // ---------------------------------------------------------------- faults

    @Test
    void failNextWithRetryAfter() throws Exception {
        defender.failNext(DefenderEndpoint.LIST, 503, 2, 7);

        HttpResponse<String> first = list("");
        HttpResponse<String> second = list("");
        HttpResponse<String> third = list("");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(errorCode(first)).isEqualTo("ServiceUnavailable");
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void faultBodiesMatchStatus() throws Exception {
        List<Integer> statuses = List.of(400, 401, 403, 429, 500);
        List<String> codes = List.of("BadRequest", "Unauthorized", "Forbidden", "TooManyRequests", "InternalServerError");

        for (int i = 0; i < statuses.size(); i++) {
            defender.failNext(DefenderEndpoint.IMPORT, statuses.get(i), 1, null);

            HttpResponse<String> response = importBody(batch(indicator("DomainName", "one.example.org")));

            assertThat(response.statusCode()).isEqualTo(statuses.get(i));
            assertThat(errorCode(response)).isEqualTo(codes.get(i));
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void failEveryNthAndClear() throws Exception {
        defender.failEveryNth(DefenderEndpoint.SUBMIT, 3, 500, null);
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            statuses.add(submit(indicator("DomainName", "host" + i + ".example.org")).statusCode());
        }
        defender.clearFaults();
        for (int i = 0; i < 3; i++) {
            statuses.add(submit(indicator("DomainName", "again" + i + ".example.org")).statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 500, 200, 200, 500, 200, 200, 200);
    }

    // ---------------------------------------------------------------- machine groups and recording

    @Test
    void machineGroupsPaged() throws Exception {
        String url = defender.baseUrl() + "/api/exposureScore/ByMachineGroups";

        JsonNode all = json(TestHttp.get(url, "Authorization", "Bearer " + syncToken));
        JsonNode second = json(TestHttp.get(url + "?$top=1&$skip=1", "Authorization", "Bearer " + syncToken));
        defender.setMachineGroups(List.of(new MachineGroup(42, "Finance")));
        JsonNode replaced = json(TestHttp.get(url, "Authorization", "Bearer " + syncToken));

        assertThat(all.path("value")).hasSize(2);
        assertThat(all.path("@odata.context").asText()).startsWith(defender.baseUrl());
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.path("value").get(0).path("rbacGroupId").asInt()).isEqualTo(2);
        assertThat(replaced.path("value").get(0).path("rbacGroupName").asText()).isEqualTo("Finance");
    }

    @Test
    void requestsAreRecorded() throws Exception {
        clock.advance(Duration.ofSeconds(42));
        String body = batch(indicator("DomainName", "one.example.org"));
        importBody(body);

        RecordedRequest request = defender.requests().get(0);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/indicators/import");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.header("authorization")).contains("Bearer " + syncToken);
        assertThat(request.headers()).containsKey("content-type");
        assertThat(request.time()).isEqualTo(Instant.parse("2025-01-01T00:00:42Z"));

        defender.clearRequests();
        assertThat(defender.requests()).isEmpty();
    }
}
