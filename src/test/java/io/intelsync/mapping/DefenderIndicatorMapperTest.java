package io.intelsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.intelsync.config.CollectionConfig;
import io.intelsync.config.CollectionOverrides;
import io.intelsync.config.DefenderSettings;
import io.intelsync.defender.DefenderIndicator;
import io.intelsync.defender.IndicatorAction;
import io.intelsync.defender.IndicatorSeverity;
import io.intelsync.defender.IndicatorType;
import io.intelsync.selection.SelectionCandidate;
import io.intelsync.stix.OpenCtiAttributes;
import io.intelsync.stix.StixIndicator;

class DefenderIndicatorMapperTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:34:56.789Z");

    private static DefenderSettings settings(Optional<IndicatorAction> action) {
        return new DefenderSettings("t", "client", "secret", URI.create("https://login.microsoftonline.com"),
                URI.create("https://api.securitycenter.microsoft.com"), "/api/indicators", "scope", 30, action, false,
                "Defender Intel Synchronizer", false, 15000, 500, Optional.empty(), Optional.empty(), List.of(), 50,
                new DefenderSettings.RateLimits(30, 30, 1500, 100, 1500));
    }

    private static CollectionOverrides overrides(IndicatorAction action, Integer expireDays) {
        return new CollectionOverrides(Optional.ofNullable(action),
                expireDays == null ? OptionalInt.empty() : OptionalInt.of(expireDays), OptionalInt.empty(), List.of(),
                Optional.empty(), Optional.empty());
    }

    private static SelectionCandidate candidate(String id, String collection, int rank, String modified, Integer score,
            Instant validUntil, Observable... observables) {
        StixIndicator indicator = new StixIndicator(id, Instant.parse(modified), "Name of " + id, null, validUntil, null,
                new OpenCtiAttributes(score == null ? null : "octi-" + id, score, true, null));
        return new SelectionCandidate(indicator, collection, rank, List.of(observables), null, 0);
    }

    private static Observable domain(String value) {
        return new Observable(IndicatorType.DomainName, value);
    }

    private static DefenderIndicator single(List<DesiredIndicator> desired) {
        assertThat(desired).hasSize(1);
        return desired.get(0).indicator();
    }

    @Test
    void actionComesFromScoreWhenNothingIsSet() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.empty()), List.of());
        DefenderIndicator indicator = single(mapper.map(List.of(candidate("indicator--a", "c", 0,
                "2026-05-01T00:00:00Z", 95, null, domain("a.example.com"))), NOW, "cycle"));
        assertThat(indicator.action()).isEqualTo(IndicatorAction.Block);
        assertThat(indicator.severity()).isEqualTo(IndicatorSeverity.High);
        assertThat(indicator.generateAlert()).isFalse();
    }

    @Test
    void globalActionBeatsScore() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.of(IndicatorAction.Warn)),
                List.of());
        assertThat(single(mapper.map(List.of(candidate("indicator--a", "c", 0, "2026-05-01T00:00:00Z", 95, null,
                domain("a.example.com"))), NOW, "cycle")).action()).isEqualTo(IndicatorAction.Warn);
    }

    @Test
    void collectionActionBeatsGlobalAction() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.of(IndicatorAction.Warn)),
                List.of(new CollectionConfig("c", 0, overrides(IndicatorAction.Audit, null))));
        DefenderIndicator indicator = single(mapper.map(List.of(candidate("indicator--a", "c", 0,
                "2026-05-01T00:00:00Z", 95, null, domain("a.example.com"))), NOW, "cycle"));
        assertThat(indicator.action()).isEqualTo(IndicatorAction.Audit);
        assertThat(indicator.generateAlert()).as("Audit requires generateAlert").isTrue();
    }

    @Test
    void certificateBlockBecomesBlockAndRemediate() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.of(IndicatorAction.Block)),
                List.of());
        DefenderIndicator indicator = single(mapper.map(List.of(candidate("indicator--a", "c", 0,
                "2026-05-01T00:00:00Z", null, null, new Observable(IndicatorType.CertificateThumbprint, "a".repeat(40)))),
                NOW, "cycle"));
        assertThat(indicator.action()).isEqualTo(IndicatorAction.BlockAndRemediate);
    }

    @Test
    void actionTypeRefusesIsNotSent() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(
                settings(Optional.of(IndicatorAction.BlockAndRemediate)), List.of());
        List<DesiredIndicator> desired = mapper.map(List.of(candidate("indicator--a", "c", 0, "2026-05-01T00:00:00Z",
                null, null, domain("a.example.com"), new Observable(IndicatorType.FileSha256, "b".repeat(64)))), NOW,
                "cycle");
        assertThat(desired).extracting(d -> d.indicator().indicatorType()).containsExactly(IndicatorType.FileSha256);
    }

    @Test
    void expirationIsEarliestOfValidUntilAndLifetime() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.empty()),
                List.of(new CollectionConfig("short", 0, overrides(null, 7))));
        List<DesiredIndicator> desired = mapper.map(List.of(
                candidate("indicator--late", "c", 1, "2026-05-01T00:00:00Z", null, Instant.parse("2030-01-01T00:00:00Z"),
                        domain("late.example.com")),
                candidate("indicator--soon", "c", 1, "2026-05-01T00:00:00Z", null, Instant.parse("2026-06-02T08:00:00.5Z"),
                        domain("soon.example.com")),
                candidate("indicator--short", "short", 0, "2026-05-01T00:00:00Z", null, null,
                        domain("short.example.com"))), NOW, "cycle");
        assertThat(desired).extracting(d -> d.indicator().indicatorValue() + "=" + d.indicator().expirationTime())
                .containsExactlyInAnyOrder(
                        "late.example.com=2026-07-01T12:34:56Z",
                        "soon.example.com=2026-06-02T08:00:00Z",
                        "short.example.com=2026-06-08T12:34:56Z");
    }

    @Test
    void titleDescriptionAndExternalId() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.empty()), List.of());
        StixIndicator described = new StixIndicator("indicator--d", Instant.parse("2026-05-01T00:00:00Z"), "  ",
                "x".repeat(5000), null, null, OpenCtiAttributes.NONE);
        DefenderIndicator indicator = single(mapper.map(List.of(new SelectionCandidate(described, "c", 0,
                List.of(domain("d.example.com")), null, 0)), NOW, "cycle"));
        assertThat(indicator.title()).isEqualTo("DomainName d.example.com");
        assertThat(indicator.description()).hasSize(DefenderIndicatorMapper.MAX_DESCRIPTION_LENGTH).endsWith("...");
        assertThat(indicator.externalId()).isEqualTo("indicator--d");
        assertThat(indicator.application()).isEqualTo("Defender Intel Synchronizer");

        DefenderIndicator fromOpenCti = single(mapper.map(List.of(candidate("indicator--o", "c", 0,
                "2026-05-01T00:00:00Z", 10, null, domain("o.example.com"))), NOW, "cycle"));
        assertThat(fromOpenCti.externalId()).isEqualTo("octi-indicator--o");
        assertThat(fromOpenCti.title()).isEqualTo("Name of indicator--o");
        assertThat(fromOpenCti.description()).contains("indicator--o").contains("collection c");
    }

    @Test
    void duplicateValueGoesToFirstCollectionThenNewest() {
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.empty()), List.of());
        List<DesiredIndicator> desired = mapper.map(List.of(
                candidate("indicator--newest-second", "second", 1, "2026-05-20T00:00:00Z", 90, null, domain("x.example.com")),
                candidate("indicator--old-first", "first", 0, "2026-01-01T00:00:00Z", 10, null, domain("x.example.com")),
                candidate("indicator--new-first", "first", 0, "2026-03-01T00:00:00Z", 50, null, domain("x.example.com"))),
                NOW, "cycle");
        assertThat(desired).singleElement().satisfies(d -> {
            assertThat(d.stixId()).isEqualTo("indicator--new-first");
            assertThat(d.indicator().action()).isEqualTo(IndicatorAction.Warn);
        });
    }

    @Test
    void sameValueInOtherDeviceGroupsIsKept() {
        CollectionOverrides servers = new CollectionOverrides(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                List.of("Servers"), Optional.of("Isolate the server"), Optional.of("https://intranet.example/blocked"));
        DefenderIndicatorMapper mapper = new DefenderIndicatorMapper(settings(Optional.of(IndicatorAction.Block)),
                List.of(new CollectionConfig("servers", 0, servers)));
        List<DesiredIndicator> desired = mapper.map(List.of(
                candidate("indicator--s", "servers", 0, "2026-05-01T00:00:00Z", null, null,
                        new Observable(IndicatorType.Url, "https://x.example/")),
                candidate("indicator--all", "all", 1, "2026-05-01T00:00:00Z", null, null,
                        new Observable(IndicatorType.Url, "https://x.example/"))), NOW, "cycle");
        assertThat(desired).hasSize(2);
        DefenderIndicator scoped = desired.get(0).indicator();
        assertThat(scoped.rbacGroupNames()).containsExactly("Servers");
        assertThat(scoped.recommendedActions()).isEqualTo("Isolate the server");
        assertThat(scoped.educateUrl()).isEqualTo("https://intranet.example/blocked");
        DefenderIndicator tenantWide = desired.get(1).indicator();
        assertThat(tenantWide.rbacGroupNames()).isNull();
        assertThat(tenantWide.educateUrl()).isNull();
    }

    @Test
    void globalDeviceGroupsApplyWithoutOverride() {
        DefenderSettings base = settings(Optional.empty());
        DefenderSettings withGroups = new DefenderSettings(base.tenantId(), base.clientId(), base.clientSecret(),
                base.loginUrl(), base.baseUrl(), base.resourcePath(), base.scope(), base.expireDays(), base.action(),
                false, base.application(), false, 15000, 500, Optional.of("Call the SOC"), Optional.empty(),
                List.of("Workstations"), 50, base.rateLimits());
        DefenderIndicator indicator = single(new DefenderIndicatorMapper(withGroups, List.of()).map(List.of(candidate(
                "indicator--a", "c", 0, "2026-05-01T00:00:00Z", null, null, domain("a.example.com"))), NOW, "cycle"));
        assertThat(indicator.rbacGroupNames()).containsExactly("Workstations");
        assertThat(indicator.recommendedActions()).isEqualTo("Call the SOC");
    }
}
