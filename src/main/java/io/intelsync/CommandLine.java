package io.intelsync;

import java.util.List;

/**
 * The command-line options of the service.
 *
 * @param once run one cycle and exit with its status
 * @param sandbox start the emulators and point every setting the user has not set at them
 * @param emulatorsOnly start only the emulators and keep them running
 * @param dryRun plan and log, but send no write to Defender
 * @param replayDeadLetters send the still-wanted failed imports of the dead-letter files again and exit
 * @param help print the usage and exit
 */
public record CommandLine(boolean once, boolean sandbox, boolean emulatorsOnly, boolean dryRun,
        boolean replayDeadLetters, boolean help) {

    /** The usage text printed by {@code --help} and after an unknown option. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar defender-intel-synchronizer.jar [--once | --replay-dead-letters] [--sandbox] [--dry-run]",
            "       java -jar defender-intel-synchronizer.jar --emulators | --help",
            "",
            "Runs the Defender Intel Synchronizer with application.properties and routes/ from the working directory.",
            "",
            "  --once        run one sync cycle and exit: 0 when it completed, 1 when it was partial, 2 when it failed",
            "  --sandbox     start the TAXII, Entra and Defender emulators on 127.0.0.1 and use them for every",
            "                endpoint and credential that is not set in the environment",
            "  --dry-run     plan each cycle and log it, but send no write to Defender (defender.passive-only)",
            "  --replay-dead-letters",
            "                send again the failed imports in the dead-letter files whose indicator the last",
            "                cycle's selection still wants, clear their lines, and exit with the status of --once",
            "  --emulators   start only the emulators, print their URLs and credentials, and run until stopped",
            "  --help        print this text",
            "",
            "Exit status 64 means a wrong option, 78 a missing or invalid setting or a TAXII collection that cannot be read.");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the first unknown or conflicting option
     */
    public static CommandLine parse(String... args) {
        boolean once = false;
        boolean sandbox = false;
        boolean emulators = false;
        boolean dryRun = false;
        boolean replay = false;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--once" -> once = true;
                case "--sandbox" -> sandbox = true;
                case "--emulators" -> emulators = true;
                case "--dry-run" -> dryRun = true;
                case "--replay-dead-letters" -> replay = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        if (emulators && (once || sandbox || dryRun || replay)) {
            throw new IllegalArgumentException("--emulators runs only the emulators; it cannot be combined with "
                    + List.of("--once", "--sandbox", "--dry-run", "--replay-dead-letters"));
        }
        if (replay && once) {
            throw new IllegalArgumentException("--replay-dead-letters runs a replay instead of a cycle; use it without "
                    + "--once");
        }
        return new CommandLine(once, sandbox, emulators, dryRun, replay, help);
    }
}
