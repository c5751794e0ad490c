package io.intelsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark reads from the service's console output: the counts of the {@code Sync finished}
 * line and the times of the cycle's stages. Each line starts with the time that the service's
 * {@code logback.xml} writes, such as {@code 2025-01-01T00:00:00.000Z}.
 *
 * @param finished the {@code key=value} pairs of the {@code Sync finished} line, empty when there is none
 * @param syncStarted the time of the {@code Sync started} line, or null
 * @param mapped the time of the {@code Mapped indicators} line, which follows the read, or null
 * @param syncFinished the time of the {@code Sync finished} line, or null
 * @param retries the number of {@code Retrying call} lines
 * @param errors the number of lines logged at ERROR
 */
public record ServiceLog(Map<String, String> finished, Instant syncStarted, Instant mapped, Instant syncFinished,
        int retries, int errors) {

    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\\S+)");

    /** Reads the console output of one service run. */
    public static ServiceLog read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, String> finished = new LinkedHashMap<>();
        Instant started = null;
        Instant mapped = null;
        Instant finishedAt = null;
        int retries = 0;
        int errors = 0;
        for (String line : lines) {
            if (line.contains(" ERROR ")) {
                errors++;
            }
            if (line.contains("Retrying call")) {
                retries++;
            }
            if (line.contains("Sync started cycle=")) {
                started = time(line);
            } else if (line.contains("Mapped indicators cycle=")) {
                mapped = time(line);
            } else if (line.contains("Sync finished cycle=")) {
                finishedAt = time(line);
                Matcher matcher = PAIR.matcher(line.substring(line.indexOf("Sync finished")));
                while (matcher.find()) {
                    finished.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        return new ServiceLog(finished, started, mapped, finishedAt, retries, errors);
    }

    /** Returns a count of the {@code Sync finished} line, or -1 when it is missing. */
    public long count(String key) {
        String value = finished.get(key);
        return value == null ? -1 : Long.parseLong(value);
    }

    private static Instant time(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        try {
            return OffsetDateTime.parse(line.substring(0, space)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
