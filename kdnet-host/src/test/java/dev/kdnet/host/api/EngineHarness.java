package dev.kdnet.host.api;

import dev.kdnet.host.session.PokeDecision;
import dev.kdnet.host.session.TargetLink;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A {@link DebuggerEngine} and a {@link ScriptedTarget} joined in memory by a host-role and a target-role
 * {@link KdLink} on one virtual clock, with a wire that loses what a test says in either direction. Each
 * {@link #handshake()} starts a new pair of links, as a KDNET handshake does, and tells the engine.
 */
final class EngineHarness {
    static final int PORT = 50000;
    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.2", PORT);

    final ManualScheduler clock = new ManualScheduler();
    final List<DebuggerEvent> events = new ArrayList<>();
    final List<DropReason> drops = new ArrayList<>();
    final ScriptedTarget target = new ScriptedTarget(clock, this::handshake);
    final DebuggerEngine engine;
    /** Loses what the host sends that matches. */
    Predicate<KdBody> loseToTarget = body -> false;
    /** Loses what the target sends that matches. */
    Predicate<KdBody> loseToHost = body -> false;
    private KdLink host;
    private KdLink targetSide;
    private int handshakes;

    EngineHarness(DebuggerSettings settings) {
        EventHub hub = new EventHub();
        hub.addListener(events::add);
        engine = new DebuggerEngine(new TargetLink() {
            @Override
            public boolean send(KdPacketType type, byte[] payload) {
                host.send(type, payload);
                return true;
            }

            @Override
            public boolean sendBreakIn() {
                host.sendBreakIn();
                return true;
            }

            @Override
            public void dropped(DropReason reason) {
                drops.add(reason);
            }
        }, clock, settings, PORT, hub, new BreakpointBook());
    }

    /** A handshake: the target (re)booted and runs behind a new pair of links. */
    void handshake() {
        if (host != null) {
            host.close();
            targetSide.close();
        }
        KdLink[] pair = new KdLink[2];
        pair[0] = new KdLink(KdRole.HOST, KdLinkConfig.defaults(KdRole.HOST), clock,
                body -> carry(body, loseToTarget, pair, 1), engine);
        pair[1] = new KdLink(KdRole.TARGET, KdLinkConfig.defaults(KdRole.TARGET), clock,
                body -> carry(body, loseToHost, pair, 0), target);
        host = pair[0];
        targetSide = pair[1];
        target.booted(targetSide);
        handshakes++;
        engine.connected(TARGET, handshakes == 1 ? PokeDecision.ANSWER_NEW_TARGET : PokeDecision.ANSWER_REBOOTED);
    }

    private void carry(KdBody body, Predicate<KdBody> lose, KdLink[] pair, int to) {
        if (!lose.test(body)) {
            clock.schedule(() -> pair[to].receive(body), 0);
        }
    }

    /** Lets {@code time} pass on the virtual clock. */
    void run(Duration time) {
        clock.advance(time);
    }

    /** Lets time pass in steps of 10 ms until {@code future} is done, at most {@code limit}; returns it. */
    <T> CompletableFuture<T> runUntilDone(CompletableFuture<T> future, Duration limit) {
        for (long waited = 0; waited < limit.toMillis() && !future.isDone(); waited += 10) {
            run(Duration.ofMillis(10));
        }
        return future;
    }

    /** Handshakes and attaches; returns the kernel identified. */
    KernelVersion attached() {
        handshake();
        return runUntilDone(engine.attach(Duration.ofSeconds(10)), Duration.ofSeconds(10)).join();
    }
}
