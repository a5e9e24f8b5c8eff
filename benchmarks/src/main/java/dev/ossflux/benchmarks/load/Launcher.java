package dev.ossflux.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the harness's child JVMs each in a session of its own ({@code setsid}), where Linux has it.
 * With autogrouping on (the default), the scheduler then shares the cores among sessions before
 * threads: a contender with 256 threads gets no more CPU against the emulator and against other
 * work on the machine than one with 4, as it would not on a machine of its own.
 */
final class Launcher {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Launcher() {
    }

    static List<String> command(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> own = new ArrayList<>(command.size() + 1);
        own.add(SETSID.toString());
        own.addAll(command);
        return own;
    }

    /** Whether children get sessions of their own, for the report. */
    static boolean ownSessions() {
        return Files.isExecutable(SETSID);
    }
}
