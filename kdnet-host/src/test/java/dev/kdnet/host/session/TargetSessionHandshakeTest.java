package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host's side of the handshake against a scripted target on loopback: a poke that comes again because the
 * host's response was lost is answered again, and is not taken for a reboot.
 */
class TargetSessionHandshakeTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final int VERSION = 4;
    private static final int TIMEOUT_MS = 5000;

    /** A target reduced to its KDNET handshake: it pokes, reads responses and sends the hello. */
    private static final class ScriptedTarget implements AutoCloseable {
        private final DatagramCrypto crypto = new DatagramCrypto();
        private final SessionKeys rootKeys = SessionKeys.of(KEY);
        private final byte[] bootBytes = new byte[Poke.NONCE_LENGTH - 2];
        private final DatagramSocket socket;
        private final InetSocketAddress own;
        private final InetSocketAddress host;
        private int counter;
        private long pokeSequence;

        ScriptedTarget(InetSocketAddress own, InetSocketAddress host) throws Exception {
            this.socket = new DatagramSocket(own);
            this.own = own;
            this.host = host;
            socket.setSoTimeout(TIMEOUT_MS);
            Arrays.fill(bootBytes, (byte) 0x5A);
        }

        /** Pokes (bound to the host if {@code bound}) and returns the response body the host sent back. */
        byte[] pokeAndReadResponse(boolean bound) throws Exception {
            Endpoint peer = bound ? Endpoint.of(host) : Endpoint.UNBOUND;
            Poke poke = Poke.of(Poke.nonce(counter++, bootBytes), Endpoint.of(own), Endpoint.of(host), peer);
            pokeSequence += 3;
            send(rootKeys, Datagram.of(VERSION, Channel.CONTROL, pokeSequence, Direction.TARGET_TO_HOST,
                    poke.encode()));
            while (true) {
                DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                socket.receive(packet);
                byte[] wire = Arrays.copyOf(packet.getData(), packet.getLength());
                if (crypto.open(rootKeys, ByteBuffer.wrap(wire), Direction.HOST_TO_TARGET) instanceof OpenOutcome.Opened opened
                        && opened.datagram().channel() == Channel.CONTROL) {
                    return WireBytes.toArray(opened.datagram().body());
                }
            }
        }

        /** Boots again: new boot bytes in the nonce, as a rebooted target draws. */
        void reboot() {
            Arrays.fill(bootBytes, (byte) 0xA5);
            counter = 0;
        }

        /** Takes {@code response}: keys the data channel with it and sends the hello, as a target does. */
        void accept(byte[] response) throws Exception {
            SessionKeys keys = rootKeys.withDataKey(DataKey.derive(KEY, response));
            send(keys, Datagram.of(VERSION, Channel.DATA, 1, Direction.TARGET_TO_HOST,
                    UnusedHello.naming((Inet4Address) host.getAddress()).encode()));
        }

        private void send(SessionKeys keys, Datagram datagram) throws Exception {
            byte[] wire = crypto.seal(keys, datagram);
            socket.send(new DatagramPacket(wire, wire.length, host));
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private final BlockingQueue<PokeDecision> decisions = new LinkedBlockingQueue<>();
    private UdpTransport transport;
    private HostServer server;
    private ScriptedTarget target;

    private static InetAddress loopback(int lastByte) throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte});
    }

    @BeforeEach
    void hostAndTarget() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, loopback(1))) {
            port = probe.getLocalPort();
        }
        transport = UdpTransport.create(1);
        server = HostServer.start(transport, HostConfig.of(KEY, List.of(port)).withBindAddress(loopback(1)));
        server.session(port).setListener(new SessionListener() {
            @Override
            public void onPacket(KdPacket packet) {
            }

            @Override
            public void connected(InetSocketAddress from, PokeDecision decision) {
                decisions.add(decision);
            }
        });
        target = new ScriptedTarget(new InetSocketAddress(loopback(2), port), new InetSocketAddress(loopback(1), port));
    }

    @AfterEach
    void close() {
        target.close();
        server.close();
        transport.close();
    }

    @Test
    @Timeout(30)
    void aPokeRepeatedBecauseTheResponseWasLostIsAnsweredAgainAndOnlyNewBootBytesMeanAReboot() throws Exception {
        target.pokeAndReadResponse(false);
        byte[] second = target.pokeAndReadResponse(false);
        target.accept(second);
        target.pokeAndReadResponse(false);
        target.reboot();
        target.pokeAndReadResponse(false);

        assertThat(List.of(next(), next(), next(), next())).containsExactly(PokeDecision.ANSWER_NEW_TARGET,
                PokeDecision.ANSWER_AGAIN, PokeDecision.ANSWER_AGAIN, PokeDecision.ANSWER_REBOOTED);
    }

    @Test
    @Timeout(30)
    void aRestartedHostAnswersTheBoundPokeAgainWhenItsFirstResponseWasLost() throws Exception {
        target.pokeAndReadResponse(true);
        target.pokeAndReadResponse(true);

        assertThat(List.of(next(), next())).containsExactly(PokeDecision.ANSWER_NEW_TARGET, PokeDecision.ANSWER_AGAIN);
    }

    private PokeDecision next() throws InterruptedException {
        PokeDecision decision = decisions.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertThat(decision).as("a handshake").isNotNull();
        return decision;
    }
}
