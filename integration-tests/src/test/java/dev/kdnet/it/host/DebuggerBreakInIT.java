package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.Stop;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.TargetAgent;
import dev.kdnet.sim.stub.KdEndpoint;
import dev.kdnet.sim.stub.KdEndpointFactory;
import dev.kdnet.sim.stub.KdStub;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A break-in byte can be lost, and nothing acknowledges it: the debugger sends it again until the target stops. On
 * loopback, against a simulated target whose stub never sees the first break-in bytes, as if the network lost them.
 */
class DebuggerBreakInIT {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final int LOST = 2;
    private static final Duration ATTACH = Duration.ofSeconds(10);
    /** Ample for a datagram on loopback to arrive. */
    private static final Duration IN_FLIGHT = Duration.ofMillis(100);

    /** Counts the break-in bytes that reach the target and hides the first {@link #LOST} of them from the stub. */
    private static final class LosingBreakIns implements KdEndpoint {
        private final KdEndpoint stub;
        private final AtomicInteger breakIns;

        LosingBreakIns(KdEndpoint stub, AtomicInteger breakIns) {
            this.stub = stub;
            this.breakIns = breakIns;
        }

        @Override
        public void hostConnected(KdLink.Output output) {
            stub.hostConnected(output);
        }

        @Override
        public void receive(KdBody body) {
            if (body instanceof BreakIn && breakIns.incrementAndGet() <= LOST) {
                return;
            }
            stub.receive(body);
        }

        @Override
        public KdLinkStats stats() {
            return stub.stats();
        }

        @Override
        public void close() {
            stub.close();
        }
    }

    private static Inet4Address loopback(int lastByte) throws Exception {
        return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte});
    }

    @Test
    @Timeout(30)
    void theBreakInByteGoesOutAgainUntilTheTargetStopsAndNoMoreAfterwards() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, loopback(1))) {
            port = probe.getLocalPort();
        }
        AtomicInteger breakIns = new AtomicInteger();
        KdEndpointFactory stubs = KdStub.factory(KernelConfig.defaults());
        KdEndpointFactory losing = (scheduler, reboot) -> new LosingBreakIns(stubs.boot(scheduler, reboot), breakIns);
        DebuggerSettings settings = DebuggerSettings.defaults();
        try (UdpTransport transport = UdpTransport.create(1);
                DebuggerHost host = DebuggerHost.start(transport,
                        HostConfig.of(KEY, List.of(port)).withBindAddress(loopback(1)), settings);
                TargetAgent target = TargetAgent.start(transport, AgentConfig.of(KEY, loopback(1), port, loopback(2))
                        .withPokeInterval(Duration.ofMillis(200)), losing)) {
            Debugger debugger = host.debugger(port);
            debugger.attach(ATTACH);
            assertThat(breakIns).as("the target stops by itself at attach").hasValue(0);

            debugger.go();
            Stop stop = debugger.breakIn();
            assertThat(stop.exceptionCode()).isEqualTo(NtStatus.BREAKPOINT);
            Thread.sleep(IN_FLIGHT.toMillis());
            int sent = breakIns.get();
            assertThat(sent).as("sent again until one was not lost").isGreaterThan(LOST);

            Thread.sleep(settings.breakInRepeat().multipliedBy(3).toMillis());
            assertThat(breakIns).as("no break-in byte after the stop").hasValue(sent);
            assertThat(debugger.stop()).isEqualTo(stop);
        }
    }
}
