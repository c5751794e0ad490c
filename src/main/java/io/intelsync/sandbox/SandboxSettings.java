package io.intelsync.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.intelsync.config.Setting;
import io.intelsync.config.SettingCatalog;
import io.intelsync.config.SettingsSource;

/**
 * Points the service at the emulators for every endpoint and credential that the user did not set in the
 * environment or as a JVM system property. Settings are replaced by group: when the user set a real TAXII
 * server ({@code OPENCTI_URL} or {@code TAXII_API_ROOT}), the whole TAXII group stays theirs, and likewise
 * for Defender with {@code BASE_URL}. Values in {@code application.properties} do not count as set,
 * because the shipped file contains the public defaults.
 */
public final class SandboxSettings {

    /** Folder of the sandbox's files, kept apart from a real deployment's data. */
    public static final String DATA_DIRECTORY = "data/sandbox";

    private SandboxSettings() {
    }

    /** Returns the properties that point the service at the emulators. */
    public static Map<String, String> overrides(Emulators emulators, SettingsSource source) {
        Map<String, String> overrides = new LinkedHashMap<>();
        boolean realTaxii = source.isSetExplicitly(SettingCatalog.OPENCTI_URL)
                || source.isSetExplicitly(SettingCatalog.TAXII_API_ROOT);
        if (!realTaxii) {
            put(overrides, source, SettingCatalog.TAXII_API_ROOT, emulators.taxiiApiRootUrl());
            put(overrides, source, SettingCatalog.TAXII_AUTH, "bearer");
            if (!source.isSetExplicitly(SettingCatalog.OPENCTI_TOKEN)) {
                put(overrides, source, SettingCatalog.TAXII_TOKEN, Emulators.TAXII_TOKEN);
            }
            put(overrides, source, SettingCatalog.TAXII_COLLECTIONS, emulators.taxii().collections().stream()
                    .map(collection -> collection.id()).collect(Collectors.joining(",")));
        }
        if (!source.isSetExplicitly(SettingCatalog.BASE_URL)) {
            put(overrides, source, SettingCatalog.BASE_URL, emulators.defenderBaseUrl());
            put(overrides, source, SettingCatalog.LOGIN_URL, emulators.entraLoginBaseUrl());
            put(overrides, source, SettingCatalog.TENANT_ID, Emulators.TENANT_ID);
            put(overrides, source, SettingCatalog.CLIENT_ID, Emulators.CLIENT_ID);
            put(overrides, source, SettingCatalog.CLIENT_SECRET, Emulators.CLIENT_SECRET);
        }
        put(overrides, source, SettingCatalog.DATA_DIRECTORY, DATA_DIRECTORY);
        return overrides;
    }

    private static void put(Map<String, String> overrides, SettingsSource source, Setting setting, String value) {
        if (!source.isSetExplicitly(setting)) {
            overrides.put(setting.key(), value);
        }
    }
}
