package io.intelsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The CPU time used by all processes of the machine, from the first line of Linux's {@code /proc/stat}. */
final class MachineCpu {

    /** Clock ticks per second of {@code /proc/stat}, which counts in USER_HZ. */
    // NOTE: USER_HZ is assumed to be 100 (getconf CLK_TCK shows it), because Java cannot read sysconf.
    private static final long TICKS_PER_SECOND = 100;

    private MachineCpu() {
    }

    /** Returns the busy time of all cores since boot (user, nice, system, irq and softirq), or zero outside Linux. */
    static Duration busyTime() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busyTicks = 0;
            // The fields after "cpu" are user, nice, system, idle, iowait, irq and softirq, then steal and guest.
            for (int i = 1; i <= 7 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busyTicks += Long.parseLong(fields[i]);
                }
            }
            return Duration.ofMillis(busyTicks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
