package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.Inbound;
import dev.kdnet.protocol.session.SessionPeer;
import dev.kdnet.protocol.testing.ManualScheduler;
import dev.kdnet.protocol.testing.RecordingSink;
import io.netty.channel.DefaultEventLoop;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The host's side of the handshake against a scripted target, in memory on the virtual clock: a poke that comes
 * again because the host's response was lost is answered again and is not taken for a reboot; a reboot re-keys;
 * a known target is contacted until it pokes.
 */
class TargetSessionHandshakeTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final int VERSION = 4;
    private static final int PORT = 50000;
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", PORT);
    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.2", PORT);

    /** A target reduced to its KDNET handshake: it pokes, reads responses and sends the hello. */
    private final class ScriptedTarget {
        private final SessionPeer peer = new SessionPeer(KdRole.TARGET, KEY);
        private final byte[] bootBytes = new byte[Poke.NONCE_LENGTH - 2];
        private int counter;
        private long pokeSequence;

        ScriptedTarget() {
            Arrays.fill(bootBytes, (byte) 0x5A);
        }

        /** Pokes (bound to the host if {@code bound}) and returns the response body the host sent back. */
        byte[] pokeAndReadResponse(boolean bound) {
            Endpoint boundTo = bound ? Endpoint.of(HOST) : Endpoint.UNBOUND;
            Poke poke = Poke.of(Poke.nonce(counter++, bootBytes), Endpoint.of(TARGET), Endpoint.of(HOST), boundTo);
            pokeSequence += 3;
            session.receive(TARGET, peer.sealControl(VERSION, pokeSequence, poke.encode()));
            while (true) {
                RecordingSink.Sent sent = sink.take();
                assertThat(sent.recipient()).isEqualTo(TARGET);
                if (peer.receive(HOST, sent.buffer()) instanceof Inbound.Control control) {
                    assertThat(control.message()).isInstanceOf(ControlResponse.class);
                    return WireBytes.toArray(control.datagram().body());
                }
            }
        }

        /** Boots again: new boot bytes in the nonce, as a rebooted target draws. */
        void reboot() {
            Arrays.fill(bootBytes, (byte) 0xA5);
            counter = 0;
            peer.forget();
        }

        /** Takes {@code response}: keys the data channel with it and sends the hello, as a target does. */
        void accept(byte[] response) {
            peer.keyChannel(HOST, VERSION, response);
            session.receive(TARGET, hello());
        }

        ByteBuffer hello() {
            return peer.sealData(UnusedHello.naming((Inet4Address) HOST.getAddress()));
        }
    }

    private final ManualScheduler clock = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final List<PokeDecision> decisions = new ArrayList<>();
    private TargetSession session;
    private ScriptedTarget target;

    private void start(HostConfig config) {
        session = new TargetSession(config, PORT, loop, sink, clock);
        session.setListener(new SessionListener() {
            @Override
            public void onPacket(KdPacket packet) {
            }

            @Override
            public void connected(InetSocketAddress from, PokeDecision decision) {
                decisions.add(decision);
            }
        });
        session.start();
        target = new ScriptedTarget();
    }

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aPokeRepeatedBecauseTheResponseWasLostIsAnsweredAgainAndOnlyNewBootBytesAfterDataMeanAReboot() {
        start(HostConfig.of(KEY, List.of(PORT)));

        target.pokeAndReadResponse(false);
        byte[] second = target.pokeAndReadResponse(false);
        target.accept(second);
        target.pokeAndReadResponse(false);
        target.reboot();
        target.pokeAndReadResponse(false);

        assertThat(decisions).containsExactly(PokeDecision.ANSWER_NEW_TARGET, PokeDecision.ANSWER_UNHEARD,
                PokeDecision.ANSWER_AGAIN, PokeDecision.ANSWER_REBOOTED);
    }

    @Test
    void aTargetThatNeverHearsOurAnswersIsNoRebootingTargetAndTheLogSaysOurRepliesDoNotReachIt() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger log = (Logger) LoggerFactory.getLogger(TargetSession.class);
        lines.start();
        log.addAppender(lines);
        try {
            start(HostConfig.of(KEY, List.of(PORT)));
            for (int poke = 0; poke < 12; poke++) {
                target.pokeAndReadResponse(false);
                clock.advance(Duration.ofSeconds(3));
            }
            target.reboot();
            target.pokeAndReadResponse(false);
        } finally {
            log.detachAppender(lines);
        }

        assertThat(decisions).hasSize(13).first().isEqualTo(PokeDecision.ANSWER_NEW_TARGET);
        assertThat(decisions.subList(1, 13)).as("the reboot came before any data: no session was lost")
                .containsOnly(PokeDecision.ANSWER_UNHEARD);
        assertThat(lines.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                        "UDP 50000: the target at 127.0.0.2:50000 pokes again without having heard our answer"
                                + " (1 time): our replies do not reach it \u2014 a firewall or IPsec policy on this"
                                + " host's outbound path?",
                        "UDP 50000: the target at 127.0.0.2:50000 pokes again without having heard our answer"
                                + " (11 times): our replies do not reach it \u2014 a firewall or IPsec policy on"
                                + " this host's outbound path?");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("REBOOTED"));
    }

    @Test
    void aRestartedHostAnswersTheBoundPokeAgainWhenItsFirstResponseWasLost() {
        start(HostConfig.of(KEY, List.of(PORT)));

        target.pokeAndReadResponse(true);
        target.pokeAndReadResponse(true);

        assertThat(decisions).containsExactly(PokeDecision.ANSWER_NEW_TARGET, PokeDecision.ANSWER_UNHEARD);
    }

    @Test
    void aRebootReKeysTheDataChannelAndOldKeyDataIsDropped() {
        start(HostConfig.of(KEY, List.of(PORT)));
        target.accept(target.pokeAndReadResponse(false));
        ByteBuffer underOldKey = target.hello();

        target.reboot();
        target.accept(target.pokeAndReadResponse(false));
        session.receive(TARGET, underOldKey);

        SessionStats stats = session.stats();
        assertThat(stats.handshakes()).isEqualTo(2);
        assertThat(stats.drops()).isEqualTo(Map.of(DropReason.HMAC_MISMATCH, 1L));
        assertThat(stats.link().orElseThrow().resendsSent()).as("the new link answered the new hello")
                .isEqualTo(1);
    }

    @Test
    void theTimeSinceTheTargetWasLastHeardGrowsInSilenceAndStartsAgainAtItsNextDatagram() {
        start(HostConfig.of(KEY, List.of(PORT)));
        assertThat(session.stats().sinceHeard()).as("no target yet").isEmpty();
        target.accept(target.pokeAndReadResponse(false));

        clock.advance(Duration.ofSeconds(11));
        assertThat(session.stats().target()).contains(TARGET);
        assertThat(session.stats().sinceHeard()).contains(Duration.ofSeconds(11));

        session.receive(TARGET, target.hello());
        assertThat(session.stats().sinceHeard()).contains(Duration.ZERO);
    }

    @Test
    void aKnownTargetIsContactedEveryIntervalUntilItPokes() {
        start(HostConfig.of(KEY, List.of(PORT)).withKnownTarget((Inet4Address) TARGET.getAddress()));
        clock.advance(HostConfig.DEFAULT_CONTACT_INTERVAL.multipliedBy(2));

        assertThat(sink.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            RecordingSink.Sent contact = sink.take();
            assertThat(contact.recipient()).isEqualTo(TARGET);
            assertThat(((Inbound.Control) target.peer.receive(HOST, contact.buffer())).message())
                    .isEqualTo(EmptyControl.INSTANCE);
        }
        target.pokeAndReadResponse(false);
        clock.advance(HostConfig.DEFAULT_CONTACT_INTERVAL.multipliedBy(4));
        assertThat(sink.size()).as("no contact after the target's poke").isZero();
    }

    @Test
    void silenceIsReportedEveryWindowOnTheVirtualClock() {
        List<SilenceDiagnosis> reports = new ArrayList<>();
        start(HostConfig.of(KEY, List.of(PORT)).withSilenceWindow(Duration.ofSeconds(10)));
        session.setListener(new SessionListener() {
            @Override
            public void onPacket(KdPacket packet) {
            }

            @Override
            public void silent(SilenceDiagnosis diagnosis) {
                reports.add(diagnosis);
            }
        });

        clock.advance(Duration.ofSeconds(29));

        assertThat(reports).hasSize(2);
    }
}
