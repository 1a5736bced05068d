package dev.kdnet.sim.nic;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LogRateLimit;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.drop.DropLog;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.protocol.netty.EventLoopScheduler;
import dev.kdnet.protocol.netty.KdnetEnvelope;
import dev.kdnet.sim.stub.KdEndpoint;
import dev.kdnet.sim.stub.KdEndpointFactory;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KDNET side of one simulated target (kdnet-wire §3, §4, §6): pokes, the handshake, the data key, sequence
 * numbers and reboots, in front of the {@link KdEndpoint} of the current boot.
 *
 * <p>Every method runs on the socket's event loop, so the state needs no locks.
 */
final class AgentSession {
    /**
     * Sequence number of a boot's first poke. Capture C4, which starts at a boot, has 3 (then 6, 9, …): the
     * field seems to count seconds of the 3-second poke timer, which has run once when the first poke goes out.
     */
    static final long FIRST_POKE_SEQUENCE = 3;
    /** Each poke's sequence number is the previous one's plus 3 (kdnet-wire §3.1). */
    static final long POKE_SEQUENCE_STEP = 3;

    private static final Logger LOG = LoggerFactory.getLogger(TargetAgent.class);

    private final io.netty.channel.Channel socket;
    private final AgentConfig config;
    private final KdEndpointFactory factory;
    private final RandomGenerator random;
    private final KdScheduler scheduler;
    private final SessionKeys rootKeys;
    private final DatagramCrypto crypto = new DatagramCrypto();
    private final Endpoint ownAddress;
    private final Endpoint configuredHost;
    private final String who;
    private final DropLog drops;
    private final LogRateLimit sendFailureLog = new LogRateLimit(LogRateLimit.ONE_SECOND);

    private long boots;
    private long pokesSent;
    private long pokeRequests;
    private long handshakes;
    private long dataSent;
    private long dataDelivered;
    private long staleSends;
    private long sendFailures;

    private PokeNonces nonces;
    private long pokeSequence;
    private HostSession host;
    private KdEndpoint endpoint;
    private KdScheduler.Timer pokeTimer;
    private boolean running;

    /**
     * @param socket  the bound UDP socket; its event loop runs this session
     * @param config  the target's settings
     * @param factory boots the KD side
     * @param random  boot nonces
     */
    AgentSession(io.netty.channel.Channel socket, AgentConfig config, KdEndpointFactory factory,
            RandomGenerator random) {
        this.socket = socket;
        this.config = config;
        this.factory = factory;
        this.random = random;
        this.scheduler = new EventLoopScheduler(socket.eventLoop());
        this.rootKeys = SessionKeys.of(config.key());
        this.ownAddress = Endpoint.of(config.localIp(), config.port());
        this.configuredHost = Endpoint.of(config.hostIp(), config.port());
        this.who = "target " + AddressText.of(config.localAddress());
        this.drops = new DropLog(LOG, who, scheduler::nanoTime);
    }

    /** Boots the first endpoint and sends the first poke at once; datagrams before this are ignored. */
    void start() {
        running = true;
        boot();
        LOG.info("{}: poking {} every {} (KDNET version {}, key fp {})", who, AddressText.of(config.hostAddress()),
                describe(config.pokeInterval()), config.version(), config.key().fingerprint());
        poke();
    }

    /** Stops the poke timer and closes the endpoint; later datagrams are ignored. Idempotent. */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (pokeTimer != null) {
            pokeTimer.cancel();
        }
        endpoint.close();
    }

    /** Handles one datagram from the socket; bad input is counted and dropped, never thrown. */
    void receive(KdnetEnvelope envelope) {
        if (!running) {
            return;
        }
        InetSocketAddress sender = envelope.sender();
        SessionKeys keys = host == null ? rootKeys : host.keys();
        OpenOutcome outcome = crypto.open(keys, envelope.payload(), Direction.HOST_TO_TARGET);
        if (outcome instanceof OpenOutcome.Rejected rejected) {
            drops.drop(DropReason.of(rejected.reason()), sender);
            return;
        }
        Datagram datagram = ((OpenOutcome.Opened) outcome).datagram();
        if (datagram.channel() == Channel.CONTROL) {
            onControl(datagram, sender);
        } else {
            onData(datagram, sender);
        }
    }

    /** The counters now. */
    AgentStats stats() {
        return new AgentStats(boots, pokesSent, pokeRequests, handshakes, dataSent, dataDelivered, staleSends,
                sendFailures, drops.counts(), Optional.ofNullable(host).map(HostSession::host),
                Optional.ofNullable(host).flatMap(h -> h.keys().dataKey()).map(DataKey::fingerprint),
                endpoint.stats());
    }

    private void boot() {
        boots++;
        nonces = new PokeNonces(random);
        pokeSequence = FIRST_POKE_SEQUENCE;
        host = null;
        long boot = boots;
        endpoint = factory.boot(scheduler, () -> socket.eventLoop().execute(() -> reboot(boot)));
    }

    private void reboot(long boot) {
        if (!running || boot != boots) {
            return;
        }
        LOG.info("{}: rebooting: new boot nonce, data key and bound host forgotten", who);
        endpoint.close();
        boot();
        poke();
    }

    private void poke() {
        if (pokeTimer != null) {
            pokeTimer.cancel();
        }
        Endpoint bound = host == null ? Endpoint.UNBOUND : Endpoint.of(host.host());
        Poke poke = Poke.of(nonces.next(), ownAddress, configuredHost, bound);
        send(rootKeys, Datagram.of(config.version(), Channel.CONTROL, pokeSequence, Direction.TARGET_TO_HOST,
                poke.encode()), config.hostAddress());
        pokeSequence += POKE_SEQUENCE_STEP;
        pokesSent++;
        pokeTimer = scheduler.schedule(this::poke, config.pokeInterval().toNanos());
    }

    private void onControl(Datagram datagram, InetSocketAddress sender) {
        Decoded<ControlMessage> decoded = ControlMessage.decode(datagram.body());
        if (!(decoded instanceof Decoded.Ok<ControlMessage> ok)) {
            drops.drop(DropReason.MALFORMED_BODY, sender);
        } else if (ok.value() instanceof EmptyControl) {
            LOG.debug("{}: {} asks for a poke", who, AddressText.of(sender));
            pokeRequests++;
            poke();
        } else if (ok.value() instanceof ControlResponse response) {
            onResponse(response, WireBytes.toArray(datagram.body()), sender);
        } else {
            drops.drop(DropReason.MALFORMED_BODY, sender);
        }
    }

    private void onResponse(ControlResponse response, byte[] body, InetSocketAddress sender) {
        if (!(sender.getAddress() instanceof Inet4Address hostIp)) {
            drops.drop(DropReason.WRONG_SOURCE, sender);
            return;
        }
        if (!nonces.consume(response.echoedNonce())) {
            drops.drop(DropReason.UNKNOWN_NONCE, sender);
            return;
        }
        boolean rekey = host != null;
        DataKey dataKey = DataKey.derive(config.key(), body);
        host = new HostSession(sender, rootKeys.withDataKey(dataKey));
        handshakes++;
        LOG.info("{}: {} host {} (data key fp {})", who, rekey ? "re-keyed by" : "connected to",
                AddressText.of(sender), dataKey.fingerprint());
        sendData(UnusedHello.naming(hostIp));
        endpoint.hostConnected(outputOfBoot(boots));
    }

    private void onData(Datagram datagram, InetSocketAddress sender) {
        if (!sender.equals(host.host())) {
            drops.drop(DropReason.WRONG_SOURCE, sender);
            return;
        }
        if (!host.acceptSequence(datagram.sequence())) {
            drops.drop(DropReason.STALE_SEQUENCE, sender);
            return;
        }
        Decoded<KdBody> body = KdBody.decode(datagram.body());
        if (body instanceof Decoded.Ok<KdBody> ok) {
            dataDelivered++;
            endpoint.receive(ok.value());
        } else {
            drops.drop(DropReason.MALFORMED_BODY, sender);
        }
    }

    private KdLink.Output outputOfBoot(long boot) {
        return body -> {
            if (boot == boots && running) {
                sendData(body);
            } else {
                staleSends++;
            }
        };
    }

    private void sendData(KdBody body) {
        send(host.keys(), Datagram.of(config.version(), Channel.DATA, host.takeSequence(), Direction.TARGET_TO_HOST,
                body.encode()), host.host());
        dataSent++;
    }

    private void send(SessionKeys keys, Datagram datagram, InetSocketAddress to) {
        socket.writeAndFlush(KdnetEnvelope.to(to, crypto.seal(keys, datagram))).addListener(future -> {
            if (!future.isSuccess()) {
                sendFailures++;
                if (sendFailureLog.allows(scheduler.nanoTime())) {
                    long unlogged = sendFailureLog.drainHeldBack();
                    LOG.warn("{}: sending to {} failed: {}{}", who, AddressText.of(to), future.cause().getMessage(),
                            unlogged == 0 ? "" : " (" + unlogged + " more failures since the last line)");
                }
            }
        });
    }

    private static String describe(Duration interval) {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
    }
}
