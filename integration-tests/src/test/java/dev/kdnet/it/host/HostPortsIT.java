package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.EventSubscription;
import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.NotAttachedException;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.host.session.HostServer;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.sim.kernel.KernelConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several ports of one host, and a port whose target has another key. */
class HostPortsIT {
    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    void aTargetWithAnotherKeyIsDiagnosedAsAKeyMismatch() throws Exception {
        int port = LoopbackTarget.freePort();
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport, DebuggerAttachIT.loopbackHost(
                KdnetKey.parse("9.9.9.9"), List.of(port)).withSilenceWindow(Duration.ofMillis(500)),
                DebuggerSettings.defaults()));
        closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults()));
        Debugger debugger = host.debugger(port);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(debugger.diagnosis().lines())
                .anyMatch(l -> l.contains("from 127.0.0.2:" + port)
                        && l.contains("with valid MDBG headers, HMAC failed on all: the key does not match")));
        assertThatThrownBy(() -> debugger.attach(Duration.ofMillis(300))).isInstanceOf(NotAttachedException.class)
                .hasMessageContaining("the key does not match the target's");
        assertThat(debugger.stats().drops()).containsKey(DropReason.HMAC_MISMATCH);
    }

    @Test
    void aLostHandshakeAnswerIsAnsweredAgainAndNotTakenForAReboot() throws Exception {
        int port = LoopbackTarget.freePort();
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(port)), DebuggerSettings.defaults()));
        RecordingRelay relay = closer.add(new RecordingRelay(new InetSocketAddress(LoopbackTarget.loopback(3), port),
                new InetSocketAddress(LoopbackTarget.loopback(1), port)));
        relay.loseTowardsTarget(1);
        Debugger debugger = host.debugger(port);
        try (EventSubscription events = debugger.subscribe()) {
            LoopbackTarget target = closer.add(LoopbackTarget.towards(3, DebuggerAttachIT.KEY, port, 2,
                    KernelConfig.defaults()));

            KernelVersion version = debugger.attach(DebuggerAttachIT.ATTACH);

            assertThat(version.kernelBase()).isEqualTo(target.kernel().version().kernBase());
            assertThat(debugger.stats().handshakes()).as("the lost answer, then the one the target took")
                    .isEqualTo(2);
            List<DebuggerEvent> seen = new ArrayList<>();
            for (var event = events.poll(Duration.ZERO); event.isPresent(); event = events.poll(Duration.ZERO)) {
                seen.add(event.get());
            }
            assertThat(seen).as("events").noneMatch(
                    e -> e instanceof DebuggerEvent.Rebooted || e instanceof DebuggerEvent.Reattached);
        }
    }

    @Test
    void threeTargetsOnThreePortsAreAttachedAndIsolated() throws Exception {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < 3) {
            int port = LoopbackTarget.freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, ports), DebuggerSettings.defaults()));
        List<LoopbackTarget> targets = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            LoopbackTarget target = new LoopbackTarget(DebuggerAttachIT.KEY, ports.get(i), 2 + i,
                    KernelConfig.defaults());
            closer.add(target);
            targets.add(target);
        }
        try (DatagramSocket junk = new DatagramSocket(0, InetAddress.getByName("127.0.0.9"))) {
            byte[] garbage = "not kdnet at all".getBytes();
            for (int i = 0; i < 20; i++) {
                junk.send(new DatagramPacket(garbage, garbage.length, InetAddress.getByName("127.0.0.1"),
                        ports.get(0)));
            }
        }
        for (int i = 0; i < ports.size(); i++) {
            Debugger debugger = host.debugger(ports.get(i));
            KernelVersion version = debugger.attach(DebuggerAttachIT.ATTACH);
            assertThat(version.kernelBase()).isEqualTo(targets.get(i).kernel().version().kernBase());
            assertThat(debugger.readVirtual(version.kernelBase(), 0x1000).bytes())
                    .isEqualTo(targets.get(i).kernel().memory().read(version.kernelBase(), 0x1000));
            assertThat(debugger.stats().handshakes()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                host.debugger(ports.get(0)).stats().drops().get(DropReason.BAD_MAGIC)).isEqualTo(20L));
        assertThat(host.debugger(ports.get(1)).stats().totalDrops()).isZero();
        assertThat(host.debugger(ports.get(2)).stats().totalDrops()).isZero();
    }

    @Test
    void aHostOnTheWildcardAddressSharesItsPortWithATargetOnTheSameMachine() throws Exception {
        int port = LoopbackTarget.freePort();
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                HostConfig.of(DebuggerAttachIT.KEY, List.of(port)), DebuggerSettings.defaults()));
        LoopbackTarget target = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2,
                KernelConfig.defaults()));
        KernelVersion version = host.debugger(port).attach(DebuggerAttachIT.ATTACH);
        assertThat(version.kernelBase()).isEqualTo(target.kernel().version().kernBase());
    }

    @Test
    void aHostThatKnowsTheTargetContactsItInsteadOfWaitingForItsNextPoke() throws Exception {
        int port = LoopbackTarget.freePort();
        LoopbackTarget target = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2, KernelConfig.defaults(),
                Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(5)).until(() -> target.agent().stats().pokesSent() >= 1);
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(port))
                        .withKnownTarget((Inet4Address) InetAddress.getByName("127.0.0.2")),
                DebuggerSettings.defaults()));
        KernelVersion version = host.debugger(port).attach(DebuggerAttachIT.ATTACH);
        assertThat(version.kernelBase()).isEqualTo(target.kernel().version().kernBase());
        assertThat(target.agent().stats().pokeRequests()).as("empty control datagrams that made it poke at once")
                .isPositive();
    }

    @Test
    void datagramsWaitInTheSocketUntilTheServerStartsSoNoHandshakeRunsBeforeItsListener() throws Exception {
        int port = LoopbackTarget.freePort();
        HostServer server = HostServer.bind(closer.transport, DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY,
                List.of(port)));
        try {
            LoopbackTarget target = closer.add(new LoopbackTarget(DebuggerAttachIT.KEY, port, 2,
                    KernelConfig.defaults()));
            await().atMost(Duration.ofSeconds(5)).until(() -> target.agent().stats().pokesSent() >= 2);
            assertThat(server.session(port).stats().datagramsIn()).as("pokes read before start").isZero();

            server.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> server.session(port).stats().handshakes() >= 1);
        } finally {
            server.close();
        }
    }
}
