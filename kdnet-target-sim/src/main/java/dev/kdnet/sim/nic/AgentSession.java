package dev.kdnet.sim.nic;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.drop.DropLog;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.protocol.session.DataChannel;
import dev.kdnet.protocol.session.DatagramSink;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import dev.kdnet.sim.stub.KdEndpoint;
import dev.kdnet.sim.stub.KdEndpointFactory;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KDNET side of one simulated target (kdnet-wire §3, §4, §6): pokes, the handshake, the data key, sequence
 * numbers and reboots, in front of the {@link KdEndpoint} of the current boot. Opening, sequence checks and
 * sealing are its {@link SessionPeer}'s; datagrams go out through a {@link DatagramSink}, so the whole agent runs in
 * memory in tests.
 *
 * <p>Every method runs on the thread of its {@link KdScheduler} (the socket's event loop), so the state needs no
 * locks.
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

    private final AgentConfig config;
    private final KdEndpointFactory factory;
    private final RandomGenerator random;
    private final DatagramSink sink;
    private final KdScheduler scheduler;
    private final SendFailures sendFailures;
    private final IcmpErrors icmpErrors;
    private final SessionPeer peer;
    private final Endpoint ownAddress;
    private final Endpoint configuredHost;
    private final String who;
    private final DropLog drops;

    private long boots;
    private long pokesSent;
    private long pokeRequests;
    private long handshakes;
    private long dataSent;
    private long dataDelivered;
    private long staleSends;

    private PokeNonces nonces;
    private long pokeSequence;
    private KdEndpoint endpoint;
    private KdScheduler.Timer pokeTimer;
    private boolean running;

    /**
     * @param config       the target's settings
     * @param factory      boots the KD side
     * @param random       boot nonces
     * @param sink         where sealed datagrams go
     * @param scheduler    clock and timers, on the thread that calls this session
     * @param sendFailures what the socket could not send (counted in the stats)
     * @param icmpErrors   ICMP errors that came back for the datagrams sent (summarised in the stats)
     */
    AgentSession(AgentConfig config, KdEndpointFactory factory, RandomGenerator random, DatagramSink sink,
            KdScheduler scheduler, SendFailures sendFailures, IcmpErrors icmpErrors) {
        this.config = config;
        this.factory = factory;
        this.random = random;
        this.sink = sink;
        this.scheduler = scheduler;
        this.sendFailures = sendFailures;
        this.icmpErrors = icmpErrors;
        this.peer = new SessionPeer(KdRole.TARGET, config.key());
        this.ownAddress = Endpoint.of(config.localIp(), config.port());
        this.configuredHost = Endpoint.of(config.hostIp(), config.port());
        this.who = who(config);
        this.drops = new DropLog(LOG, who, scheduler::nanoTime);
    }

    /** How log lines name the agent of {@code config}. */
    static String who(AgentConfig config) {
        return "target " + AddressText.of(config.localAddress());
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
    void receive(InetSocketAddress sender, ByteBuffer wire) {
        if (!running) {
            return;
        }
        Inbound inbound = peer.receive(sender, wire);
        if (inbound instanceof Inbound.Dropped dropped) {
            drops.drop(dropped.reason(), sender);
        } else if (inbound instanceof Inbound.Control control) {
            onControl(control, sender);
        } else if (inbound instanceof Inbound.Data data) {
            dataDelivered++;
            endpoint.receive(data.body());
        }
    }

    /** The counters now. */
    AgentStats stats() {
        Optional<DataChannel> channel = peer.channel();
        return new AgentStats(boots, pokesSent, pokeRequests, handshakes, dataSent, dataDelivered, staleSends,
                sendFailures.count(), sendFailures.lastCause(), icmpErrors.summary(), drops.counts(),
                channel.map(DataChannel::peer),
                channel.map(DataChannel::dataKeyFingerprint), endpoint.stats());
    }

    private void boot() {
        boots++;
        nonces = new PokeNonces(random);
        pokeSequence = FIRST_POKE_SEQUENCE;
        peer.forget();
        long boot = boots;
        endpoint = factory.boot(scheduler, () -> scheduler.schedule(() -> reboot(boot), 0));
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
        Endpoint bound = peer.channel().map(c -> Endpoint.of(c.peer())).orElse(Endpoint.UNBOUND);
        Poke poke = Poke.of(nonces.next(), ownAddress, configuredHost, bound);
        sink.send(config.hostAddress(), peer.sealControl(config.version(), pokeSequence, poke.encode()));
        pokeSequence += POKE_SEQUENCE_STEP;
        pokesSent++;
        pokeTimer = scheduler.schedule(this::poke, config.pokeInterval().toNanos());
    }

    private void onControl(Inbound.Control control, InetSocketAddress sender) {
        if (control.message() instanceof EmptyControl) {
            LOG.debug("{}: {} asks for a poke", who, AddressText.of(sender));
            pokeRequests++;
            poke();
        } else if (control.message() instanceof ControlResponse response) {
            onResponse(response, control.datagram().body(), sender);
        } else {
            drops.drop(DropReason.MALFORMED_BODY, sender);
        }
    }

    private void onResponse(ControlResponse response, ByteBuffer body, InetSocketAddress sender) {
        if (!(sender.getAddress() instanceof Inet4Address hostIp)) {
            drops.drop(DropReason.WRONG_SOURCE, sender);
            return;
        }
        if (!nonces.consume(response.echoedNonce())) {
            drops.drop(DropReason.UNKNOWN_NONCE, sender);
            return;
        }
        boolean rekey = peer.channel().isPresent();
        DataChannel channel = peer.keyChannel(sender, config.version(), body);
        handshakes++;
        LOG.info("{}: {} host {} (data key fp {})", who, rekey ? "re-keyed by" : "connected to",
                AddressText.of(sender), channel.dataKeyFingerprint());
        sendData(UnusedHello.naming(hostIp));
        endpoint.hostConnected(outputOfBoot(boots));
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
        sink.send(peer.channel().orElseThrow().peer(), peer.sealData(body));
        dataSent++;
    }

    private static String describe(Duration interval) {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
    }
}
