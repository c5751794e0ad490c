package io.intelsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.intelsync.defender.IndicatorAction;

class SettingsLoaderTest {

    private static Map<String, String> minimal() {
        Map<String, String> environment = new HashMap<>();
        environment.put("OPENCTI_URL", "https://opencti.example.com/");
        environment.put("OPENCTI_TOKEN", "token-value");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TENANT_ID", "tenant-1");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_ID", "client-1");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_SECRET", "secret-value");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TAXII_COLLECTIONS", "c1, c2");
        return environment;
    }

    private static SyncSettings load(Map<String, String> environment) {
        return SettingsLoader.load(new SettingsSource(environment, key -> Optional.empty()));
    }

    @Test
    void defaultsApplyWhenOnlyRequiredSettingsAreSet() {
        SyncSettings settings = load(minimal());
        assertThat(settings.taxii().apiRoot()).hasToString("https://opencti.example.com/taxii2/root");
        assertThat(settings.taxii().auth()).isEqualTo(TaxiiAuth.BEARER);
        assertThat(settings.taxii().token()).isEqualTo("token-value");
        assertThat(settings.taxii().collections()).extracting(CollectionConfig::id).containsExactly("c1", "c2");
        assertThat(settings.defender().baseUrl()).hasToString("https://api.securitycenter.microsoft.com");
        assertThat(settings.defender().loginUrl()).hasToString("https://login.microsoftonline.com");
        assertThat(settings.defender().resourcePath()).isEqualTo("/api/indicators");
        assertThat(settings.defender().scope()).isEqualTo("https://api.securitycenter.microsoft.com/.default");
        assertThat(settings.defender().expireDays()).isEqualTo(30);
        assertThat(settings.defender().action()).isEmpty();
        assertThat(settings.defender().passiveOnly()).isFalse();
        assertThat(settings.defender().maxIndicators()).isEqualTo(15000);
        assertThat(settings.defender().batchSize()).isEqualTo(500);
        assertThat(settings.intervalSeconds()).isEqualTo(300);
    }

    @Test
    void trailingSlashOfBaseUrlIsIgnored() {
        Map<String, String> environment = minimal();
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://api-gcc.securitycenter.microsoft.us/");
        SyncSettings settings = load(environment);
        assertThat(settings.defender().baseUrl()).hasToString("https://api-gcc.securitycenter.microsoft.us");
        assertThat(settings.defender().indicatorsUrl())
                .isEqualTo("https://api-gcc.securitycenter.microsoft.us/api/indicators");
        assertThat(settings.defender().scope()).isEqualTo("https://api-gcc.securitycenter.microsoft.us/.default");
    }

    @Test
    void scopeFollowsTheApiHostOfEachCloud() {
        Map<String, String> environment = minimal();
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://eu.api.security.microsoft.com");
        assertThat(load(environment).defender().scope()).isEqualTo("https://api.securitycenter.microsoft.com/.default");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://api.security.microsoft.com");
        assertThat(load(environment).defender().scope()).isEqualTo("https://api.securitycenter.microsoft.com/.default");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://api-gov.securitycenter.microsoft.us");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_LOGIN_URL", "https://login.microsoftonline.us");
        assertThat(load(environment).defender().scope()).isEqualTo("https://api-gov.securitycenter.microsoft.us/.default");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "http://127.0.0.1:8443");
        environment.remove("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_LOGIN_URL");
        assertThat(load(environment).defender().scope()).isEqualTo("http://127.0.0.1:8443/.default");
        environment.put("DEFENDER_SCOPE", "https://custom.example.com/.default");
        assertThat(load(environment).defender().scope()).isEqualTo("https://custom.example.com/.default");
    }

    @Test
    void governmentApiWithPublicSignInIsRefused() {
        Map<String, String> environment = minimal();
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://api-gov.securitycenter.microsoft.us");
        assertThatThrownBy(() -> load(environment)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("GCC High or DoD").hasMessageContaining("https://login.microsoftonline.us");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://API-GOV.securitycenter.microsoft.us.");
        assertThatThrownBy(() -> load(environment)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("GCC High or DoD");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "https://api.securitycenter.microsoft.com");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_LOGIN_URL", "https://login.microsoftonline.us");
        assertThatThrownBy(() -> load(environment)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("https://login.microsoftonline.com");
    }

    @Test
    void groupNamesMustBeTextInAList() {
        for (String value : List.of("[1,null]", "{\"a\":1}", "[\"ok\", \" \"]")) {
            Map<String, String> environment = minimal();
            environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_RBAC_GROUP_NAMES", value);
            assertThatThrownBy(() -> load(environment)).as(value).isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("RBAC_GROUP_NAMES");
        }
    }

    @Test
    void connectorVariableWinsOverCamelName() {
        Map<String, String> environment = minimal();
        environment.put("DEFENDER_EXPIRE_TIME", "10");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_EXPIRE_TIME", "7");
        assertThat(load(environment).defender().expireDays()).isEqualTo(7);
    }

    @Test
    void camelNameWorksAlone() {
        Map<String, String> environment = minimal();
        environment.put("DEFENDER_EXPIRE_TIME", "10");
        assertThat(load(environment).defender().expireDays()).isEqualTo(10);
    }

    @Test
    void emptyActionMeansFromScore() {
        Map<String, String> environment = minimal();
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_ACTION", "");
        assertThat(load(environment).defender().action()).isEmpty();
    }

    @Test
    void actionIsParsedInAnyCase() {
        Map<String, String> environment = minimal();
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_ACTION", "block");
        assertThat(load(environment).defender().action()).contains(IndicatorAction.Block);
    }

    @Test
    void missingSettingsAreAllNamed() {
        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, ex -> {
                    assertThat(ex.getMessage()).contains("OPENCTI_URL");
                    assertThat(ex.getMessage()).contains("OPENCTI_TOKEN");
                    assertThat(ex.getMessage()).contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TENANT_ID");
                    assertThat(ex.getMessage()).contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_ID");
                    assertThat(ex.getMessage()).contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_CLIENT_SECRET");
                    assertThat(ex.getMessage()).contains("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_TAXII_COLLECTIONS");
                });
    }

    @Test
    void invalidValuesNameValueAndFix() {
        Map<String, String> environment = minimal();
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_PASSIVE_ONLY", "FALSE-ish");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_ACTION", "Quarantine");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_MAX_INDICATORS", "20000");
        environment.put("MICROSOFT_DEFENDER_INTEL_SYNCHRONIZER_BASE_URL", "api.securitycenter.microsoft.com");
        environment.put("TAXII_AUTH", "kerberos");
        assertThatThrownBy(() -> load(environment))
                .isInstanceOfSatisfying(InvalidSettingsException.class, ex -> {
                    assertThat(ex.problems()).hasSize(5);
                    assertThat(ex.getMessage()).contains("'false-ish'; use true or false");
                    assertThat(ex.getMessage()).contains("'Quarantine', which Defender does not accept");
                    assertThat(ex.getMessage()).contains("'20000'; use a whole number from 1 to 15000 (indicators)");
                    assertThat(ex.getMessage()).contains("'api.securitycenter.microsoft.com'; use an absolute http");
                    assertThat(ex.getMessage()).contains("'kerberos'; use bearer, basic or none");
                });
    }

    @Test
    void taxiiHeadersMustBeJsonWithoutReservedNames() {
        Map<String, String> environment = minimal();
        environment.put("TAXII_HEADERS", "{\"Authorization\": \"x\", \"Bad Name\": \"y\"}");
        assertThatThrownBy(() -> load(environment)).hasMessageContaining("sets Authorization")
                .hasMessageContaining("invalid header name 'Bad Name'");
        environment.put("TAXII_HEADERS", "X-Tenant: blue");
        assertThatThrownBy(() -> load(environment)).hasMessageContaining("not a JSON object");
    }

    @Test
    void selectionOrderAndStateDefaults() {
        SyncSettings settings = load(minimal());
        assertThat(settings.selectionOrder()).isEqualTo(SelectionOrder.NEWEST_FIRST);
        assertThat(settings.state().jdbcUrl()).startsWith("jdbc:h2:file:").endsWith("data/state");
        assertThat(settings.state().fullReadInterval()).hasHours(24);
        Map<String, String> environment = minimal();
        environment.put("SYNC_SELECTION_ORDER", "oldest-first");
        environment.put("TAXII_ADDED_AFTER", "last week");
        assertThatThrownBy(() -> load(environment)).hasMessageContaining("use newest-first or collection-first")
                .hasMessageContaining("'last week'; use an RFC 3339 time");
    }

    @Test
    void basicAuthNeedsUsernameAndPassword() {
        Map<String, String> environment = minimal();
        environment.put("TAXII_AUTH", "basic");
        environment.put("TAXII_USERNAME", "reader");
        assertThatThrownBy(() -> load(environment)).hasMessageContaining("TAXII_PASSWORD");
    }

    @Test
    void propertiesFileValueIsUsedWhenEnvironmentIsUnset() {
        Map<String, String> environment = minimal();
        SyncSettings settings = SettingsLoader.load(new SettingsSource(environment,
                key -> key.equals("defender.expire-time") ? Optional.of(" 14 ") : Optional.empty()));
        assertThat(settings.defender().expireDays()).isEqualTo(14);
    }

    @Test
    void settingsToStringHidesSecrets() {
        SyncSettings settings = load(minimal());
        assertThat(settings.toString()).doesNotContain("token-value").doesNotContain("secret-value");
    }
}
