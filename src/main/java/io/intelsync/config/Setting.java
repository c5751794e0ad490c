package io.intelsync.config;

import java.util.List;

/**
 * One setting of the service.
 *
 * @param key the property key in {@code application.properties}
 * @param environmentVariables the environment variables that set the key, the first one set winning: the
 *        name that the OpenCTI connector used where one exists, then Camel's mapping of the key (upper case,
 *        dots and dashes as underscores)
 * @param defaultValue the value when nothing sets it, or an empty string when it has none
 * @param unit the unit of a numeric value, or an empty string
 * @param secret whether the value is a credential that must never be logged
 * @param description what the setting controls
 */
public record Setting(String key, List<String> environmentVariables, String defaultValue, String unit, boolean secret,
        String description) {

    public Setting {
        environmentVariables = List.copyOf(environmentVariables);
    }

    /** Returns the environment variable that users are told to set first. */
    public String primaryEnvironmentVariable() {
        return environmentVariables.get(0);
    }

    /** Returns the setting's name for messages: the key and every environment variable. */
    public String displayName() {
        return key + " (environment " + String.join(" or ", environmentVariables) + ")";
    }

    /** Returns Camel's environment variable name for a property key. */
    static String camelEnvironmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
