package dev.kdnet.sim.cli;

import dev.kdnet.protocol.args.BusParams;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.sim.nic.AgentConfig;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checked settings of one {@code ./kdnet target} run, however they were written. {@link #toString()} shows
 * the key's fingerprint only.
 *
 * @param key             the KDNET key
 * @param hostIp          the debugger host
 * @param ports           one target per port
 * @param localIp         the address to bind, or empty for the one that routes to the host
 * @param ttl             the IP TTL of the target's datagrams
 * @param zeroUdpChecksum send UDP checksum 0 (as Windows does) rather than a computed one
 * @param busParams       the PCI location given, if any (reported, selects nothing)
 * @param noDhcp          {@code nodhcp} was given (reported, changes nothing)
 * @param kernel          what the simulated kernel is told
 * @param doctor          with {@code --doctor}: how long to try before the verdict; empty to run until stopped
 */
record TargetOptions(KdnetKey key, Inet4Address hostIp, PortRange ports, Optional<Inet4Address> localIp, int ttl,
        boolean zeroUdpChecksum, Optional<BusParams> busParams, boolean noDhcp, KernelSettings kernel,
        Optional<Duration> doctor) {
    TargetOptions {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(localIp, "localIp");
        Objects.requireNonNull(busParams, "busParams");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(doctor, "doctor");
    }

    /** One agent configuration per port, all bound to {@code local}. */
    List<AgentConfig> agentConfigs(Inet4Address local) {
        return ports.ports().stream().map(port -> AgentConfig.of(key, hostIp, port, local).withTtl(ttl)
                .withZeroUdpChecksum(zeroUdpChecksum)).toList();
    }
}
