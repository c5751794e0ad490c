package io.intelsync.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.auth.LoginHttpClient;
import io.intelsync.auth.MsalTokenProvider;
import io.intelsync.cycle.SyncControl;
import io.intelsync.cycle.SyncCycles;
import io.intelsync.deadletter.DeadLetterReplay;
import io.intelsync.deadletter.DeadLetters;
import io.intelsync.auth.TokenRefresh;
import io.intelsync.defender.DefenderHttp;
import io.intelsync.defender.DefenderRateLimits;
import io.intelsync.defender.DeleteCalls;
import io.intelsync.defender.DeletionConfirmation;
import io.intelsync.defender.DeviceGroupCalls;
import io.intelsync.defender.ImportCalls;
import io.intelsync.defender.IndicatorListCalls;
import io.intelsync.defender.ReconciliationStep;
import io.intelsync.errors.RetryAfterDelay;
import io.intelsync.mapping.DefenderIndicatorMapper;
import io.intelsync.mapping.PatternExtractor;
import io.intelsync.selection.IndicatorIntake;
import io.intelsync.state.StateStore;
import io.intelsync.state.StateStoreException;
import io.intelsync.state.SyncState;
import io.intelsync.stix.IndicatorReader;
import io.intelsync.taxii.TaxiiEnvelopeReader;
import io.intelsync.taxii.TaxiiRequests;
import io.intelsync.taxii.TaxiiStartupCheck;
import io.intelsync.taxii.TaxiiTrust;

/**
 * Reads and validates the settings once, checks that the TAXII server and its collections can be read, then
 * binds the beans that the routes in {@code routes/} call, by the names the routes use. It also publishes the resolved values of settings that routes read as
 * placeholders, so that an environment variable with the OpenCTI connector's name reaches them too.
 */
public final class SyncConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SyncConfiguration.class);

    private final Map<String, String> environment;
    private final Clock clock;
    private final DefenderRateLimits.Sleeper sleeper;
    private SyncSettings settings;

    /**
     * @param environment the process environment ({@link System#getenv()} outside tests)
     * @param clock the clock of cycles, rate limits and dead-letter times
     * @param sleeper how the rate limits wait; tests advance their clock instead of sleeping
     */
    public SyncConfiguration(Map<String, String> environment, Clock clock, DefenderRateLimits.Sleeper sleeper) {
        this.environment = Map.copyOf(environment);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        SettingsSource source = new SettingsSource(environment, properties::resolveProperty);
        SyncSettings loaded = SettingsLoader.load(source);
        LOG.info("Settings loaded: {} {} {}", loaded.taxii(), loaded.defender(), loaded.state());
        requireWritableFolder(loaded.dataDirectory());
        publish(properties, loaded);

        String deadLetterUri = source.value(SettingCatalog.DEAD_LETTER_URI);
        requireDeadLetterComponent(context, deadLetterUri);
        properties.addOverrideProperty(SettingCatalog.DEAD_LETTER_URI.key(), deadLetterUri);
        ObjectMapper mapper = new ObjectMapper();
        Duration connectTimeout = loaded.http().connectTimeout();
        Duration readTimeout = loaded.http().responseTimeout();
        TaxiiTrust trust;
        try {
            trust = TaxiiTrust.of(loaded.taxii());
        } catch (IllegalArgumentException ex) {
            throw new InvalidSettingsException(java.util.List.of(ex.getMessage()));
        }
        List<CollectionConfig> collections = new TaxiiStartupCheck(loaded.taxii(), trust, connectTimeout, readTimeout)
                .run();
        settings = loaded.withTaxii(loaded.taxii().withCollections(collections));
        DefenderSettings defender = settings.defender();
        MsalTokenProvider tokens = new MsalTokenProvider(defender.loginUrl(), defender.tenantId(), defender.clientId(),
                defender.clientSecret(), defender.scope(), new LoginHttpClient(defender.loginUrl(), connectTimeout,
                        readTimeout), connectTimeout.plus(readTimeout).toMillis());

        Registry registry = context.getRegistry();
        registry.bind("syncSettings", settings);
        registry.bind("tokenProvider", tokens);
        StateStore store;
        try {
            store = new StateStore(settings.state(), mapper);
        } catch (StateStoreException ex) {
            // A wrong URL, an unreachable server or wrong credentials: a setting to fix, not a failed cycle.
            throw new InvalidSettingsException(List.of(ex.getMessage()));
        }
        SyncState state = new SyncState(store, settings, clock);
        registry.bind("syncState", state);
        SyncCycles cycles = new SyncCycles(settings, clock, state::prepare);
        registry.bind("syncCycles", cycles);
        DeletionConfirmation confirmation = new DeletionConfirmation();
        SyncControl control = new SyncControl(cycles, state::requestFullRead, confirmation::confirm);
        registry.bind("syncControl", control);
        control.register();
        registry.bind("taxiiRequests", new TaxiiRequests(settings.taxii()));
        registry.bind("taxiiSslContext", trust.sslContextParameters());
        registry.bind("taxiiEnvelopeReader", new TaxiiEnvelopeReader(mapper));
        registry.bind("indicatorIntake", new IndicatorIntake(
                new IndicatorReader(new PatternExtractor(settings.allowNonPublicAddresses()))));
        registry.bind("defenderIndicatorMapper", new DefenderIndicatorMapper(defender, settings.taxii().collections()));
        bindDefenderCalls(registry, tokens, mapper, confirmation);
        registry.bind("deadLetters", new DeadLetters(mapper, clock, settings.deploymentId(), List.of(
                settings.taxii().token(), settings.taxii().password(), settings.taxii().trustStorePassword(),
                defender.clientSecret(), settings.state().password())));
        registry.bind("deadLetterReplay", new DeadLetterReplay(settings, deadLetterUri, state, mapper, clock));
        registry.bind("retryAfterDelay", new RetryAfterDelay(clock, settings.retry()));
    }

    // The beans of the routes in routes/defender-reconcile.camel.yaml and of the device group lookup.
    private void bindDefenderCalls(Registry registry, MsalTokenProvider tokens, ObjectMapper mapper,
            DeletionConfirmation confirmation) {
        DefenderSettings defender = settings.defender();
        DefenderSettings.RateLimits rates = defender.rateLimits();
        Duration minute = Duration.ofMinutes(1);
        Duration hour = Duration.ofHours(1);
        List<DefenderRateLimits.Limit> listLimits = List.of(new DefenderRateLimits.Limit(rates.listPerMinute(), minute),
                new DefenderRateLimits.Limit(rates.listPerHour(), hour));
        DefenderRateLimits limits = new DefenderRateLimits(clock, sleeper, Map.of(
                DefenderRateLimits.Operation.LIST, listLimits,
                DefenderRateLimits.Operation.MACHINE_GROUPS, listLimits,
                DefenderRateLimits.Operation.IMPORT, List.of(new DefenderRateLimits.Limit(rates.importPerMinute(), minute)),
                DefenderRateLimits.Operation.BATCH_DELETE, List.of(
                        new DefenderRateLimits.Limit(rates.deletePerMinute(), minute),
                        new DefenderRateLimits.Limit(rates.deletePerHour(), hour))));
        DefenderHttp http = new DefenderHttp(defender, tokens, mapper);
        registry.bind("defenderRateLimits", limits);
        registry.bind("defenderIndicators", new IndicatorListCalls(http, limits));
        registry.bind("deviceGroups", new DeviceGroupCalls(http, limits, settings));
        registry.bind("reconciliation", new ReconciliationStep(defender, confirmation, mapper, settings.dataDirectory()));
        registry.bind("defenderImports", new ImportCalls(http, limits, settings.deploymentId()));
        registry.bind("defenderDeletes", new DeleteCalls(http, limits));
        TokenRefresh tokenRefresh = new TokenRefresh(tokens, defender.baseUrl());
        registry.bind("tokenRefresh", tokenRefresh);
        registry.bind("tokenRefreshProcessor", (org.apache.camel.Processor) tokenRefresh::refresh);
    }

    // A typo in the scheme would otherwise surface only when the first failure is dead-lettered.
    private static void requireDeadLetterComponent(CamelContext context, String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon) : "";
        boolean known;
        try {
            known = !scheme.isEmpty() && context.getComponent(scheme) != null;
        } catch (RuntimeException ex) {
            known = false;
        }
        String rest = uri.substring(Math.max(colon + 1, 0)).replaceFirst("^//", "");
        if (known && (rest.isEmpty() || rest.startsWith("?"))) {
            throw new InvalidSettingsException(List.of(SettingCatalog.DEAD_LETTER_URI.displayName() + " is '" + uri
                    + "', which names no folder or destination after '" + scheme + ":'; use for example "
                    + SettingCatalog.DEAD_LETTER_URI.defaultValue()));
        }
        if (!known) {
            throw new InvalidSettingsException(List.of(SettingCatalog.DEAD_LETTER_URI.displayName() + " is '" + uri
                    + "', whose component '" + scheme + "' is not available; use a file: URI such as "
                    + SettingCatalog.DEAD_LETTER_URI.defaultValue() + " or a Camel component on the class path"));
        }
    }

    // The dead-letter file and the embedded state live here, so an unwritable folder must stop the start.
    private static void requireWritableFolder(java.nio.file.Path folder) {
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException ex) {
            throw new InvalidSettingsException(List.of(SettingCatalog.DATA_DIRECTORY.displayName() + " is '" + folder
                    + "', which cannot be created (" + ex + "); mount a writable volume there or set SYNC_DATA_DIR"));
        }
        if (!java.nio.file.Files.isWritable(folder)) {
            throw new InvalidSettingsException(List.of(SettingCatalog.DATA_DIRECTORY.displayName() + " is '" + folder
                    + "', which this user cannot write; mount a writable volume there or set SYNC_DATA_DIR"));
        }
    }

    /** Returns the settings, once {@link #configure} has run. */
    public SyncSettings settings() {
        return settings;
    }

    private static void publish(PropertiesComponent properties, SyncSettings settings) {
        properties.addOverrideProperty("taxii.api-root", settings.taxii().apiRoot().toString());
        properties.addOverrideProperty("defender.base-url", settings.defender().baseUrl().toString());
        properties.addOverrideProperty("sync.interval-millis", String.valueOf(settings.intervalSeconds() * 1000L));
        properties.addOverrideProperty("sync.schedule-enabled", String.valueOf(settings.scheduleEnabled()));
        properties.addOverrideProperty("retry.max-redeliveries", String.valueOf(settings.retry().maxRedeliveries()));
        properties.addOverrideProperty("retry.initial-delay", String.valueOf(settings.retry().initialDelayMillis()));
        properties.addOverrideProperty("retry.max-delay", String.valueOf(settings.retry().maxDelayMillis()));
    }
}
