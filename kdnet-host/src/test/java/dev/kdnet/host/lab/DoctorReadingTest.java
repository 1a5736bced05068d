package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's reading of {@code ./kdnet host doctor}'s output, on lines as the doctor prints them. */
class DoctorReadingTest {
    @Test
    void theHopsComeFromTheFirstSourceLineThatGivesThemAndTheVerdictFromTheLastLine() {
        DoctorReading reading = DoctorReading.of(List.of(
                "listening on UDP 50000 for 6s without answering...",
                "from 10.213.15.2:50000 to UDP 50000: 2 datagrams, KDNET version 2, HMAC verified (2 control"
                        + " datagrams), TTL 1: 15 hops away",
                "firewall: no nftables, iptables or xfrm rule on this machine stops UDP 50000",
                "warning: target 10.213.15.2 is 15 hops away: one more router and TTL 16 will not reach",
                "verdict: target 10.213.15.2 is 15 hops away: one more router and TTL 16 will not reach"));

        assertThat(reading.hops()).hasValue(15);
        assertThat(reading.hopsText()).isEqualTo("hops: 15");
        assertThat(reading.verdict()).hasValue("verdict: target 10.213.15.2 is 15 hops away: one more router and"
                + " TTL 16 will not reach");
    }

    @Test
    void oneHopIsSingular() {
        assertThat(DoctorReading.of(List.of("from 10.213.1.2:50000 to UDP 50000: 1 datagrams, KDNET version 2,"
                + " HMAC verified (1 control datagrams), TTL 15: 1 hop away")).hops()).hasValue(1);
    }

    @Test
    void nothingArrivedLeavesTheHopsUnknown() {
        DoctorReading reading = DoctorReading.of(List.of("no datagram on UDP 50000 in 6 s",
                "verdict: nothing arrives on UDP 50000 in 6 s and no rule on this machine stops it"));

        assertThat(reading.hops()).isEmpty();
        assertThat(reading.hopsText()).startsWith("hops: unknown");
        assertThat(reading.verdict()).hasValue("verdict: nothing arrives on UDP 50000 in 6 s and no rule on this"
                + " machine stops it");
    }

    @Test
    void aWarningThatNamesHopsIsNotASourceLine() {
        assertThat(DoctorReading.of(List.of("warning: target 10.0.0.2 is 15 hops away")).hops()).isEmpty();
    }
}
