package io.intelsync.defender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.intelsync.config.DefenderSettings;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.mapping.DefenderIndicatorMapper;
import io.intelsync.mapping.DesiredIndicator;

/**
 * Plans a cycle's writes (see {@link ReconciliationPlanner}) and stores the plan in {@link SyncPlan#PROPERTY}.
 * In a dry run it also writes the whole plan as JSON to {@value #DRY_RUN_FILE} in the data folder.
 */
public final class ReconciliationStep {

    /** The file, in the data folder, that a dry run writes its plan to. */
    public static final String DRY_RUN_FILE = "dry-run-plan.json";

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationStep.class);
    private static final int LOGGED_ITEMS = 10;

    private final ReconciliationPlanner planner;
    private final DeletionConfirmation confirmation;
    private final ObjectMapper mapper;
    private final Path dataDirectory;

    public ReconciliationStep(DefenderSettings settings, DeletionConfirmation confirmation, ObjectMapper mapper,
            Path dataDirectory) {
        this.planner = ReconciliationPlanner.of(settings);
        this.confirmation = confirmation;
        this.mapper = mapper;
        this.dataDirectory = dataDirectory;
    }

    /** Plans the exchange's cycle. */
    public void plan(Exchange exchange) throws IOException {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        DefenderListing listing = exchange.getProperty(DefenderListing.PROPERTY, DefenderListing.class);
        @SuppressWarnings("unchecked") // the mapper stores exactly this type
        List<DesiredIndicator> desired = exchange.getProperty(DefenderIndicatorMapper.DESIRED_PROPERTY, List.class);
        boolean confirmed = confirmation.isConfirmed();
        SyncPlan plan = planner.plan(desired, listing.indicators(), cycle.allReadsComplete(), confirmed, cycle.now());
        if (confirmed && !plan.deletes().isEmpty() && !cycle.dryRun()) {
            confirmation.clear();
        }
        exchange.setProperty(SyncPlan.PROPERTY, plan);
        cycle.setPlan(plan);
        LOG.info("Planned sync cycle={} create={} update={} delete={} unchanged={} delete_first={} dry_run={}",
                cycle.id(), plan.creates().size(), plan.updates().size(), plan.deletes().size(), plan.unchanged(),
                plan.deleteFirst(), cycle.dryRun());
        if (!plan.updates().isEmpty()) {
            Map<String, Long> byField = new java.util.TreeMap<>();
            plan.updates().forEach(update -> update.changedFields().forEach(field -> byField.merge(field, 1L, Long::sum)));
            LOG.info("Updates by changed field cycle={} {}", cycle.id(), byField);
        }
        if (plan.withheldReason() != null) {
            LOG.warn("Holding back {} deletions cycle={}: {}", plan.withheldDeletes().size(), cycle.id(),
                    plan.withheldReason());
        }
        if (cycle.dryRun()) {
            logDryRun(cycle, plan);
            writeDryRun(cycle, plan);
        }
    }

    private static void logDryRun(SyncCycle cycle, SyncPlan plan) {
        LOG.info("Dry run cycle={}: would create {}, update {} and delete {} indicators; no write is sent", cycle.id(),
                plan.creates().size(), plan.updates().size(), plan.deletes().size());
        plan.creates().stream().limit(LOGGED_ITEMS).forEach(item -> LOG.info("Dry run cycle={} would create {} {} "
                + "action={} from {}", cycle.id(), item.indicator().indicatorType(), item.indicator().indicatorValue(),
                item.indicator().action(), item.stixId()));
        plan.updates().stream().limit(LOGGED_ITEMS).forEach(update -> LOG.info("Dry run cycle={} would update {} {} "
                + "id={} fields={}", cycle.id(), update.desired().indicator().indicatorType(),
                update.desired().indicator().indicatorValue(), update.existing().id(), update.changedFields()));
        plan.deletes().stream().limit(LOGGED_ITEMS).forEach(item -> LOG.info("Dry run cycle={} would delete {} {} id={}",
                cycle.id(), item.type(), item.value(), item.id()));
    }

    private void writeDryRun(SyncCycle cycle, SyncPlan plan) throws IOException {
        ObjectNode json = mapper.createObjectNode();
        json.put("cycle", cycle.id());
        json.put("time", cycle.now().toString());
        json.put("readsComplete", cycle.allReadsComplete());
        ObjectNode counts = json.putObject("counts");
        counts.put("create", plan.creates().size());
        counts.put("update", plan.updates().size());
        counts.put("delete", plan.deletes().size());
        counts.put("unchanged", plan.unchanged());
        counts.put("withheldDeletes", plan.withheldDeletes().size());
        if (plan.withheldReason() != null) {
            json.put("withheldReason", plan.withheldReason());
        }
        ArrayNode creates = json.putArray("create");
        plan.creates().forEach(item -> creates.add(item(item)));
        ArrayNode updates = json.putArray("update");
        for (SyncPlan.Update update : plan.updates()) {
            ObjectNode node = item(update.desired());
            node.put("defenderId", update.existing().id());
            node.set("changedFields", mapper.valueToTree(update.changedFields()));
            updates.add(node);
        }
        ArrayNode deletes = json.putArray("delete");
        plan.deletes().forEach(item -> deletes.add(existing(item)));
        ArrayNode withheld = json.putArray("withheldDelete");
        plan.withheldDeletes().forEach(item -> withheld.add(existing(item)));
        Path file = dataDirectory.resolve(DRY_RUN_FILE);
        Files.createDirectories(dataDirectory);
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        LOG.info("Dry run cycle={}: plan written to {}", cycle.id(), file);
    }

    private ObjectNode item(DesiredIndicator item) {
        ObjectNode node = mapper.createObjectNode();
        node.set("indicator", mapper.valueToTree(item.indicator()));
        node.put("stixId", item.stixId());
        node.put("collection", item.collectionId());
        return node;
    }

    private ObjectNode existing(ExistingIndicator item) {
        return mapper.valueToTree(Map.of("defenderId", String.valueOf(item.id()), "indicatorType",
                String.valueOf(item.type()), "indicatorValue", String.valueOf(item.value())));
    }
}
