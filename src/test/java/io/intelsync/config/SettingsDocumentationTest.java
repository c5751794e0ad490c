package io.intelsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Keeps {@code application.properties} and the README's settings table in step with {@link SettingCatalog}. */
class SettingsDocumentationTest {

    @Test
    void propertiesFileListsEverySettingWithItsDefault() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        }
        for (Setting setting : SettingCatalog.all()) {
            assertThat(properties.getProperty(setting.key())).as(setting.key()).isNotNull();
            String value = properties.getProperty(setting.key()).trim();
            // An empty value stands for a default derived from other settings, such as {opencti.url}/taxii2/root.
            if (!value.isEmpty() || !setting.defaultValue().contains("{")) {
                assertThat(value.replace("{{", "{").replace("}}", "}")).as(setting.key())
                        .isEqualTo(setting.defaultValue());
            }
            for (String variable : setting.environmentVariables()) {
                if (variable.startsWith(SettingCatalog.CONNECTOR_PREFIX) || !variable.equals(
                        Setting.camelEnvironmentName(setting.key()))) {
                    assertThat(Files.readString(Path.of("application.properties"))).as(variable)
                            .containsAnyOf(variable, "_" + variable.substring(SettingCatalog.CONNECTOR_PREFIX.length()));
                }
            }
        }
    }

    @Test
    void readmeTableListsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting setting : SettingCatalog.all()) {
            String row = "| `" + setting.key() + "` | "
                    + String.join("<br>", setting.environmentVariables().stream().map(v -> "`" + v + "`").toList())
                    + " | " + (setting.defaultValue().isEmpty() ? "" : "`" + setting.defaultValue() + "`") + " | "
                    + setting.unit() + " | ";
            assertThat(readme).as(setting.key()).contains(row);
        }
    }
}
