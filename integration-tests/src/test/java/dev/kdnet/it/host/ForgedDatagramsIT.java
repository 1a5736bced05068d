package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.EventSubscription;
import dev.kdnet.host.session.SessionStats;
import dev.kdnet.host.shell.Shell;
import dev.kdnet.it.host.Forgeries.Injection;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.nic.AgentStats;
import dev.kdnet.sim.stub.KdStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An attacker in the middle of a live session (a {@link RecordingRelay} the host and the target take for each
 * other) records its datagrams, then sends them again and forges others, at the host and at the target: nothing
 * reaches the debugger, the KD link or the target's kernel, each datagram is counted under its reason on the side it
 * was sent to ({@code .kdstats}, {@code AgentStats}), and the session works on. A second target on another port with
 * the same key gives datagrams authentic under another session's data key.
 */
class ForgedDatagramsIT {
    private static final int HOST = 1;
    private static final int TARGET = 2;
    private static final int RELAY = 3;
    private static final int OTHER_TARGET = 4;
    private static final int OTHER_RELAY = 5;
    private static final int SCRATCH_LENGTH = 600;
    private static final long FIRST_RAX = 0x1111_1111L;
    private static final long SECOND_RAX = 0x2222_2222L;
    private static final Duration EACH_DROP = Duration.ofSeconds(3);
    private static final SessionKeys ROOT = SessionKeys.of(DebuggerAttachIT.KEY);

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    /** A target on 127.0.0.{targetByte}:port behind a recording relay on 127.0.0.{relayByte}:port. */
    private record Tapped(RecordingRelay relay, LoopbackTarget target) {
        static Tapped open(Closer closer, int port, int relayByte, int targetByte) throws Exception {
            RecordingRelay relay = closer.add(new RecordingRelay(
                    new InetSocketAddress(LoopbackTarget.loopback(relayByte), port),
                    new InetSocketAddress(LoopbackTarget.loopback(HOST), port)));
            LoopbackTarget target = closer.add(LoopbackTarget.towards(relayByte, DebuggerAttachIT.KEY, port,
                    targetByte, KernelConfig.defaults()));
            return new Tapped(relay, target);
        }

        /** The session's keys, from the host's response the relay saw (the data key is SHA-256(K || response)). */
        SessionKeys keys() {
            byte[] response = on(Channel.CONTROL, relay.towardsTarget()).get(0);
            return ROOT.withDataKey(DataKey.derive(DebuggerAttachIT.KEY, opened(ROOT, response).body()));
        }

        /** The pokes the target sent so far, waiting until there are {@code count}. */
        List<byte[]> pokes(int count) {
            return await().atMost(Duration.ofSeconds(5)).until(() -> on(Channel.CONTROL, relay.towardsHost()),
                    pokes -> pokes.size() >= count);
        }
    }

    @Test
    @Timeout(60)
    void replayedAndForgedDatagramsChangeNothingAndAreCountedByReason() throws Exception {
        int port = LoopbackTarget.freePort();
        int otherPort = LoopbackTarget.freePort();
        while (otherPort == port) {
            otherPort = LoopbackTarget.freePort();
        }
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(port, otherPort)),
                DebuggerSettings.defaults()));
        Tapped tapped = Tapped.open(closer, port, RELAY, TARGET);
        Tapped other = Tapped.open(closer, otherPort, OTHER_RELAY, OTHER_TARGET);
        Debugger debugger = host.debugger(port);
        long kernelBase = debugger.attach(DebuggerAttachIT.ATTACH).kernelBase();
        Debugger otherDebugger = host.debugger(otherPort);
        otherDebugger.attach(DebuggerAttachIT.ATTACH);
        otherDebugger.readVirtual(otherDebugger.version().kernelBase(), 0x1000);

        SimulatedKernel kernel = tapped.target().kernel();
        long scratch = debugger.context(0).get(X64Register.RSP) - 0x2000;
        byte[] first = pattern(1);
        byte[] second = pattern(2);
        debugger.writeVirtual(scratch, first);
        debugger.writeVirtual(scratch, second);
        debugger.setRegister(0, X64Register.RAX, FIRST_RAX);
        debugger.setRegister(0, X64Register.RAX, SECOND_RAX);
        assertThat(debugger.readVirtual(kernelBase, 0x2000).bytes()).isEqualTo(kernel.memory().read(kernelBase,
                0x2000));
        assertThat(kernel.memory().read(scratch, SCRATCH_LENGTH)).as("a replayed first write would show")
                .isEqualTo(second);
        X64Context context = kernel.context(0);
        assertThat(context.get(X64Register.RAX)).as("a replayed first SetContext would show").isEqualTo(SECOND_RAX);

        await().atMost(Duration.ofSeconds(5)).alias("the target's last reply is ACKed: nothing left to resend")
                .until(() -> tapped.target().onStub(KdStub::isLinkIdle));
        SessionStats hostBefore = debugger.stats();
        KdLinkStats linkBefore = hostBefore.link().orElseThrow();
        AgentStats targetBefore = tapped.target().agent().stats();
        assertThat(hostBefore.drops()).isEmpty();
        assertThat(targetBefore.drops()).isEmpty();

        List<byte[]> pokes = tapped.pokes(3);
        assertThat(((Poke) ControlMessage.decode(opened(ROOT, pokes.get(0)).body()).orElseThrow()).isUnbound())
                .as("the first poke, which a host answers").isTrue();
        List<byte[]> towardsHost = tapped.relay().towardsHost();
        List<byte[]> towardsTarget = tapped.relay().towardsTarget();
        List<byte[]> hostData = on(Channel.DATA, towardsHost);
        List<byte[]> targetData = on(Channel.DATA, towardsTarget);
        SessionKeys keys = tapped.keys();
        List<byte[]> otherToHost = lastThree(on(Channel.DATA, other.relay().towardsHost()));
        List<byte[]> otherToTarget = lastThree(on(Channel.DATA, other.relay().towardsTarget()));
        SessionKeys otherKeys = other.keys();
        assertThat(otherToHost).as("authentic under the other session's data key")
                .allSatisfy(wire -> opened(otherKeys, wire));
        assertThat(otherToTarget).allSatisfy(wire -> opened(otherKeys, wire));
        Forgeries atHost = new Forgeries(keys)
                .replays("target data", hostData, DropReason.STALE_SEQUENCE)
                .replays("target poke", on(Channel.CONTROL, towardsHost), DropReason.STALE_SEQUENCE)
                .reflected(last(targetData))
                .underWrongKey("last target data", last(hostData))
                .underWrongKey("first poke", on(Channel.CONTROL, towardsHost).get(0))
                .bitFlips(last(hostData))
                .truncations(largest(hostData))
                .oversized(last(hostData))
                .fromAnotherSession(otherToHost);
        Forgeries atTarget = new Forgeries(keys)
                .replays("host data", targetData, DropReason.STALE_SEQUENCE)
                .replays("host response", on(Channel.CONTROL, towardsTarget), DropReason.UNKNOWN_NONCE)
                .reflected(last(hostData))
                .underWrongKey("last host data", last(targetData))
                .underWrongKey("host response", on(Channel.CONTROL, towardsTarget).get(0))
                .bitFlips(last(targetData))
                .truncations(largest(targetData))
                .oversized(last(targetData))
                .fromAnotherSession(otherToTarget);

        try (EventSubscription events = debugger.subscribe()) {
            inject(atHost.injections(), tapped.relay()::sendToHost, () -> debugger.stats().drops());
            inject(atTarget.injections(), tapped.relay()::sendToTarget,
                    () -> tapped.target().agent().stats().drops());
            assertThat(events.poll(Duration.ofMillis(300))).as("no debugger event").isEmpty();
        }

        SessionStats hostAfter = debugger.stats();
        AgentStats targetAfter = tapped.target().agent().stats();
        assertThat(hostAfter.drops()).isEqualTo(atHost.counts());
        assertThat(targetAfter.drops()).isEqualTo(atTarget.counts());
        assertThat(hostAfter.link()).as("nothing reached the KD link").contains(linkBefore);
        assertThat(hostAfter.handshakes()).isEqualTo(hostBefore.handshakes());
        assertThat(targetAfter.handshakes()).isEqualTo(targetBefore.handshakes());
        assertThat(targetAfter.dataDelivered()).isEqualTo(targetBefore.dataDelivered());
        assertThat(targetAfter.dataSent()).isEqualTo(targetBefore.dataSent());
        assertThat(targetAfter.boots()).isEqualTo(1);
        assertThat(targetAfter.dataKeyFingerprint()).isEqualTo(targetBefore.dataKeyFingerprint());
        assertThat(kernel.memory().read(scratch, SCRATCH_LENGTH)).isEqualTo(second);
        assertThat(kernel.context(0)).isEqualTo(context);
        assertThat(debugger.isStopped()).isTrue();
        assertThat(kdstatsDrops(debugger)).isEqualTo("drops: " + describe(atHost.counts()));

        assertThat(debugger.readVirtual(scratch, SCRATCH_LENGTH).bytes()).as("the session works on")
                .isEqualTo(second);
        assertThat(debugger.stats().link().orElseThrow().delivered()).isGreaterThan(linkBefore.delivered());
        assertThat(otherDebugger.stats().totalDrops()).as("the other port saw none of it").isZero();
        System.out.printf("forged datagrams: %d at the host %s, %d at the target %s%n",
                atHost.injections().size(), atHost.counts(), atTarget.injections().size(), atTarget.counts());
    }

    /** Sends each injection and waits until the receiver counted exactly one more drop, under its reason. */
    private static void inject(List<Injection> injections, Consumer<byte[]> send,
            Supplier<Map<DropReason, Long>> drops) {
        Map<DropReason, Long> expected = new EnumMap<>(DropReason.class);
        expected.putAll(drops.get());
        for (Injection injection : injections) {
            send.accept(injection.wire());
            expected.merge(injection.reason(), 1L, Long::sum);
            Map<DropReason, Long> now = Map.copyOf(expected);
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(EACH_DROP)
                    .alias(injection.what() + " is dropped as " + injection.reason())
                    .until(drops::get, now::equals);
        }
    }

    /** The drops line of the shell's {@code .kdstats}. */
    private static String kdstatsDrops(Debugger debugger) {
        StringWriter text = new StringWriter();
        assertThat(new Shell(debugger, new PrintWriter(text), Duration.ofSeconds(5)).execute(".kdstats")).isTrue();
        return text.toString().lines().filter(line -> line.startsWith("drops:")).findFirst().orElseThrow();
    }

    /** Counts by reason as {@code .kdstats} words them: in the order of {@link DropReason}. */
    private static String describe(Map<DropReason, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().description() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The datagram {@code wire} opened with {@code keys}; fails the test if it does not open. */
    private static Datagram opened(SessionKeys keys, byte[] wire) {
        OpenOutcome outcome = new DatagramCrypto().open(keys, ByteBuffer.wrap(wire));
        assertThat(outcome).isInstanceOf(OpenOutcome.Opened.class);
        return ((OpenOutcome.Opened) outcome).datagram();
    }

    private static List<byte[]> on(Channel channel, List<byte[]> datagrams) {
        return datagrams.stream().filter(d -> d[5] == channel.wireValue()).toList();
    }

    private static byte[] last(List<byte[]> datagrams) {
        return datagrams.get(datagrams.size() - 1);
    }

    private static List<byte[]> lastThree(List<byte[]> datagrams) {
        return datagrams.subList(datagrams.size() - 3, datagrams.size());
    }

    private static byte[] largest(List<byte[]> datagrams) {
        return datagrams.stream().max(Comparator.comparingInt(d -> d.length)).orElseThrow();
    }

    private static byte[] pattern(int seed) {
        byte[] bytes = new byte[SCRATCH_LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + seed * 31);
        }
        return bytes;
    }
}
