package dev.kdnet.host.session;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.drop.DropLog;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.protocol.link.RetransmitLog;
import dev.kdnet.protocol.session.DataChannel;
import dev.kdnet.protocol.session.DatagramSink;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one target slot of a UDP port: answers the pokes a host must answer (see {@link PokeDecision}) unless they
 * are replays (see {@link PokeReplayFilter}), keys the data channel, drops what does not belong to the session
 * (counted by {@link DropReason}), runs a host-role {@link KdLink}, contacts a known target, and says why nothing
 * attaches. Opening, sequence checks and sealing are its {@link SessionPeer}'s; datagrams go out through a
 * {@link DatagramSink}, so the whole session runs in memory in tests.
 *
 * <p>Everything happens on the port's event loop, whose timers the {@link KdScheduler} runs; the public methods
 * may be called from any thread and hand their work to it. Listener callbacks run on the loop.
 */
public final class TargetSession implements TargetLink {
    /** The version byte of the host's contact datagrams, sent before a target's own version is known. */
    public static final int CONTACT_VERSION = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TargetSession.class);
    private static final SessionListener NOBODY = packet -> { };

    private final HostConfig config;
    private final int port;
    private final EventLoop loop;
    private final DatagramSink sink;
    private final KdScheduler scheduler;
    private final SessionPeer peer;
    private final SecureRandom random = new SecureRandom();
    private final SenderTallies tallies = new SenderTallies();
    private final DropLog drops;
    private final SourceRateLimiter limiter;
    private final PokeReplayFilter pokeReplays = new PokeReplayFilter();
    private final UnheardAnswers unheard;
    private volatile SessionListener listener = NOBODY;
    private byte[] answeredBoot;
    private boolean heardThisBoot;
    private RetransmitLog retransmitLog;
    private KdLink link;
    private boolean stopped;
    private boolean contacting;
    private boolean closed;
    private long waitingSince;
    private long lastHeard;
    private long datagramsIn;
    private long datagramsOut;
    private long handshakes;
    private long keepalives;
    private KdScheduler.Timer silenceTimer;
    private KdScheduler.Timer contactTimer;

    /**
     * A session of {@code port} that runs on {@code loop}, sends through {@code sink} and keeps time with
     * {@code scheduler} (which runs its tasks on {@code loop}).
     */
    TargetSession(HostConfig config, int port, EventLoop loop, DatagramSink sink, KdScheduler scheduler) {
        this.config = config;
        this.port = port;
        this.loop = loop;
        this.sink = sink;
        this.scheduler = scheduler;
        this.peer = new SessionPeer(KdRole.HOST, config.key());
        this.drops = new DropLog(LOG, "UDP " + port, scheduler::nanoTime);
        this.limiter = SourceRateLimiter.withDefaults(scheduler::nanoTime);
        this.unheard = new UnheardAnswers(LOG, "UDP " + port, scheduler::nanoTime);
    }

    /** Starts the silence timer and, with a known target, the contact timer (loop only). */
    void start() {
        waitingSince = scheduler.nanoTime();
        silenceTimer = scheduler.schedule(this::checkSilenceEveryWindow, config.silenceWindow().toNanos());
        if (config.knownTarget().isPresent()) {
            contacting = true;
            contact();
        }
    }

    private void checkSilenceEveryWindow() {
        if (closed) {
            return;
        }
        checkSilence();
        silenceTimer = scheduler.schedule(this::checkSilenceEveryWindow, config.silenceWindow().toNanos());
    }

    /** The UDP port. */
    public int port() {
        return port;
    }

    /** The event loop that owns this session. */
    public EventLoop loop() {
        return loop;
    }

    /** Sets who hears about connections, stops, replies and prints (one listener; replaces the previous one). */
    public void setListener(SessionListener listener) {
        this.listener = listener == null ? NOBODY : listener;
    }

    /** The target's address, if a handshake happened (loop only). */
    public Optional<InetSocketAddress> target() {
        return peer.channel().map(DataChannel::peer);
    }

    @Override
    public boolean send(KdPacketType type, byte[] payload) {
        if (link == null) {
            return false;
        }
        link.send(type, payload);
        return true;
    }

    @Override
    public boolean sendBreakIn() {
        if (link == null) {
            return false;
        }
        link.sendBreakIn();
        return true;
    }

    /** The counters now (any thread; waits briefly for the loop). */
    public SessionStats stats() {
        return onLoop(() -> new SessionStats(port, datagramsIn, datagramsOut, handshakes, keepalives, drops.counts(),
                Optional.ofNullable(link).map(KdLink::stats), limiter.sources(), tallies.senders(), target(),
                target().map(t -> Duration.ofNanos(scheduler.nanoTime() - lastHeard))));
    }

    /** Why nothing attached, from what the port saw so far (any thread). */
    public SilenceDiagnosis diagnosis() {
        return onLoop(this::diagnose);
    }

    private <T> T onLoop(Callable<T> task) {
        try {
            return loop.inEventLoop() ? task.call() : loop.submit(task).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the event loop of UDP " + port, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the event loop of UDP " + port + " did not answer", e);
        } catch (Exception e) {
            throw new IllegalStateException("UDP " + port + ": " + e.getMessage(), e);
        }
    }

    /** Handles one datagram from the socket (loop only); bad input is counted and dropped, never thrown. */
    void receive(InetSocketAddress sender, ByteBuffer wire) {
        datagramsIn++;
        if (!sender.equals(target().orElse(null)) && !limiter.admit(sender.getAddress())) {
            drop(DropReason.RATE_LIMITED, sender);
            return;
        }
        Inbound inbound = peer.receive(sender, wire);
        if (inbound instanceof Inbound.Dropped dropped) {
            tallyDrop(sender, dropped.reason());
            drop(dropped.reason(), sender);
        } else if (inbound instanceof Inbound.Control control) {
            onControl(control, sender);
        } else if (inbound instanceof Inbound.Data data) {
            tallies.add(sender, 1, 1, 0, 0, 0, 1);
            unheard.heard();
            heardThisBoot = true;
            lastHeard = scheduler.nanoTime();
            link.receive(data.body());
        }
    }

    /** What a dropped datagram tells the silence diagnosis; a data datagram from elsewhere or late tells nothing. */
    private void tallyDrop(InetSocketAddress sender, DropReason reason) {
        switch (reason) {
            case WRONG_SOURCE, STALE_SEQUENCE -> {
            }
            case OVERSIZED, BAD_MAGIC, BAD_LENGTH -> tallies.add(sender, 1, 0, 0, 0, 0, 0);
            case HMAC_MISMATCH -> tallies.add(sender, 1, 1, 1, 0, 0, 0);
            default -> tallies.add(sender, 1, 1, 0, 0, 0, 0);
        }
    }

    private void onControl(Inbound.Control control, InetSocketAddress sender) {
        if (!(control.message() instanceof Poke poke)) {
            tallies.add(sender, 1, 1, 0, 0, 0, 0);
            drop(DropReason.UNEXPECTED_CONTROL, sender);
            return;
        }
        long sequence = control.datagram().sequence();
        if (!pokeReplays.fresh(poke, sequence)) {
            tallies.add(sender, 1, 1, 0, 0, 0, 0);
            drop(DropReason.STALE_SEQUENCE, sender);
            return;
        }
        stopContacting(sender);
        boolean heardData = peer.channel().map(c -> c.highestAccepted() > 0).orElse(false);
        PokeDecision decision = PokeDecision.decide(sender, poke.isUnbound(), target().orElse(null),
                Arrays.equals(poke.bootBytes(), answeredBoot), heardData, heardThisBoot);
        tallies.add(sender, 1, 1, 0, 1, decision.answers() ? 1 : 0, 0);
        if (decision == PokeDecision.ANSWER_UNHEARD) {
            unheard.pokedAgain(sender);
        }
        if (decision.answers()) {
            answer(control.datagram().version(), sequence, poke, sender, decision);
        } else {
            keepalives++;
        }
        if (sender.equals(target().orElse(null))) {
            lastHeard = scheduler.nanoTime();
        }
    }

    private void answer(int version, long sequence, Poke poke, InetSocketAddress sender, PokeDecision decision) {
        byte[] body = ControlResponse.answering(poke, random).encode();
        transmit(sender, peer.sealControl(version, sequence, body));
        DataChannel channel = peer.keyChannel(sender, version, body);
        answeredBoot = poke.bootBytes();
        heardThisBoot = heardThisBoot && decision.continuesTarget();
        stopped = false;
        waitingSince = scheduler.nanoTime();
        handshakes++;
        endLink("new handshake");
        retransmitLog = new RetransmitLog(LOG, "UDP " + port, scheduler::nanoTime, () -> link.stats());
        link = new KdLink(KdRole.HOST, config.linkConfig(), scheduler, this::sendData, new LinkEvents());
        if (decision == PokeDecision.ANSWER_UNHEARD) {
            LOG.debug("UDP {}: answered {} again ({}, data key {})", port, AddressText.of(sender), decision,
                    channel.dataKeyFingerprint());
        } else {
            LOG.info("UDP {}: handshake with {} ({}, data key {})", port, AddressText.of(sender), decision,
                    channel.dataKeyFingerprint());
        }
        listener.connected(sender, decision);
    }

    private void sendData(KdBody body) {
        transmit(target().orElseThrow(), peer.sealData(body));
    }

    private void transmit(InetSocketAddress to, ByteBuffer datagram) {
        datagramsOut++;
        sink.send(to, datagram);
    }

    private void contact() {
        if (!contacting || closed) {
            return;
        }
        InetSocketAddress to = new InetSocketAddress(config.knownTarget().orElseThrow(), port);
        transmit(to, peer.sealControl(CONTACT_VERSION, 0, EmptyControl.INSTANCE.encode()));
        contactTimer = scheduler.schedule(this::contact, config.contactInterval().toNanos());
    }

    private void stopContacting(InetSocketAddress sender) {
        if (contacting && config.knownTarget().map(t -> t.equals(sender.getAddress())).orElse(false)) {
            contacting = false;
            contactTimer.cancel();
        }
    }

    private void checkSilence() {
        if (!stopped) {
            SilenceDiagnosis diagnosis = diagnose();
            LOG.debug(diagnosis.summary());
            listener.silent(diagnosis);
        }
    }

    private SilenceDiagnosis diagnose() {
        Duration waited = Duration.ofNanos(scheduler.nanoTime() - waitingSince);
        return SilenceDiagnosis.explain(port, waited, tallies.snapshot(),
                config.knownTarget().map(InetAddress.class::cast));
    }

    @Override
    public void dropped(DropReason reason) {
        drop(reason, target().orElse(null));
    }

    private void drop(DropReason reason, InetSocketAddress sender) {
        drops.drop(reason, sender);
    }

    /**
     * Hands the link's events to the listener, logging retransmits, and notes the first stop report (the silence
     * warnings end there).
     */
    private final class LinkEvents implements KdLink.Listener {
        @Override
        public void onPeerHeard() {
            listener.onPeerHeard();
        }

        @Override
        public void onPacket(KdPacket packet) {
            if (packet.type().equals(KdPacketType.STATE_CHANGE64)) {
                stopped = true;
            }
            listener.onPacket(packet);
        }

        @Override
        public void onDelivered(KdPacket packet) {
            listener.onDelivered(packet);
        }

        @Override
        public void onRetry(KdPacket packet, int attempt) {
            retransmitLog.retry(packet, attempt);
            listener.onRetry(packet, attempt);
        }

        @Override
        public void onGaveUp(KdPacket packet) {
            retransmitLog.gaveUp(packet);
            listener.onGaveUp(packet);
        }

        @Override
        public void onReset(boolean resent) {
            listener.onReset(resent);
        }

        @Override
        public void onHello(UnusedHello hello) {
            listener.onHello(hello);
        }
    }

    /** Cancels the timers and the link (any thread); the socket is closed by the server. */
    void close() {
        loop.execute(() -> {
            closed = true;
            if (silenceTimer != null) {
                silenceTimer.cancel();
            }
            if (contactTimer != null) {
                contactTimer.cancel();
            }
            endLink("port closed");
        });
    }

    private void endLink(String why) {
        if (link != null) {
            retransmitLog.summary(why);
            link.close();
        }
    }
}
