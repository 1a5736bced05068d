package dev.kdnet.host.firewall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/** Whether this machine can take {@code --apply}: Linux, and the process running as root. */
public final class ThisMachine {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String UID_FIELD = "Uid:";

    private ThisMachine() {
    }

    /** True on Linux. */
    public static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** True when this process's effective user id is 0; false when it cannot tell. */
    public static boolean isRoot() {
        try {
            return effectiveUid(Files.readString(STATUS)).orElse(-1) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The effective user id in the text of {@code /proc/self/status} (its {@code Uid:} line lists real, effective,
     * saved and filesystem ids).
     */
    static OptionalInt effectiveUid(String status) {
        return status.lines().filter(line -> line.startsWith(UID_FIELD))
                .map(line -> line.substring(UID_FIELD.length()).trim().split("\\s+"))
                .filter(ids -> ids.length > 1 && ids[1].matches("[0-9]+"))
                .mapToInt(ids -> Integer.parseInt(ids[1])).findFirst();
    }
}
