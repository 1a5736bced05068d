package dev.kdnet.protocol.args;

import dev.kdnet.protocol.key.KdnetKey;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The command lines that use one fresh key, as {@code ./kdnet host keygen} and {@code ./kdnet target --newkey} both
 * print them: the key, then the bcdedit, host, WinDbg and simulated-target lines, labels aligned.
 *
 * <p>The bcdedit line is for a Windows target, so it shows a placeholder until the host's address is given. The
 * target line always names the target's own address ({@code --local-ip}), which a target on the host's machine
 * needs: without a host address, the one-machine setup on loopback (host 127.0.0.1, target 127.0.0.2); with a
 * loopback host address, the loopback address beside it; with another host address, a placeholder.
 */
public final class KeySetupLines {
    /** What the bcdedit line shows for the host's address when it is not given. */
    public static final String HOST_PLACEHOLDER = "<this machine's IPv4>";
    /** What the target line shows for the target's address when the host's is not on loopback. */
    public static final String LOCAL_PLACEHOLDER = "<the target's own IPv4>";
    /** The host of the one-machine setup. */
    public static final Inet4Address ONE_MACHINE_HOST = loopback(1);
    private static final String LABEL_FORMAT = "%-9s";
    private static final int LAST_OCTET = 3;
    private static final int HIGHEST_NEIGHBOUR = 254;

    private KeySetupLines() {
    }

    /**
     * The five lines for {@code key} on {@code port}.
     *
     * @param hostIp  the debugger host's address, if given
     * @param localIp the simulated target's own address, if given
     * @throws UsageException when the target's address is the host's (the target would poke itself)
     */
    public static List<String> of(KdnetKey key, int port, Optional<Inet4Address> hostIp,
            Optional<Inet4Address> localIp) {
        Inet4Address targetHost = hostIp.orElse(ONE_MACHINE_HOST);
        if (localIp.isPresent() && localIp.get().equals(targetHost)) {
            throw new UsageException("--local-ip " + targetHost.getHostAddress() + " is the host's address: give"
                    + " the target another one (e.g. 127.0.0.2 for a host on 127.0.0.1)");
        }
        String k = key.format();
        String bcdeditHost = hostIp.map(Inet4Address::getHostAddress).orElse(HOST_PLACEHOLDER);
        String targetLocal = localIp.or(() -> loopbackBeside(targetHost)).map(Inet4Address::getHostAddress)
                .orElse(LOCAL_PLACEHOLDER);
        return List.of(
                line("key:", k),
                line("bcdedit:", "bcdedit /dbgsettings net hostip:" + bcdeditHost + " port:" + port + " key:" + k),
                line("host:", "./kdnet host listen --port " + port + " --key " + k),
                line("WinDbg:", "windbg -k net:port=" + port + ",key=" + k),
                line("target:", "./kdnet target --hostip " + targetHost.getHostAddress() + " --local-ip "
                        + targetLocal + " --port " + port + " --key " + k));
    }

    /** The loopback address after {@code host} (before it when that is the last), or empty off loopback. */
    static Optional<Inet4Address> loopbackBeside(Inet4Address host) {
        if (!host.isLoopbackAddress()) {
            return Optional.empty();
        }
        byte[] address = host.getAddress();
        int last = address[LAST_OCTET] & 0xFF;
        address[LAST_OCTET] = (byte) (last < HIGHEST_NEIGHBOUR ? last + 1 : last - 1);
        return Optional.of(address(address));
    }

    private static String line(String label, String command) {
        return String.format(LABEL_FORMAT, label) + command;
    }

    private static Inet4Address loopback(int last) {
        return address(new byte[] {127, 0, 0, (byte) last});
    }

    private static Inet4Address address(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", impossible);
        }
    }
}
