package io.intelsync.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks up the value of a {@link Setting}: the first of its environment variables that is set, else the
 * value in {@code application.properties} (or a JVM system property), else the setting's default.
 *
 * <p>Environment variables are read here rather than through Camel's placeholders because a JSON value
 * such as a collection map contains {@code }}}, which Camel's placeholder parser rejects.
 */
public final class SettingsSource {

    private final Map<String, String> environment;
    private final Function<String, Optional<String>> propertyLookup;

    /**
     * @param environment the process environment, {@link System#getenv()} outside tests
     * @param propertyLookup resolves a key from the properties file and JVM system properties
     */
    public SettingsSource(Map<String, String> environment, Function<String, Optional<String>> propertyLookup) {
        this.environment = Map.copyOf(environment);
        this.propertyLookup = Objects.requireNonNull(propertyLookup, "propertyLookup");
    }

    /** Returns the trimmed value of the setting, or an empty string when it is unset and has no default. */
    public String value(Setting setting) {
        Optional<String> fromEnvironment = environmentValue(setting);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        Optional<String> fromProperties = propertyLookup.apply(setting.key()).map(String::trim).filter(v -> !v.isEmpty());
        return fromProperties.orElse(setting.defaultValue());
    }

    /** Returns the value of the first environment variable of the setting that is set to a non-blank value. */
    public Optional<String> environmentValue(Setting setting) {
        for (String name : setting.environmentVariables()) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether the user set the setting outside {@code application.properties}: in the environment or
     * as a JVM system property. The sandbox replaces only settings that are not set this way.
     */
    public boolean isSetExplicitly(Setting setting) {
        String systemProperty = System.getProperty(setting.key());
        return environmentValue(setting).isPresent() || (systemProperty != null && !systemProperty.isBlank());
    }
}
