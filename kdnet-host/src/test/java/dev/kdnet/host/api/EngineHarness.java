package dev.kdnet.host.api;

import dev.kdnet.host.session.PokeDecision;
import dev.kdnet.host.session.TargetLink;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.link.KdScheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link DebuggerEngine} and a {@link ScriptedTarget} joined in memory by a host-role and a target-role
 * {@link KdLink} on one virtual clock, with a wire that loses what a test says in either direction. Each
 * {@link #handshake()} starts a new pair of links, as a KDNET handshake does, and tells the engine.
 */
final class EngineHarness {
    static final int PORT = 50000;
    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.2", PORT);

    final KdScheduler clock;
    final List<DebuggerEvent> events = new ArrayList<>();
    final List<DropReason> drops = new ArrayList<>();
    final EventHub hub = new EventHub();
    final BreakpointBook breakpoints = new BreakpointBook();
    final ScriptedTarget target;
    final DebuggerEngine engine;
    /** Loses what the host sends that matches. */
    Predicate<KdBody> loseToTarget = body -> false;
    /** Loses what the target sends that matches. */
    Predicate<KdBody> loseToHost = body -> false;
    private KdLink host;
    private KdLink targetSide;
    private int handshakes;

    /** On {@code clock}: every call, and every task it runs, on one thread. */
    EngineHarness(DebuggerSettings settings, KdScheduler clock) {
        this.clock = clock;
        this.target = new ScriptedTarget(clock, this::handshake);
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
        }, clock, settings, PORT, hub, breakpoints);
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
}
