package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.check;
import static dev.kdnet.protocol.dbgkd.UnionViewProperties.counting;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The state-change union views of kd-protocol §3.5 on a "counting" union (byte i holds i), and the
 * {@link UnionViewProperties} contract: each view owns exactly its fields, alignment and tails stay raw.
 */
class StateChangeUnionViewsTest {
    private static final int U = StateChange64.UNION_LENGTH;
    private static final byte[] COUNTING = counting(U);

    @Nested
    class ExceptionRecordView {
        @Test
        void fieldsFollowDbgkmException64() {
            ExceptionRecord64 record = ExceptionRecord64.from(ByteBuffer.wrap(COUNTING));
            assertThat(record.code()).isEqualTo(0x03020100);
            assertThat(record.flags()).isEqualTo(0x07060504);
            assertThat(record.record()).isEqualTo(0x0F0E0D0C0B0A0908L);
            assertThat(record.address()).isEqualTo(0x1716151413121110L);
            assertThat(record.numberParameters()).isEqualTo(0x1B1A1918);
            assertThat(record.information()[0]).isEqualTo(0x2726252423222120L);
            assertThat(record.information()[14]).isEqualTo(0x9796959493929190L);
            assertThat(record.firstChance()).as("state change offset 0xB8").isEqualTo(0x9B9A9998);
        }

        @Test
        void ownsAllButTheAlignmentAndTheTail() {
            check(U, ExceptionRecord64::from, 0, 0x1C, 0x20, 0x9C);
        }
    }

    @Nested
    class LoadSymbolsView {
        @Test
        void fieldsFollowDbgkdLoadSymbols64() {
            assertThat(LoadSymbols64.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new LoadSymbols64(0x03020100, 0x0F0E0D0C0B0A0908L,
                    0x1716151413121110L, 0x1B1A1918, 0x1F1E1D1C, 0x20));
        }

        @Test
        void ownsAllButTheAlignmentAndEverythingAfterUnloadSymbols() {
            check(U, LoadSymbols64::from, 0, 4, 8, 0x21);
        }
    }

    @Nested
    class CommandStringView {
        @Test
        void ownsOnlyItsFlags() {
            assertThat(CommandString.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new CommandString(0x03020100));
            check(U, CommandString::from, 0, 4);
        }
    }
}
