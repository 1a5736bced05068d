package dev.kdnet.it.host;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import dev.kdnet.protocol.testing.FuzzDatagrams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake target or host for fuzzing the other side over a real socket. It binds the real peer's own address and
 * port with SO_REUSEADDR: while it is open, Linux hands the datagrams for that address to it (the socket bound
 * last) instead of to the real peer, and what it sends comes from where the real peer's datagrams come from, so
 * they get past the per-source rate limit and the source checks. It handshakes as the peer it plays would, learns
 * the data key, and floods the other side with {@link FuzzDatagrams} sealed under that key: a fake target pokes
 * unbound and adopts every response it gets; a fake host makes the target poke (empty control datagram), answers
 * that poke, every unbound poke (the target rebooted) and one in {@value #ANSWER_BOUND_ONE_IN} of the others. Each
 * handshake re-keys the generator. Each of its threads seals and opens through a {@link SessionPeer} of its own.
 */
final class FuzzPeer implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_536;
    private static final Duration RETRY = Duration.ofMillis(200);
    /** A fake host answers every unbound poke (a reboot) but only one bound poke in this many (a re-key). */
    private static final int ANSWER_BOUND_ONE_IN = 16;

    private final KdnetKey key;
    private final KdRole role;
    private final boolean playsTarget;
    private final InetSocketAddress self;
    private final InetSocketAddress other;
    private final long seed;
    private final DatagramChannel socket;
    private final AtomicReference<byte[]> newResponse = new AtomicReference<>();
    private final CountDownLatch keyed = new CountDownLatch(1);
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Thread receiver;
    private FuzzDatagrams fuzz;
    private Flooder flooder;

    private FuzzPeer(KdnetKey key, boolean playsTarget, InetSocketAddress self, InetSocketAddress other, long seed)
            throws IOException {
        this.key = key;
        this.role = playsTarget ? KdRole.TARGET : KdRole.HOST;
        this.playsTarget = playsTarget;
        this.self = self;
        this.other = other;
        this.seed = seed;
        this.socket = DatagramChannel.open(StandardProtocolFamily.INET)
                .setOption(StandardSocketOptions.SO_REUSEADDR, true).bind(self);
        this.receiver = new Thread(this::receive, "fuzz-peer-" + self);
        receiver.setDaemon(true);
        receiver.start();
    }

    /** A fake target at {@code self} (the real target's address and port) towards the host at {@code host}. */
    static FuzzPeer target(KdnetKey key, InetSocketAddress self, InetSocketAddress host, long seed)
            throws IOException {
        return new FuzzPeer(key, true, self, host, seed);
    }

    /** A fake host at {@code self} (the target's configured host address and port) towards {@code target}. */
    static FuzzPeer host(KdnetKey key, InetSocketAddress self, InetSocketAddress target, long seed)
            throws IOException {
        return new FuzzPeer(key, false, self, target, seed);
    }

    /** Handshakes with the other side, trying every 200 ms for at most {@code limit}. */
    void handshake(Duration limit) throws IOException, InterruptedException {
        SessionPeer peer = new SessionPeer(role, key);
        long deadline = System.nanoTime() + limit.toNanos();
        SplittableRandom random = new SplittableRandom(seed);
        do {
            byte[] body;
            if (playsTarget) {
                byte[] nonce = new byte[Poke.NONCE_LENGTH];
                random.nextBytes(nonce);
                body = Poke.of(nonce, Endpoint.of(self), Endpoint.of(other), Endpoint.UNBOUND).encode();
            } else {
                body = EmptyControl.INSTANCE.encode();
            }
            socket.send(peer.sealControl(4, 3, body), other);
            if (keyed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("no handshake with " + other + " from " + self + " within " + limit);
    }

    /** Starts flooding the other side with {@code count} datagrams for at most {@code bound}. */
    Flooder flood(long count, Duration bound, Flooder.Pacing pacing) {
        fuzz = new FuzzDatagrams(seed, role, key, newResponse.getAndSet(null));
        flooder = new Flooder(socket, other, () -> {
            byte[] fresh = newResponse.getAndSet(null);
            if (fresh != null) {
                fuzz.rekey(fresh);
            }
            return fuzz.next();
        }, pacing, count, bound);
        return flooder;
    }

    /** Handshakes so far (the first included). */
    long handshakes() {
        return handshakes.get();
    }

    /** Datagrams the other side sent to this peer. */
    long received() {
        return received.get();
    }

    /** How many of each kind the flood sent (read it once the flood ended). */
    Map<FuzzDatagrams.Kind, Long> kinds() {
        return fuzz.counts();
    }

    private void receive() {
        SessionPeer peer = new SessionPeer(role, key);
        SplittableRandom random = new SplittableRandom(~seed);
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (socket.isOpen()) {
            buffer.clear();
            SocketAddress from;
            try {
                from = socket.receive(buffer);
            } catch (IOException e) {
                return;
            }
            received.incrementAndGet();
            if (peer.receive((InetSocketAddress) from, buffer.flip()) instanceof Inbound.Control control) {
                onControl(peer, random, control, (InetSocketAddress) from);
            }
        }
    }

    private void onControl(SessionPeer peer, SplittableRandom random, Inbound.Control control,
            InetSocketAddress from) {
        if (playsTarget && control.message() instanceof ControlResponse) {
            adopt(WireBytes.toArray(control.datagram().body()));
        } else if (!playsTarget && control.message() instanceof Poke poke
                && (poke.isUnbound() || keyed.getCount() > 0 || random.nextInt(ANSWER_BOUND_ONE_IN) == 0)) {
            byte[] response = ControlResponse.answering(poke, random).encode();
            try {
                socket.send(peer.sealControl(control.datagram().version(), control.datagram().sequence(), response),
                        from);
            } catch (IOException e) {
                return;
            }
            adopt(response);
        }
    }

    private void adopt(byte[] responseBody) {
        newResponse.set(responseBody);
        handshakes.incrementAndGet();
        keyed.countDown();
    }

    /** Stops the flood and the receiver and closes the socket, which gives the address back to the real peer. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (flooder != null) {
            flooder.close();
        }
        socket.close();
        receiver.join(TimeUnit.SECONDS.toMillis(5));
    }
}
