package dev.kdnet.protocol.dbgkd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AMD64_DBGKD_CONTROL_REPORT (kd-protocol §3.6) against the real Win 8.1 report of Appendix A. */
class ControlReportTest {
    /** The control report of the CAP-81 break-in (state change offset 0xC0). */
    static final String WIN81_REPORT = "f00fffff00000000" + "0004000000000000" + "02020000" + "1000" + "0300"
            + "ccc3cccccccccccc0f1f840000000000" + "1000" + "2b00" + "2b00" + "5300";
    private static final byte[] WIN81_CODE = Hex.bytes("ccc3cccccccccccc0f1f840000000000");

    @Test
    void decodesTheRealWindows81Report() {
        ControlReport report = ControlReport.from(ByteBuffer.wrap(Hex.bytes(WIN81_REPORT)));
        assertThat(report).isEqualTo(new ControlReport(0xFFFF0FF0L, 0x400, 0x202, 16,
                ControlReport.INCLUDES_SEGS | ControlReport.STANDARD_CS, WIN81_CODE, 0x10, 0x2B, 0x2B, 0x53));
        assertThat(Hex.of(report.encode())).isEqualTo(WIN81_REPORT);
    }

    @Test
    void ofBuildsTheRealReportFromTheKernelsView() {
        ControlReport report = ControlReport.of(0xFFFF0FF0L, 0x400, 0x202, WIN81_CODE, 0x10, 0x2B, 0x2B, 0x53);
        assertThat(Hex.of(report.encode())).isEqualTo(WIN81_REPORT);
    }

    @Test
    void shortCodeIsCountedAndZeroPaddedAndOtherCsIsNotStandard() {
        ControlReport report = ControlReport.of(0, 0x400, 0x202, Hex.bytes("ccc3"), 0x33, 0x2B, 0x2B, 0x53);
        assertThat(report.instructionCount()).isEqualTo(2);
        assertThat(report.reportFlags()).isEqualTo(ControlReport.INCLUDES_SEGS);
        assertThat(Hex.of(report.instructionStream())).isEqualTo("ccc3" + "00".repeat(14));
        assertThatThrownBy(() -> ControlReport.of(0, 0, 0, new byte[17], 0x10, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyByteIsTypedSoRandomReportsRoundTrip() {
        SplittableRandom random = new SplittableRandom(48);
        for (int round = 0; round < 1000; round++) {
            byte[] bytes = UnionViewProperties.randomBytes(random, ControlReport.LENGTH);
            assertThat(ControlReport.from(ByteBuffer.wrap(bytes)).encode()).as("round %d", round).isEqualTo(bytes);
        }
    }

    @Test
    void wrongLengthsAndWideFieldsAreRejected() {
        assertThatThrownBy(() -> ControlReport.from(ByteBuffer.wrap(new byte[47]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ControlReport(0, 0, 0, 0, 0, new byte[15], 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ControlReport(0, 0, 0, 0, 0, new byte[16], 0x10000, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CS");
    }
}
