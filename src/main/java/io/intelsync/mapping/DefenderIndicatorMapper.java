package io.intelsync.mapping;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.CollectionOverrides;
import io.intelsync.config.DefenderSettings;
import io.intelsync.cycle.SyncCycle;
import io.intelsync.defender.DefenderIndicator;
import io.intelsync.defender.DeviceGroupCalls;
import io.intelsync.defender.IndicatorAction;
import io.intelsync.defender.IndicatorKey;
import io.intelsync.defender.IndicatorType;
import io.intelsync.selection.SelectionCandidate;
import io.intelsync.stix.StixIndicator;

/**
 * Turns the STIX indicators kept by the cycle's selection into the Defender indicators the feed requests,
 * and stores them in the exchange property {@link #DESIRED_PROPERTY}.
 *
 * <p>Each observable of a kept indicator becomes one Defender indicator. When two STIX indicators give the
 * same type, value and device groups, the one from the collection configured first wins, then the newest.
 * Fields:
 * <ul>
 * <li>{@code action}: the collection's override, else the global action, else from the OpenCTI score (see
 * {@link ScorePolicy}); an action Defender refuses for the type is adjusted or the indicator is not sent
 * (see {@link IndicatorAction#forType});
 * <li>{@code severity}: from the score;
 * <li>{@code expirationTime}: the earliest of {@code valid_until}, the pattern's STOP time and now plus the
 * lifetime in days, in UTC to the second;
 * <li>{@code title} and {@code description}: the STIX name and description, shortened;
 * <li>{@code generateAlert}: always true for Audit, which requires it, otherwise the setting;
 * <li>{@code externalId}: OpenCTI's internal id, else the STIX id.
 * </ul>
 */
public final class DefenderIndicatorMapper implements Processor {

    /** Name of the exchange property that contains the {@code List<DesiredIndicator>} of the cycle. */
    public static final String DESIRED_PROPERTY = "desiredIndicators";

    // NOTE: Defender documents no length limits for title and description; these keep alerts readable.
    static final int MAX_TITLE_LENGTH = 300;
    static final int MAX_DESCRIPTION_LENGTH = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(DefenderIndicatorMapper.class);
    private static final DateTimeFormatter EXPIRATION_FORMAT = DateTimeFormatter.ISO_INSTANT;

    private final DefenderSettings settings;
    private final Map<String, CollectionOverrides> overridesByCollection = new HashMap<>();

    public DefenderIndicatorMapper(DefenderSettings settings, List<CollectionConfig> collections) {
        this.settings = settings;
        for (CollectionConfig collection : collections) {
            overridesByCollection.put(collection.id(), collection.overrides());
        }
    }

    @Override
    public void process(Exchange exchange) {
        SyncCycle cycle = exchange.getProperty(SyncCycle.PROPERTY, SyncCycle.class);
        List<SelectionCandidate> kept = cycle.selection().kept();
        cycle.setKept(kept.size());
        @SuppressWarnings("unchecked") // set by DeviceGroupCalls when device groups are configured
        Map<String, Long> groupIds = exchange.getProperty(DeviceGroupCalls.PROPERTY, Map.class);
        List<DesiredIndicator> desired = map(kept, cycle.now(), cycle.id(), groupIds == null ? Map.of() : groupIds);
        exchange.setProperty(DESIRED_PROPERTY, desired);
        LOG.info("Mapped indicators cycle={} kept={} desired={}", cycle.id(), kept.size(), desired.size());
    }

    /** Maps the kept candidates to the Defender indicators they request, without duplicates. */
    public List<DesiredIndicator> map(List<SelectionCandidate> kept, Instant now, String cycleId) {
        return map(kept, now, cycleId, Map.of());
    }

    /**
     * Maps the kept candidates to the Defender indicators they request, without duplicates.
     *
     * @param groupIds Defender's device group ids by configured name
     */
    public List<DesiredIndicator> map(List<SelectionCandidate> kept, Instant now, String cycleId,
            Map<String, Long> groupIds) {
        List<SelectionCandidate> byPriority = new ArrayList<>(kept);
        byPriority.sort(SelectionCandidate.COLLECTION_FIRST);
        Set<IndicatorKey> seen = new HashSet<>();
        List<DesiredIndicator> desired = new ArrayList<>();
        for (SelectionCandidate candidate : byPriority) {
            for (Observable observable : candidate.observables()) {
                Optional<DefenderIndicator> indicator = toDefender(candidate, observable, now, cycleId, groupIds);
                if (indicator.isPresent() && seen.add(indicator.get().key())) {
                    desired.add(new DesiredIndicator(indicator.get(), candidate.stixId(), candidate.collectionId()));
                }
            }
        }
        return desired;
    }

    private Optional<DefenderIndicator> toDefender(SelectionCandidate candidate, Observable observable, Instant now,
            String cycleId, Map<String, Long> groupIds) {
        StixIndicator stix = candidate.indicator();
        CollectionOverrides overrides = overridesByCollection.getOrDefault(candidate.collectionId(),
                CollectionOverrides.NONE);
        Integer score = stix.openCti().score();
        IndicatorAction configured = overrides.action().or(settings::action).orElse(ScorePolicy.action(score));
        Optional<IndicatorAction> action = configured.forType(observable.type());
        if (action.isEmpty()) {
            LOG.warn("Not sending indicator cycle={} id={} {}:{}: Defender does not accept action {} for {}; set another "
                    + "action for collection {}", cycleId, stix.id(), observable.type(), observable.value(), configured,
                    observable.type(), candidate.collectionId());
            return Optional.empty();
        }
        int expireDays = overrides.expireDays().orElse(settings.expireDays());
        Instant expiration = now.plus(expireDays, ChronoUnit.DAYS);
        if (stix.validUntil() != null && stix.validUntil().isBefore(expiration)) {
            expiration = stix.validUntil();
        }
        if (candidate.windowStop() != null && candidate.windowStop().isBefore(expiration)) {
            expiration = candidate.windowStop();
        }
        boolean generateAlert = action.get() == IndicatorAction.Audit || settings.generateAlert();
        // Defender documents educateUrl only for URL indicators that block or warn.
        String educateUrl = observable.type() == IndicatorType.Url
                && (action.get() == IndicatorAction.Block || action.get() == IndicatorAction.Warn)
                        ? overrides.educateUrl().or(settings::educateUrl).orElse(null) : null;
        List<String> groups = overrides.rbacGroupNames().isEmpty() ? settings.rbacGroupNames()
                : overrides.rbacGroupNames();
        String recommendedActions = overrides.recommendedActions().or(settings::recommendedActions).orElse(null);
        return Optional.of(new DefenderIndicator(observable.value(), observable.type(), action.get(),
                ScorePolicy.severity(score), title(stix, observable), description(stix, candidate),
                EXPIRATION_FORMAT.format(expiration.truncatedTo(ChronoUnit.SECONDS)), generateAlert,
                settings.application(), stix.externalId(), recommendedActions, groups.isEmpty() ? null : groups,
                groupIds(groups, groupIds), educateUrl));
    }

    // Ids go with names only when every name resolved, so that no partial set of ids is ever sent.
    private static List<Long> groupIds(List<String> names, Map<String, Long> groupIds) {
        if (names.isEmpty() || !groupIds.keySet().containsAll(names)) {
            return null;
        }
        return names.stream().map(groupIds::get).toList();
    }

    private static String title(StixIndicator stix, Observable observable) {
        String name = stix.name() == null ? "" : stix.name().strip();
        String title = name.isEmpty() ? observable.type() + " " + observable.value() : name;
        return shorten(title, MAX_TITLE_LENGTH);
    }

    private static String description(StixIndicator stix, SelectionCandidate candidate) {
        String description = stix.description() == null ? "" : stix.description().strip();
        if (description.isEmpty()) {
            description = "STIX indicator " + stix.id() + " from TAXII collection " + candidate.collectionId();
        }
        return shorten(description, MAX_DESCRIPTION_LENGTH);
    }

    private static String shorten(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
