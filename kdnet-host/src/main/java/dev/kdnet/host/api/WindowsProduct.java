package dev.kdnet.host.api;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The Windows product a kernel build number belongs to, from the public release build numbers (an NT kernel
 * reports its build as GetVersion64's MinorVersion): 7600 is Windows 7, 9600 Windows 8.1, 10240 and later Windows
 * 10, 22000 and later Windows 11. Client and server releases that share a kernel build are both named.
 */
public final class WindowsProduct {
    /** The first build of each product line, and the product it names. */
    private static final NavigableMap<Integer, String> FIRST_BUILDS = new TreeMap<>(Map.ofEntries(
            Map.entry(2600, "Windows XP"),
            Map.entry(3790, "Windows XP x64 / Server 2003"),
            Map.entry(6000, "Windows Vista"),
            Map.entry(6001, "Windows Vista / Server 2008"),
            Map.entry(7600, "Windows 7 / Server 2008 R2"),
            Map.entry(9200, "Windows 8 / Server 2012"),
            Map.entry(9600, "Windows 8.1 / Server 2012 R2"),
            Map.entry(10240, "Windows 10"),
            Map.entry(22000, "Windows 11")));
    /** Server releases whose kernel build is shared with a Windows 10 or 11 release, or is a server's own. */
    private static final Map<Integer, String> SHARED_BUILDS = Map.of(
            14393, "Windows 10 / Server 2016",
            17763, "Windows 10 / Server 2019",
            20348, "Windows Server 2022",
            26100, "Windows 11 / Server 2025");

    private WindowsProduct() {
    }

    /** The product of kernel build {@code build}, or "Windows NT build N" for a build older than Windows XP. */
    public static String of(int build) {
        String shared = SHARED_BUILDS.get(build);
        if (shared != null) {
            return shared;
        }
        Map.Entry<Integer, String> line = FIRST_BUILDS.floorEntry(build);
        return line != null ? line.getValue() : "Windows NT build " + build;
    }
}
