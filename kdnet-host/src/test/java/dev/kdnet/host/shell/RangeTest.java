package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeTest {
    private static final long NT = 0xFFFF_F804_7A00_0000L;
    private final Expression expression = new Expression(NT, r -> 0L);

    private Range parse(String text, int unit) {
        List<String> args = Arrays.asList(text.split(" "));
        return Range.parse(args, expression, 0x80 / unit, unit);
    }

    @Test
    void lengthsAbove32BitsAreKeptWhole() {
        assertThat(parse("nt L?100000000", 1).count()).isEqualTo(0x1_0000_0000L);
        assertThat(parse("nt L?100000010", 1).count()).isEqualTo(0x1_0000_0010L);
        assertThat(parse("nt L?80000000", 1).count()).isEqualTo(0x8000_0000L);
    }

    @Test
    void aDisplayRefusesMoreThanItsLimitInOneLine() {
        assertThatThrownBy(() -> parse("nt L?100000000", 1).bytes(Range.DISPLAY_LIMIT, "db", "use .writemem"))
                .isInstanceOf(ShellException.class).hasMessage(
                        "db takes at most 0x1000000 bytes (16 MiB), not 0x100000000 bytes: use .writemem");
        assertThatThrownBy(() -> parse("nt L?80000000", 1).bytes(Range.DISPLAY_LIMIT, "db", "x"))
                .hasMessageStartingWith("db takes at most 0x1000000 bytes (16 MiB), not 0x80000000 bytes");
        assertThatThrownBy(() -> parse("nt L?4000000000000000", 8).bytes(Range.DISPLAY_LIMIT, "dq", "x"))
                .as("count times unit overflows 64 bits").hasMessageContaining("not 0x4000000000000000 8-byte units");
        assertThatThrownBy(() -> parse("nt L?ffffffffffffffff", 1).bytes(1L << 30, ".writemem", "x"))
                .as("unsigned").hasMessageStartingWith(".writemem takes at most 0x40000000 bytes (1 GiB)");
    }

    @Test
    void withinTheLimitTheBytesAreCountTimesUnit() {
        assertThat(parse("nt L?200000", 8).bytes(Range.DISPLAY_LIMIT, "dq", "x")).isEqualTo(0x100_0000L);
        assertThat(parse("nt", 4)).isEqualTo(new Range(NT, 0x20, 4));
    }

    @Test
    void aPlainLengthOver256KiBNeedsTheQuestionMark() {
        assertThatThrownBy(() -> parse("nt L40001", 1)).hasMessage(
                "length 40001 is over 256 KiB; write L?40001 to mean it");
        assertThat(parse("nt L40000", 1).count()).isEqualTo(0x40000);
        assertThatThrownBy(() -> parse("nt L0", 1)).hasMessage("length 0 is zero: give at least 1");
    }
}
