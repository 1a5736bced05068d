package dev.kdnet.sim.stub;

import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.testing.ManualScheduler;
import dev.kdnet.sim.kernel.KernelConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link KdStub} and a host-role {@link KdLink} joined in memory on one virtual clock, with what the host
 * received sorted into replies, state changes and prints.
 */
final class StubHarness {
    final ManualScheduler clock = new ManualScheduler();
    final Deque<ManipulateState64> replies = new ArrayDeque<>();
    final Deque<StateChange64> stateChanges = new ArrayDeque<>();
    final Deque<String> prints = new ArrayDeque<>();
    int reboots;
    final KdStub stub;
    final KdLink host;

    StubHarness(KernelConfig config) {
        stub = (KdStub) KdStub.factory(config).boot(clock, () -> reboots++);
        host = new KdLink(KdRole.HOST, KdLinkConfig.defaults(KdRole.HOST), clock,
                body -> clock.schedule(() -> stub.receive(body), 0), new KdLink.Listener() {
                    @Override
                    public void onPacket(KdPacket packet) {
                        ByteBuffer payload = packet.payload();
                        if (packet.type().equals(KdPacketType.STATE_MANIPULATE)) {
                            replies.add(ManipulateState64.decode(payload).orElseThrow());
                        } else if (packet.type().equals(KdPacketType.STATE_CHANGE64)) {
                            stateChanges.add(StateChange64.decode(payload).orElseThrow());
                        } else if (packet.type().equals(KdPacketType.DEBUG_IO)) {
                            prints.add(DebugIo.decode(payload).orElseThrow().text());
                        }
                    }
                });
        stub.hostConnected(body -> clock.schedule(() -> host.receive(body), 0));
    }

    /** Lets {@code time} pass on the virtual clock. */
    void run(Duration time) {
        clock.advance(time);
    }

    /** Sends {@code request} and returns its reply. */
    ManipulateState64 call(ManipulateState64 request) {
        send(request);
        run(Duration.ofMillis(5));
        if (replies.isEmpty()) {
            throw new AssertionError("no reply to " + request.api());
        }
        return replies.removeFirst();
    }

    /** Sends {@code request} without expecting a reply. */
    void send(ManipulateState64 request) {
        host.send(KdPacketType.STATE_MANIPULATE, request.encode());
    }

    /** The next state change, letting up to {@code within} pass for it. */
    StateChange64 nextStateChange(Duration within) {
        for (long waited = 0; waited < within.toMillis() && stateChanges.isEmpty(); waited += 10) {
            run(Duration.ofMillis(10));
        }
        if (stateChanges.isEmpty()) {
            throw new AssertionError("no state change within " + within);
        }
        return stateChanges.removeFirst();
    }
}
