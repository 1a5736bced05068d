package dev.kdnet.host.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether this process runs as root, which building namespaces, firewall rules and IPsec policies needs. */
public final class RootCheck {
    private static final Path STATUS = Path.of("/proc/self/status");
    /** The {@code Uid:} line of {@code /proc/self/status}: real, effective, saved and filesystem user ids. */
    private static final Pattern EFFECTIVE_UID = Pattern.compile("(?m)^Uid:\\s+\\d+\\s+(\\d+)");

    private RootCheck() {
    }

    /** Whether the effective user id is 0; false where {@code /proc} does not say (not Linux). */
    public static boolean isRoot() {
        try {
            return effectiveUidIsZero(Files.readString(STATUS));
        } catch (IOException notLinux) {
            return false;
        }
    }

    /** Whether the text of {@code /proc/self/status} gives effective user id 0. */
    static boolean effectiveUidIsZero(String status) {
        Matcher matcher = EFFECTIVE_UID.matcher(status);
        return matcher.find() && matcher.group(1).equals("0");
    }
}
