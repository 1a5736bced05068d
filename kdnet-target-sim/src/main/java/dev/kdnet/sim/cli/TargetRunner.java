package dev.kdnet.sim.cli;

import dev.kdnet.protocol.args.LocalAddress;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.netty.UdpSocketOptions;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.doctor.PathVerdict;
import dev.kdnet.sim.doctor.TargetDoctor;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.LocalRoute;
import dev.kdnet.sim.nic.TargetFleet;
import dev.kdnet.sim.stub.KdEndpointFactory;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the targets for real: a kernel factory from {@link KernelEndpoints}, one agent per port on one epoll
 * transport, until Ctrl-C or SIGTERM, when a shutdown hook closes the agents and the transport; with --doctor, one
 * agent for a bounded time, then the verdict line on stdout.
 */
final class TargetRunner implements TargetLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(TargetRunner.class);

    private final PrintStream out;

    /** A runner that prints the doctor's verdict on {@code out}. */
    TargetRunner(PrintStream out) {
        this.out = out;
    }

    @Override
    public int launch(TargetOptions options) throws InterruptedException {
        Inet4Address localIp = localIp(options);
        List<AgentConfig> configs = options.agentConfigs(localIp);
        KdEndpointFactory kernels = KernelEndpoints.factory(options.kernel());
        report(options, localIp);
        if (options.doctor().isPresent()) {
            return diagnose(configs.get(0), kernels, options.doctor().get());
        }
        UdpTransport transport = UdpTransport.create(Math.min(configs.size(),
                Runtime.getRuntime().availableProcessors()));
        TargetFleet fleet;
        try {
            fleet = TargetFleet.start(transport, configs, kernels);
        } catch (InterruptedException | RuntimeException e) {
            transport.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping {} target{}", configs.size(), configs.size() == 1 ? "" : "s");
            fleet.close();
            transport.close();
        }, "kdnet-target-shutdown"));
        LOG.info("running; Ctrl-C stops");
        transport.group().terminationFuture().syncUninterruptibly();
        return 0;
    }

    private int diagnose(AgentConfig config, KdEndpointFactory kernels, Duration limit) throws InterruptedException {
        LOG.info("doctor: trying for at most {} s", limit.toSeconds());
        try (UdpTransport transport = UdpTransport.create(1)) {
            PathVerdict verdict = TargetDoctor.diagnose(transport, config, kernels, limit);
            out.println(verdict.line());
            out.flush();
            return verdict.exitCode();
        }
    }

    /**
     * --local-ip if this machine has it, or the address that routes to the host; never the host's own (pokes would
     * loop back).
     */
    private static Inet4Address localIp(TargetOptions options) {
        Inet4Address localIp = options.localIp().map(ip -> LocalAddress.check("--local-ip", ip))
                .orElseGet(() -> routeTowards(options));
        if (localIp.equals(options.hostIp())) {
            throw new UsageException("the target would use the host's own address " + localIp.getHostAddress()
                    + " and send its pokes to itself; give it another one with --local-ip (e.g. 127.0.0.2 for a"
                    + " host on 127.0.0.1)");
        }
        return localIp;
    }

    private static Inet4Address routeTowards(TargetOptions options) {
        try {
            return LocalRoute.towards(options.hostIp(), options.ports().first());
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage() + "; give the target's address with --local-ip");
        }
    }

    private static void report(TargetOptions options, Inet4Address localIp) {
        int count = options.ports().ports().size();
        LOG.info("{} simulated target{} at {} port {} for host {}, key fp {}, Windows build {}, {} CPU{}", count,
                count == 1 ? "" : "s", localIp.getHostAddress(), options.ports(),
                options.hostIp().getHostAddress(), options.key().fingerprint(), options.kernel().build(),
                options.kernel().cpus(), options.kernel().cpus() == 1 ? "" : "s");
        options.busParams().ifPresent(bus -> LOG.info("busparams {} accepted; it selects nothing in the simulator",
                bus));
        if (options.noDhcp()) {
            LOG.info("nodhcp accepted; the simulator has no DHCP client and uses {}", localIp.getHostAddress());
        }
        if (!options.zeroUdpChecksum()) {
            LOG.info("sending with a computed UDP checksum instead of Windows' 0 (--udp-checksum)");
        }
        if (options.ttl() != UdpSocketOptions.TARGET_TTL) {
            LOG.info("sending with IP TTL {} instead of Windows' {} (--ttl, a testing aid)", options.ttl(),
                    UdpSocketOptions.TARGET_TTL);
        }
    }
}
