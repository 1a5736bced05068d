package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilenceDiagnosisTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private static final InetSocketAddress TARGET = new InetSocketAddress("10.0.0.5", 50000);

    private static List<String> explain(SourceTally... tallies) {
        return SilenceDiagnosis.explain(50000, TEN, List.of(tallies), Optional.empty()).lines();
    }

    @Test
    void nothingReceivedPointsAtTheFirewall() {
        assertThat(explain()).containsExactly(
                "no datagrams on UDP 50000 for 10 s: is inbound UDP 50000 allowed through the firewall?");
    }

    @Test
    void nothingReceivedFromAContactedTargetNamesIt() throws Exception {
        List<String> lines = SilenceDiagnosis.explain(50000, TEN, List.of(),
                Optional.of(InetAddress.getByName("10.0.0.5"))).lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("contacted 10.0.0.5:50000 without an answer");
    }

    @Test
    void headersThatAllFailTheHmacMeanAnotherKey() {
        assertThat(explain(new SourceTally(TARGET, 12, 12, 12, 0, 0, 0))).containsExactly(
                "12 datagrams from 10.0.0.5:50000 with valid MDBG headers, HMAC failed on all: "
                        + "the key does not match the target's");
    }

    @Test
    void datagramsWithoutHeaderAreNotKdnet() {
        assertThat(explain(new SourceTally(TARGET, 3, 0, 0, 0, 0, 0))).singleElement().asString()
                .contains("without an MDBG header");
    }

    @Test
    void answeredPokesWithoutDataPointAtTheWayBack() {
        assertThat(explain(new SourceTally(TARGET, 4, 4, 0, 4, 1, 0))).singleElement().asString()
                .contains("answered 1 of 4 pokes but no data followed");
    }

    @Test
    void ignoredPokesBelongToAnotherTarget() {
        assertThat(explain(new SourceTally(TARGET, 4, 4, 0, 4, 0, 0))).singleElement().asString()
                .contains("4 pokes ignored");
    }

    @Test
    void aLinkLocalTargetIsNamed() {
        SourceTally linkLocal = new SourceTally(new InetSocketAddress("169.254.3.7", 50000), 5, 5, 5, 0, 0, 0);
        assertThat(explain(linkLocal)).hasSize(2).last().asString()
                .startsWith("target 169.254.3.7 uses a link-local address");
    }

    @Test
    void theBusiestSenderComesFirst() {
        SourceTally quiet = new SourceTally(new InetSocketAddress("10.0.0.7", 50000), 1, 0, 0, 0, 0, 0);
        SourceTally busy = new SourceTally(TARGET, 9, 9, 9, 0, 0, 0);
        assertThat(explain(quiet, busy).get(0)).startsWith("9 datagrams from 10.0.0.5");
    }

    @Test
    void oneSilentPortIsSummarisedAsItsOwnDiagnosis() {
        SilenceDiagnosis one = SilenceDiagnosis.explain(50000, TEN, List.of(), Optional.empty());

        assertThat(SilenceDiagnosis.summarize(List.of(one))).isEqualTo("UDP 50000, nothing attached after 10 s: "
                + "no datagrams on UDP 50000 for 10 s: is inbound UDP 50000 allowed through the firewall?");
    }

    @Test
    void manySilentPortsAreCountedInOneLineAndTheFirstPortsThatHeardSomethingAreNamed() {
        List<SilenceDiagnosis> ports = new java.util.ArrayList<>();
        for (int port = 50000; port < 59991; port++) {
            List<SourceTally> tallies = port % 2000 == 1
                    ? List.of(new SourceTally(new InetSocketAddress("10.0.0.5", port), 12, 12, 12, 0, 0, 0))
                    : List.of();
            ports.add(SilenceDiagnosis.explain(port, TEN, tallies, Optional.empty()));
        }

        String line = SilenceDiagnosis.summarize(ports);

        assertThat(line).doesNotContain("\n").startsWith("nothing attached after 10 s: 9986 of 9991 ports heard"
                + " no datagram (is inbound UDP to them allowed through the firewall?); UDP 50001: 12 datagrams from"
                + " 10.0.0.5:50001 with valid MDBG headers, HMAC failed on all: the key does not match the target's;"
                + " UDP 52001: ").contains("; UDP 54001: ").endsWith("; 2 more ports heard datagrams");
    }
}
