package io.intelsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a unified GC log written with {@code -Xlog:gc}, whose pause lines end like
 * {@code Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(64M) 3.123ms}.
 *
 * @param collections the number of GC pauses
 * @param fullCollections how many of them were full collections
 * @param maxUsedBeforeMb the highest heap occupancy before a pause, the peak that the log can show
 * @param maxUsedAfterMb the highest heap occupancy after a pause, the largest live set plus garbage
 *     that the collector left
 * @param maxCommittedMb the largest committed heap
 * @param totalPauseMs the sum of the pause times
 */
public record GcLog(int collections, int fullCollections, double maxUsedBeforeMb, double maxUsedAfterMb,
        double maxCommittedMb, double totalPauseMs) {

    private static final Pattern PAUSE = Pattern.compile(
            "Pause (\\w+).*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) (\\d+(?:\\.\\d+)?)ms");

    /** Reads a GC log. A missing file gives zeros. */
    public static GcLog read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new GcLog(0, 0, 0, 0, 0, 0);
        }
        List<String> lines = Files.readAllLines(file);
        int collections = 0;
        int full = 0;
        double before = 0;
        double after = 0;
        double committed = 0;
        double pause = 0;
        for (String line : lines) {
            Matcher matcher = PAUSE.matcher(line);
            if (!matcher.find()) {
                continue;
            }
            collections++;
            if (matcher.group(1).equals("Full")) {
                full++;
            }
            before = Math.max(before, megabytes(matcher.group(2), matcher.group(3)));
            after = Math.max(after, megabytes(matcher.group(4), matcher.group(5)));
            committed = Math.max(committed, megabytes(matcher.group(6), matcher.group(7)));
            pause += Double.parseDouble(matcher.group(8));
        }
        return new GcLog(collections, full, before, after, committed, pause);
    }

    private static double megabytes(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
