package io.intelsync.config;

import java.util.List;

/** Thrown at startup when settings are missing or invalid; the message lists every problem with its fix. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid settings:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns each problem as one sentence naming the setting and the fix. */
    public List<String> problems() {
        return problems;
    }
}
