package io.intelsync.defender;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.auth.MsalTokenProvider;
import io.intelsync.config.DefenderSettings;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.deadletter.DeadLetterRecord;
import io.intelsync.mapping.DefenderIndicatorMapper;
import io.intelsync.mapping.DesiredIndicator;

/**
 * Prepares the calls to Defender's indicators API and reads their responses: listing with
 * {@code @odata.nextLink}, planning, {@code POST …/import} with {@code {"Indicators": [...]}} and
 * {@code POST …/BatchDelete} with {@code {"IndicatorIds": [...]}}. The routes in
 * {@code routes/defender-reconcile.camel.yaml} call these steps around their HTTP calls.
 */
public final class DefenderCalls {

    /** Name of the exchange property that contains the batch being sent, for the dead letter. */
    public static final String BATCH_PROPERTY = "defenderBatch";

    private static final Logger LOG = LoggerFactory.getLogger(DefenderCalls.class);
    private static final int MAX_LIST_PAGES = 10_000;
    private static final int LOGGED_FAILURE_REASONS = 10;

    private final DefenderSettings settings;
    private final MsalTokenProvider tokens;
    private final ObjectMapper mapper;
    private final ReconciliationPlanner planner;
    private final String deploymentId;

    public DefenderCalls(DefenderSettings settings, MsalTokenProvider tokens, ObjectMapper mapper, String deploymentId) {
        this.settings = settings;
        this.tokens = tokens;
        this.mapper = mapper;
        this.deploymentId = deploymentId;
        this.planner = new ReconciliationPlanner(settings.clientId(), settings.application(), settings.batchSize());
    }

    /** Starts the listing of Defender's indicators and stores it in {@link DefenderListing#PROPERTY}. */
    public void startListing(Exchange exchange) {
        exchange.setProperty(DefenderListing.PROPERTY,
                new DefenderListing(URI.create(settings.indicatorsUrl()), MAX_LIST_PAGES));
    }

    /** Sets the headers of the next list page request. */
    public void prepareListPage(Exchange exchange) {
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        Message message = prepare(exchange, "GET", listing.nextUrl());
        message.setBody(null);
    }

    /** Reads a list page from the response body into the listing. */
    public void readListPage(Exchange exchange) throws IOException {
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        JsonNode page = readJson(exchange, "list page " + (listing.pages() + 1));
        JsonNode value = page.get("value");
        if (value == null || !value.isArray()) {
            throw new DefenderResponseException("Defender's list response has no 'value' array; got fields "
                    + fieldNames(page));
        }
        List<ExistingIndicator> indicators = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            indicators.add(existing(item));
        }
        JsonNode nextLink = page.get("@odata.nextLink");
        listing.pageRead(indicators, nextLink == null || nextLink.isNull() ? null : nextLink.asText());
        if (!listing.hasMorePages()) {
            SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
            LOG.info("Listed Defender indicators cycle={} indicators={} pages={}", cycle.id(),
                    listing.indicators().size(), listing.pages());
        }
    }

    /** Plans the cycle's writes from the desired and listed indicators and stores the plan in {@link SyncPlan#PROPERTY}. */
    public void plan(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        @SuppressWarnings("unchecked") // the mapper stores exactly this type
        List<DesiredIndicator> desired = exchange.getProperty(DefenderIndicatorMapper.DESIRED_PROPERTY, List.class);
        SyncPlan plan = planner.plan(desired, listing.indicators(), cycle.allReadsComplete());
        exchange.setProperty(SyncPlan.PROPERTY, plan);
        cycle.setPlanned(plan.creates(), plan.deletes());
        cycle.addUnchanged(plan.unchanged());
        LOG.info("Planned sync cycle={} create={} delete={} unchanged={} dry_run={}", cycle.id(), plan.creates(),
                plan.deletes(), plan.unchanged(), cycle.dryRun());
        if (plan.withheldReason() != null) {
            LOG.warn("Withholding {} deletions cycle={}: {}", plan.withheldDeletes(), cycle.id(), plan.withheldReason());
        }
        if (cycle.dryRun()) {
            logDryRun(cycle, plan);
        }
    }

    /** Prepares an import call for the batch of {@link DesiredIndicator}s in the body. */
    public void prepareImport(Exchange exchange) throws JsonProcessingException {
        @SuppressWarnings("unchecked") // the import batches of the plan are lists of desired indicators
        List<DesiredIndicator> batch = exchange.getMessage().getBody(List.class);
        exchange.setProperty(BATCH_PROPERTY, batch);
        List<DefenderIndicator> indicators = batch.stream().map(DesiredIndicator::indicator).toList();
        Message message = prepare(exchange, "POST", settings.indicatorsUrl() + "/import");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(mapper.writeValueAsBytes(Map.of("Indicators", indicators)));
    }

    /**
     * Reads an import response. Items that Defender refused become dead-letter records in the property
     * {@link DeadLetterRecord#REJECTED_PROPERTY}, which the route sends to the dead letter when there are any.
     */
    public void readImport(Exchange exchange) throws IOException {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        @SuppressWarnings("unchecked") // set by prepareImport
        List<DesiredIndicator> batch = exchange.getProperty(BATCH_PROPERTY, List.class);
        JsonNode results = readJson(exchange, "import response").get("value");
        if (results == null || !results.isArray()) {
            throw new DefenderResponseException("Defender's import response has no 'value' array, so the outcome of "
                    + batch.size() + " indicators is unknown");
        }

        List<DeadLetterRecord> rejected = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            if (result.path("isFailed").asBoolean(false)) {
                rejected.add(rejectedRecord(cycle, matchResult(batch, result, i), result));
            }
        }
        int accepted = batch.size() - rejected.size();
        cycle.addCreated(accepted);
        cycle.addFailed(rejected.size());

        LOG.info("Imported batch cycle={} indicators={} accepted={} rejected={}", cycle.id(), batch.size(), accepted,
                rejected.size());
        for (DeadLetterRecord record : rejected.subList(0, Math.min(LOGGED_FAILURE_REASONS, rejected.size()))) {
            LOG.warn("Defender rejected indicator cycle={} id={} value={}: {}", cycle.id(), record.stixId(),
                    record.indicator() == null ? record.details() : record.indicator().indicatorValue(), record.reason());
        }
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(null);
        exchange.setProperty(DeadLetterRecord.REJECTED_PROPERTY, rejected);
    }

    private DeadLetterRecord rejectedRecord(SyncCycle cycle, DesiredIndicator item, JsonNode result) {
        String reason = result.path("failureReason").asText("no failureReason given");
        if (item == null) {
            return new DeadLetterRecord(now(cycle), cycle.id(), deploymentId, "defender-import", reason, null, null, null,
                    null, null, null, Map.of("indicator", result.path("indicator").asText()));
        }
        return new DeadLetterRecord(now(cycle), cycle.id(), deploymentId, "defender-import", reason, null, null,
                item.collectionId(), item.stixId(), item.indicator(), null, null);
    }

    /** Prepares a BatchDelete call for the batch of {@link ExistingIndicator}s in the body. */
    public void prepareDelete(Exchange exchange) throws JsonProcessingException {
        @SuppressWarnings("unchecked") // the delete batches of the plan are lists of existing indicators
        List<ExistingIndicator> batch = exchange.getMessage().getBody(List.class);
        exchange.setProperty(BATCH_PROPERTY, batch);
        List<String> ids = batch.stream().map(ExistingIndicator::id).toList();
        Message message = prepare(exchange, "POST", settings.indicatorsUrl() + "/BatchDelete");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(mapper.writeValueAsBytes(Map.of("IndicatorIds", ids)));
    }

    /** Counts a successful BatchDelete. */
    public void readDelete(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        List<?> batch = exchange.getProperty(BATCH_PROPERTY, List.class);
        cycle.addDeleted(batch.size());
        LOG.info("Deleted batch cycle={} indicators={}", cycle.id(), batch.size());
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(null);
    }

    private Message prepare(Exchange exchange, String method, String url) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_URI, url);
        message.setHeader("Accept", "application/json");
        message.setHeader("Authorization", tokens.authorizationHeader());
        return message;
    }

    private JsonNode readJson(Exchange exchange, String what) throws IOException {
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            if (body == null) {
                throw new DefenderResponseException("Defender's " + what + " has no body");
            }
            return mapper.readTree(body);
        } catch (JsonProcessingException ex) {
            throw new DefenderResponseException("Defender's " + what + " is not valid JSON: " + ex.getOriginalMessage(),
                    ex);
        }
    }

    private static DesiredIndicator matchResult(List<DesiredIndicator> batch, JsonNode result, int index) {
        String value = result.path("indicator").asText(null);
        if (index < batch.size() && (value == null
                || batch.get(index).indicator().indicatorValue().equalsIgnoreCase(value))) {
            return batch.get(index);
        }
        for (DesiredIndicator item : batch) {
            if (item.indicator().indicatorValue().equalsIgnoreCase(value)) {
                return item;
            }
        }
        return null;
    }

    private static ExistingIndicator existing(JsonNode item) {
        String externalId = text(item, "externalId");
        if (externalId == null) {
            externalId = text(item, "externalID");
        }
        return new ExistingIndicator(text(item, "id"), text(item, "indicatorType"), text(item, "indicatorValue"),
                text(item, "createdBy"), text(item, "application"), externalId, text(item, "action"),
                groupNames(item.get("rbacGroupNames")));
    }

    // Defender documents rbacGroupNames as a list of strings, and also as a comma-separated string.
    private static List<String> groupNames(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> names.add(item.asText()));
        } else {
            names.addAll(List.of(node.asText().split(",")));
        }
        return names;
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String now(SyncCycle cycle) {
        return DateTimeFormatter.ISO_INSTANT.format(cycle.now());
    }

    private static void logDryRun(SyncCycle cycle, SyncPlan plan) {
        LOG.info("Dry run cycle={}: would import {} and delete {} indicators; no write is sent", cycle.id(),
                plan.creates(), plan.deletes());
        plan.importBatches().stream().flatMap(List::stream).limit(10).forEach(item -> LOG.info(
                "Dry run cycle={} would import {} {} action={} from {}", cycle.id(), item.indicator().indicatorType(),
                item.indicator().indicatorValue(), item.indicator().action(), item.stixId()));
        plan.deleteBatches().stream().flatMap(List::stream).limit(10).forEach(item -> LOG.info(
                "Dry run cycle={} would delete {} {} id={}", cycle.id(), item.type(), item.value(), item.id()));
    }
}
