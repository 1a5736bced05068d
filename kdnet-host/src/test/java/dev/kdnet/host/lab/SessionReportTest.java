package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's reading of {@code ./kdnet host listen -c}'s output, on lines as the host prints them. */
class SessionReportTest {
    @Test
    void aSessionIsUpWhenATargetAttachedAndTheReadPrintedBytes() {
        SessionReport report = SessionReport.of(List.of(
                "Waiting for a target on UDP 50000...",
                "Connected to Windows 10 19041 x64 target on UDP 50000",
                "0: kd> db nt L10",
                "fffff804`7a000000  4d 5a 90 00 03 00 00 00-04 00 00 00 ff ff 00 00  MZ..............",
                "0: kd> .kdstats",
                "RTT: 6 samples, smoothed 3.507 ms (min 1.472, max 9.538), retransmit timeout 13.4 ms; 0 resends"));

        assertThat(report.up()).isTrue();
        assertThat(report.summary()).isEqualTo("session up: Connected to Windows 10 19041 x64 target on UDP 50000;"
                + " read fffff804`7a000000  4d 5a 90 00 03 00 00 00-04 00 00 00 ff ff 00 00  MZ..............;"
                + " RTT 3.507 ms");
    }

    @Test
    void anAttachWhoseReadFailedIsNoSession() {
        SessionReport report = SessionReport.of(List.of("Connected to Windows 10 19041 x64 target on UDP 50000",
                "0: kd> db nt L10", "Memory access error at 'nt'"));

        assertThat(report.up()).isFalse();
        assertThat(report.summary()).contains("read failed", "RTT not measured");
    }

    @Test
    void withoutAnAttachTheHostsLastSilenceDiagnosisIsTheReason() {
        SessionReport report = SessionReport.of(List.of("Waiting for a target on UDP 50000...",
                "kdnet host: UDP 50000, nothing attached after 5 s: no datagrams on UDP 50000 for 5 s",
                "kdnet host: UDP 50000, nothing attached after 15 s: 2 datagrams from 10.213.0.2:50000, HMAC failed",
                "kdnet host: no target attached within 20 s"));

        assertThat(report.up()).isFalse();
        assertThat(report.summary()).isEqualTo("no session: no target attached; the host says: 2 datagrams from"
                + " 10.213.0.2:50000, HMAC failed");
    }
}
