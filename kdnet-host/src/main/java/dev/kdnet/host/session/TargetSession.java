package dev.kdnet.host.session;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.RejectReason;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.drop.DropLog;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.link.RetransmitLog;
import dev.kdnet.protocol.netty.EventLoopScheduler;
import dev.kdnet.protocol.netty.KdnetEnvelope;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one target slot of a UDP port: answers the pokes a host must answer (see {@link PokeDecision}) unless they
 * are replays (see {@link PokeReplayFilter}), keys the data channel, numbers and checks data sequences, drops what does not belong to the session (counted by
 * {@link DropReason}), runs a host-role {@link KdLink}, contacts a known target, and says why nothing attaches.
 *
 * <p>Everything happens on the port's event loop; the public methods may be called from any thread and hand their
 * work to it. Listener callbacks run on the loop.
 */
public final class TargetSession implements TargetLink {
    /** The version byte of the host's contact datagrams, sent before a target's own version is known. */
    public static final int CONTACT_VERSION = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TargetSession.class);
    private static final SessionListener NOBODY = packet -> { };

    private final HostConfig config;
    private final int port;
    private final DatagramCrypto crypto = new DatagramCrypto();
    private final SecureRandom random = new SecureRandom();
    private final SenderTallies tallies = new SenderTallies();
    private final DropLog drops;
    private final SourceRateLimiter limiter;
    private final PokeReplayFilter pokeReplays = new PokeReplayFilter();
    private volatile SessionListener listener = NOBODY;
    private volatile io.netty.channel.Channel channel;
    private SessionKeys keys;
    private InetSocketAddress target;
    private byte[] answeredBoot;
    private RetransmitLog retransmitLog;
    private KdLink link;
    private int version;
    private long sequence;
    private long lastTargetSequence;
    private boolean stopped;
    private boolean contacting;
    private long waitingSince;
    private long datagramsIn;
    private long datagramsOut;
    private long handshakes;
    private long keepalives;
    private ScheduledFuture<?> silenceTimer;
    private ScheduledFuture<?> contactTimer;

    TargetSession(HostConfig config, int port) {
        this.config = config;
        this.port = port;
        this.keys = SessionKeys.of(config.key());
        this.drops = new DropLog(LOG, "UDP " + port, System::nanoTime);
        this.limiter = SourceRateLimiter.withDefaults(System::nanoTime);
    }

    /** The Netty handler that feeds this session; one per channel. */
    SimpleChannelInboundHandler<KdnetEnvelope> handler() {
        return new SimpleChannelInboundHandler<>() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                channel = ctx.channel();
            }

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, KdnetEnvelope envelope) {
                receive(envelope);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                LOG.error("UDP {}: unexpected error; the port keeps listening", port, cause);
            }
        };
    }

    /** Starts the timers once the socket is bound. */
    void start(io.netty.channel.Channel boundChannel) {
        this.channel = boundChannel;
        loop().execute(() -> {
            waitingSince = System.nanoTime();
            long window = config.silenceWindow().toNanos();
            silenceTimer = loop().scheduleAtFixedRate(this::checkSilence, window, window, TimeUnit.NANOSECONDS);
            if (config.knownTarget().isPresent()) {
                contacting = true;
                long every = config.contactInterval().toNanos();
                contactTimer = loop().scheduleAtFixedRate(this::contact, 0, every, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** The UDP port. */
    public int port() {
        return port;
    }

    /** The event loop that owns this session. */
    public EventLoop loop() {
        return channel.eventLoop();
    }

    /** Sets who hears about connections, stops, replies and prints (one listener; replaces the previous one). */
    public void setListener(SessionListener listener) {
        this.listener = listener == null ? NOBODY : listener;
    }

    /** The target's address, if a handshake happened (loop only). */
    public Optional<InetSocketAddress> target() {
        return Optional.ofNullable(target);
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
                Optional.ofNullable(link).map(KdLink::stats), limiter.sources(), tallies.senders()));
    }

    /** Why nothing attached, from what the port saw so far (any thread). */
    public SilenceDiagnosis diagnosis() {
        return onLoop(this::diagnose);
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> task) {
        try {
            return loop().submit(task).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the event loop of UDP " + port, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the event loop of UDP " + port + " did not answer", e);
        }
    }

    private void receive(KdnetEnvelope envelope) {
        datagramsIn++;
        InetSocketAddress sender = envelope.sender();
        if (!sender.equals(target) && !limiter.admit(sender.getAddress())) {
            drop(DropReason.RATE_LIMITED, sender);
            return;
        }
        OpenOutcome outcome = crypto.open(keys, envelope.payload(), Direction.TARGET_TO_HOST);
        if (outcome instanceof OpenOutcome.Rejected rejected) {
            RejectReason reason = rejected.reason();
            boolean header = reason != RejectReason.OVERSIZED && reason != RejectReason.BAD_MAGIC
                    && reason != RejectReason.BAD_LENGTH;
            tallies.add(sender, 1, header ? 1 : 0, reason == RejectReason.HMAC_MISMATCH ? 1 : 0, 0, 0, 0);
            drop(DropReason.of(reason), sender);
            return;
        }
        Datagram datagram = ((OpenOutcome.Opened) outcome).datagram();
        if (datagram.channel() == Channel.CONTROL) {
            onControl(datagram, sender);
        } else {
            onData(datagram, sender);
        }
    }

    private void onControl(Datagram datagram, InetSocketAddress sender) {
        if (!(ControlMessage.decode(datagram.body()) instanceof Decoded.Ok<ControlMessage> ok)) {
            tallies.add(sender, 1, 1, 0, 0, 0, 0);
            drop(DropReason.MALFORMED_BODY, sender);
            return;
        }
        if (!(ok.value() instanceof Poke poke)) {
            tallies.add(sender, 1, 1, 0, 0, 0, 0);
            drop(DropReason.UNEXPECTED_CONTROL, sender);
            return;
        }
        if (!pokeReplays.fresh(poke, datagram.sequence())) {
            tallies.add(sender, 1, 1, 0, 0, 0, 0);
            drop(DropReason.STALE_SEQUENCE, sender);
            return;
        }
        stopContacting(sender);
        PokeDecision decision = PokeDecision.decide(sender, poke.isUnbound(), target,
                Arrays.equals(poke.bootBytes(), answeredBoot), lastTargetSequence > 0);
        tallies.add(sender, 1, 1, 0, 1, decision.answers() ? 1 : 0, 0);
        if (decision.answers()) {
            answer(datagram, poke, sender, decision);
        } else {
            keepalives++;
        }
    }

    private void answer(Datagram pokeDatagram, Poke poke, InetSocketAddress sender, PokeDecision decision) {
        byte[] body = ControlResponse.answering(poke, random).encode();
        version = pokeDatagram.version();
        transmit(sender, Datagram.of(version, Channel.CONTROL, pokeDatagram.sequence(), Direction.HOST_TO_TARGET,
                body));
        keys = SessionKeys.of(config.key()).withDataKey(DataKey.derive(config.key(), body));
        target = sender;
        answeredBoot = poke.bootBytes();
        sequence = 0;
        lastTargetSequence = 0;
        stopped = false;
        waitingSince = System.nanoTime();
        handshakes++;
        endLink("new handshake");
        retransmitLog = new RetransmitLog(LOG, "UDP " + port, System::nanoTime, () -> link.stats());
        link = new KdLink(KdRole.HOST, config.linkConfig(), new EventLoopScheduler(loop()), this::sendData,
                new LinkEvents());
        LOG.info("UDP {}: handshake with {} ({}, data key {})", port, sender, decision,
                keys.dataKey().map(DataKey::fingerprint).orElse("-"));
        listener.connected(sender, decision);
    }

    private void onData(Datagram datagram, InetSocketAddress sender) {
        if (!sender.equals(target)) {
            drop(DropReason.WRONG_SOURCE, sender);
            return;
        }
        if (datagram.sequence() <= lastTargetSequence) {
            drop(DropReason.STALE_SEQUENCE, sender);
            return;
        }
        lastTargetSequence = datagram.sequence();
        tallies.add(sender, 1, 1, 0, 0, 0, 1);
        if (KdBody.decode(datagram.body()) instanceof Decoded.Ok<KdBody> body) {
            link.receive(body.value());
        } else {
            drop(DropReason.MALFORMED_BODY, sender);
        }
    }

    private void sendData(KdBody body) {
        transmit(target, Datagram.of(version, Channel.DATA, ++sequence, Direction.HOST_TO_TARGET, body.encode()));
    }

    private void transmit(InetSocketAddress to, Datagram datagram) {
        datagramsOut++;
        channel.writeAndFlush(KdnetEnvelope.to(to, crypto.seal(keys, datagram)));
    }

    private void contact() {
        if (contacting) {
            InetSocketAddress to = new InetSocketAddress(config.knownTarget().orElseThrow(), port);
            transmit(to, Datagram.of(CONTACT_VERSION, Channel.CONTROL, 0, Direction.HOST_TO_TARGET,
                    EmptyControl.INSTANCE.encode()));
        }
    }

    private void stopContacting(InetSocketAddress sender) {
        if (contacting && config.knownTarget().map(t -> t.equals(sender.getAddress())).orElse(false)) {
            contacting = false;
            contactTimer.cancel(false);
        }
    }

    private void checkSilence() {
        if (!stopped) {
            SilenceDiagnosis diagnosis = diagnose();
            LOG.warn(diagnosis.summary());
            listener.silent(diagnosis);
        }
    }

    private SilenceDiagnosis diagnose() {
        Duration waited = Duration.ofNanos(System.nanoTime() - waitingSince);
        return SilenceDiagnosis.explain(port, waited, tallies.snapshot(),
                config.knownTarget().map(InetAddress.class::cast));
    }

    @Override
    public void dropped(DropReason reason) {
        drop(reason, target);
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

    /** Cancels the timers and the link (loop or any thread); the channel is closed by the server. */
    void close() {
        loop().execute(() -> {
            silenceTimer.cancel(false);
            if (contactTimer != null) {
                contactTimer.cancel(false);
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
