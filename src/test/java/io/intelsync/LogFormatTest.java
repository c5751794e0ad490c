package io.intelsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/** Checks the console format of {@code logback.xml}, which every log line of the service goes through. */
class LogFormatTest {

    @Test
    void feedValueCannotForgeLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked") // logback.xml configures this appender
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        LayoutWrappingEncoder<ILoggingEvent> encoder = (LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder();
        LoggingEvent event = new LoggingEvent("test", root, Level.INFO,
                "Skipped indicator id={} reason=invalid-domain: {}", null,
                new Object[] {"indicator--1", "evil.example\n2026-01-01 INFO Sync finished status=complete\u001b[31m"
                        + "\u0085next\u2028line\u2029para\u202egnp"});

        String line = encoder.getLayout().doLayout(event);

        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b");
        assertThat(line).doesNotContain("\u0085").doesNotContain("\u2028").doesNotContain("\u2029")
                .doesNotContain("\u202e");
        assertThat(line).contains("evil.example | 2026-01-01 INFO Sync finished");
        assertThat(line).endsWith(System.lineSeparator());
    }
}
