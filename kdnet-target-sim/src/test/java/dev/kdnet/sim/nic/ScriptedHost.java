package dev.kdnet.sim.nic;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * A debugger host scripted by a test, made of a host-role {@link SessionPeer} and a plain JDK socket on
 * 127.0.0.1 with a free port: it reads the target's datagrams (pokes and data apart), answers pokes, sends data and
 * raw bytes. Used from the test thread only; every read gives up after {@link #READ_TIMEOUT_MILLIS}.
 */
final class ScriptedHost implements AutoCloseable {
    /** Longest wait for one datagram. */
    static final int READ_TIMEOUT_MILLIS = 5_000;

    /** A datagram from the target with its UDP source. */
    record Received(Datagram datagram, InetSocketAddress sender) {
        /** The poke this control datagram carries. */
        Poke poke() {
            return (Poke) ControlMessage.decode(datagram.body()).orElseThrow();
        }

        /** The KD body this data datagram carries. */
        KdBody body() {
            return KdBody.decode(datagram.body()).orElseThrow();
        }
    }

    private final DatagramSocket socket;
    private final SessionPeer peer;
    private final SplittableRandom random = new SplittableRandom(7);
    private final Deque<Received> pokes = new ArrayDeque<>();
    private final Deque<Received> data = new ArrayDeque<>();
    private InetSocketAddress target;

    private ScriptedHost(DatagramSocket socket, KdnetKey key) {
        this.socket = socket;
        this.peer = new SessionPeer(KdRole.HOST, key);
    }

    /** A host with key {@code key} on 127.0.0.1 and a free port. */
    static ScriptedHost bind(KdnetKey key) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(50);
        return new ScriptedHost(socket, key);
    }

    /** The host's address. */
    Inet4Address address() {
        return (Inet4Address) socket.getLocalAddress();
    }

    /** The host's port, P for the target. */
    int port() {
        return socket.getLocalPort();
    }

    /** The next poke from the target. */
    Received nextPoke() {
        return next(pokes);
    }

    /** The next data datagram from the target. */
    Received nextData() {
        return next(data);
    }

    /** Pokes until one that names a bound host, skipping those sent before the target took the response in. */
    Received nextBoundPoke() {
        Received poke = nextPoke();
        while (poke.poke().isUnbound()) {
            poke = nextPoke();
        }
        return poke;
    }

    /**
     * The newest poke: waits for one, then reads whatever else has arrived and keeps the last, so that an answer
     * to it echoes a nonce the target still counts as recent however long the test took to get here.
     */
    Received latestPoke() {
        Received latest = nextPoke();
        while (readOne()) {
            if (!pokes.isEmpty()) {
                latest = pokes.removeLast();
                pokes.clear();
            }
        }
        return latest;
    }

    /** Answers {@code poke} as WinDbg does (same sequence and version, to its source) and keys the data channel. */
    ControlResponse answer(Received poke) {
        ControlResponse response = ControlResponse.answering(poke.poke(), random);
        sendControl(poke.datagram().sequence(), response.encode());
        peer.keyChannel(poke.sender(), AgentConfig.DEFAULT_VERSION, response.encode());
        return response;
    }

    /** Sends a control datagram with {@code body} to the target under the root key. */
    void sendControl(long sequence, byte[] body) {
        sendRaw(WireBytes.toArray(peer.sealControl(AgentConfig.DEFAULT_VERSION, sequence, body)));
    }

    /** Sends {@code body} in a data datagram with the next sequence number. */
    void sendData(KdBody body) {
        sendRaw(WireBytes.toArray(peer.sealData(body)));
    }

    /** Sends {@code body} in a data datagram with sequence {@code sequence}. */
    void sendData(long sequence, KdBody body) {
        sendRaw(sealData(sequence, body));
    }

    /** The wire bytes of a data datagram under the current data key. */
    byte[] sealData(long sequence, KdBody body) {
        return WireBytes.toArray(peer.sealDataAt(sequence, body.encode()));
    }

    /** Sends raw bytes to the target (the source of the latest datagram read). */
    void sendRaw(byte[] wire) {
        try {
            socket.send(new DatagramPacket(wire, wire.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends datagrams sealed elsewhere (by another key or side) to the target. */
    void sendRaw(ByteBuffer wire) {
        sendRaw(WireBytes.toArray(wire));
    }

    /** Where the target's datagrams came from. */
    InetSocketAddress target() {
        return target;
    }

    private Received next(Deque<Received> wanted) {
        long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000L;
        while (wanted.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no datagram from the target within " + READ_TIMEOUT_MILLIS + " ms");
            }
            readOne();
        }
        return wanted.removeFirst();
    }

    /** Reads one datagram into its queue; false if none came within the socket timeout. */
    private boolean readOne() {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InetSocketAddress sender = (InetSocketAddress) packet.getSocketAddress();
        Inbound inbound = peer.receive(sender, ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
        target = sender;
        if (inbound instanceof Inbound.Control control) {
            pokes.addLast(new Received(control.datagram(), sender));
        } else if (inbound instanceof Inbound.Data received) {
            data.addLast(new Received(received.datagram(), sender));
        } else {
            throw new AssertionError("the host dropped a datagram from the target: " + inbound);
        }
        return true;
    }

    @Override
    public void close() {
        socket.close();
    }
}
