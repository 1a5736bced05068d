package dev.kdnet.sim.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.sim.nic.IcmpErrorKind;
import dev.kdnet.sim.nic.IcmpSummary;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The doctor's verdict for each thing a path can do to the pokes, written out as the user reads it. */
class PathVerdictTest {
    private static final InetSocketAddress HOST = new InetSocketAddress(ip("10.213.2.2"), 50000);
    private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);

    @Test
    void aHandshakeIsPathOkWhateverCameBefore() {
        PathVerdict verdict = PathVerdict.of(seen(1, 1, 0, icmp(IcmpErrorKind.PORT_UNREACHABLE, 3, "10.213.2.2"),
                Map.of()));

        assertThat(verdict.line()).isEqualTo("target doctor: path OK: the host 10.213.2.2:50000 answered (handshake"
                + " done) after 1 poke");
        assertThat(verdict.sessionUp()).isTrue();
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void portUnreachableFromTheHostMeansNothingListensOrAReject() {
        PathVerdict verdict = PathVerdict.of(seen(5, 0, 0, icmp(IcmpErrorKind.PORT_UNREACHABLE, 5, "10.213.2.2"),
                Map.of()));

        assertThat(verdict.line()).isEqualTo("target doctor: no answer: 5 pokes sent, 5 ICMP port unreachable from"
                + " 10.213.2.2: nothing listens on UDP 50000 there, or a firewall REJECTs it");
        assertThat(verdict.sessionUp()).isFalse();
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void timeExceededNamesTheRouterAndTheHopLimitOfTtl16() {
        PathVerdict verdict = PathVerdict.of(seen(7, 0, 0, icmp(IcmpErrorKind.TIME_EXCEEDED, 7, "10.213.3.1"),
                Map.of()));

        assertThat(verdict.line()).isEqualTo("target doctor: no answer: 7 pokes sent, 7 ICMP time exceeded from"
                + " router 10.213.3.1: the host is more than 15 routers away (KDNET sends with TTL 16)");
    }

    @Test
    void timeExceededWithALoweredTtlSaysSo() {
        PathObservation seen = new PathObservation(HOST, 2, 3, 0, 0, Optional.empty(),
                icmp(IcmpErrorKind.TIME_EXCEEDED, 3, "10.213.3.1"), Map.of(), TWENTY_SECONDS);

        assertThat(PathVerdict.of(seen).line()).isEqualTo("target doctor: no answer: 3 pokes sent, 3 ICMP time"
                + " exceeded from router 10.213.3.1: the host is more than 1 router away (this target sends with"
                + " TTL 2, --ttl)");
    }

    @Test
    void theMostFrequentKindWinsAndEveryReporterIsNamed() {
        IcmpSummary mixed = new IcmpSummary(Map.of(IcmpErrorKind.HOST_UNREACHABLE, 4L,
                IcmpErrorKind.NETWORK_UNREACHABLE, 1L),
                Map.of(IcmpErrorKind.HOST_UNREACHABLE, List.of(ip("10.213.1.1"), ip("10.213.1.9")),
                        IcmpErrorKind.NETWORK_UNREACHABLE, List.of(ip("10.213.1.1"))), OptionalLong.empty());

        assertThat(PathVerdict.of(seen(5, 0, 0, mixed, Map.of())).line()).isEqualTo("target doctor: no answer:"
                + " 5 pokes sent, 4 ICMP host unreachable from 10.213.1.1, 10.213.1.9: 10.213.2.2 does not answer on"
                + " its own link (switched off, or a wrong address)");
    }

    @Test
    void onATieTheKindDeclaredFirstWins() {
        IcmpSummary tie = new IcmpSummary(Map.of(IcmpErrorKind.TIME_EXCEEDED, 2L,
                IcmpErrorKind.PORT_UNREACHABLE, 2L), Map.of(), OptionalLong.empty());

        assertThat(PathVerdict.of(seen(4, 0, 0, tie, Map.of())).line()).isEqualTo("target doctor: no answer:"
                + " 4 pokes sent, 2 ICMP port unreachable: nothing listens on UDP 50000 there, or a firewall REJECTs"
                + " it");
    }

    @Test
    void networkUnreachableProhibitedAndFragmentationNeededSayWhatTheyMean() {
        assertThat(PathVerdict.of(seen(2, 0, 0, icmp(IcmpErrorKind.NETWORK_UNREACHABLE, 2, "10.213.1.1"),
                Map.of())).line()).isEqualTo("target doctor: no answer: 2 pokes sent, 2 ICMP network unreachable"
                + " from router 10.213.1.1: no route to 10.213.2.2 from there");
        assertThat(PathVerdict.of(seen(1, 0, 0, icmp(IcmpErrorKind.PROHIBITED, 1, "10.213.2.2"),
                Map.of())).line()).isEqualTo("target doctor: no answer: 1 poke sent, 1 ICMP administratively"
                + " prohibited from 10.213.2.2: a firewall REJECTs UDP 50000 as administratively prohibited");
        IcmpSummary fragmentation = new IcmpSummary(Map.of(IcmpErrorKind.FRAGMENTATION_NEEDED, 1L),
                Map.of(IcmpErrorKind.FRAGMENTATION_NEEDED, List.of(ip("10.213.1.1"))), OptionalLong.of(576));
        assertThat(PathVerdict.of(seen(1, 0, 0, fragmentation, Map.of())).line()).isEqualTo("target doctor: no"
                + " answer: 1 poke sent, 1 ICMP fragmentation needed from 10.213.1.1: a link on the way is narrower"
                + " than the datagrams, which carry DF (next-hop MTU 576)");
    }

    @Test
    void nothingAtAllIsASilentDrop() {
        PathVerdict verdict = PathVerdict.of(seen(7, 0, 0, IcmpSummary.NONE, Map.of()));

        assertThat(verdict.line()).isEqualTo("target doctor: no answer and no ICMP error: 7 pokes sent in 20 s were"
                + " dropped silently (a DROP rule, an IPsec policy requiring ESP, or the host is not running)");
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(PathVerdict.of(seen(1, 0, 0, IcmpSummary.NONE, Map.of())).line()).as("one poke")
                .contains("1 poke sent in 20 s was dropped silently");
    }

    @Test
    void pokesThisMachineRefusesToSendAreNamedBeforeAnyIcmpError() {
        PathObservation seen = new PathObservation(HOST, 16, 3, 0, 3, Optional.of("Operation not permitted"),
                icmp(IcmpErrorKind.PORT_UNREACHABLE, 1, "10.213.2.2"), Map.of(), TWENTY_SECONDS);

        assertThat(PathVerdict.of(seen).line()).isEqualTo("target doctor: no answer: none of the 3 pokes left this"
                + " machine (Operation not permitted): a firewall rule here refuses them, or there is no route to"
                + " 10.213.2.2");
    }

    @Test
    void someFailedSendsAmongOthersDoNotHideTheIcmpError() {
        PathObservation seen = new PathObservation(HOST, 16, 3, 0, 1, Optional.of("Connection refused"),
                icmp(IcmpErrorKind.PORT_UNREACHABLE, 2, "10.213.2.2"), Map.of(), TWENTY_SECONDS);

        assertThat(PathVerdict.of(seen).line()).startsWith("target doctor: no answer: 3 pokes sent, 2 ICMP port"
                + " unreachable from 10.213.2.2: ");
    }

    @Test
    void datagramsThatCameBackButFailedTheirMacMeanAnotherKey() {
        PathVerdict verdict = PathVerdict.of(seen(4, 0, 0, IcmpSummary.NONE,
                Map.of(DropReason.HMAC_MISMATCH, 3L, DropReason.BAD_MAGIC, 1L)));

        assertThat(verdict.line()).isEqualTo("target doctor: no answer: 4 datagrams came back from the path but"
                + " were dropped (" + DropReason.HMAC_MISMATCH.description() + "): the host uses another key");
    }

    private static PathObservation seen(long pokes, long handshakes, long sendFailures, IcmpSummary icmp,
            Map<DropReason, Long> drops) {
        return new PathObservation(HOST, 16, pokes, handshakes, sendFailures, Optional.empty(), icmp, drops,
                TWENTY_SECONDS);
    }

    private static IcmpSummary icmp(IcmpErrorKind kind, long count, String reporter) {
        return new IcmpSummary(Map.of(kind, count), Map.of(kind, List.of(ip(reporter))), OptionalLong.empty());
    }

    private static Inet4Address ip(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
