package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.check;
import static dev.kdnet.protocol.dbgkd.UnionViewProperties.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The manipulate union views of kd-protocol §3.2. Each reads a "counting" union (byte i holds i), so every field
 * value spells out its offset, and passes the {@link UnionViewProperties} contract with exactly its own bytes.
 */
class ManipulateUnionViewsTest {
    private static final int U = ManipulateState64.UNION_LENGTH;
    private static final byte[] COUNTING = counting(U);

    @Nested
    class MemoryTransferView {
        @Test
        void fieldsSitAt0And8AndC() {
            assertThat(MemoryTransfer.from(ByteBuffer.wrap(COUNTING)))
                    .isEqualTo(new MemoryTransfer(0x0706050403020100L, 0x0B0A0908, 0x0F0E0D0C));
            check(U, MemoryTransfer::from, 0, 0x10);
        }

        @Test
        void readsTheRealReadVirtualMemoryRequest() {
            byte[] union = Hex.bytes("605ead0000000000 10000000 f77f0000 a601000000000000 d0ebc7d225000000"
                    + " 11020013fe7f0000");
            MemoryTransfer read = MemoryTransfer.from(ByteBuffer.wrap(union));
            assertThat(read.targetBaseAddress()).isEqualTo(0xAD5E60L);
            assertThat(read.transferCount()).isEqualTo(16);
            assertThat(WireBytes.toArray(read.withActualBytes(16).writeInto(ByteBuffer.wrap(union)))).isEqualTo(Hex.bytes("605ead0000000000 10000000"
                    + " 10000000 a601000000000000 d0ebc7d225000000 11020013fe7f0000"));
            assertThat(MemoryTransfer.request(0x1000, 8)).isEqualTo(new MemoryTransfer(0x1000, 8, 0));
        }
    }

    @Nested
    class ContextExView {
        @Test
        void fieldsSitAt0And4And8() {
            assertThat(ContextEx.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new ContextEx(0x03020100, 0x07060504, 0x0B0A0908));
            assertThat(ContextEx.from(ByteBuffer.wrap(COUNTING)).withBytesCopied(0x4D0).bytesCopied()).isEqualTo(0x4D0);
            check(U, ContextEx::from, 0, 0x0C);
        }
    }

    @Nested
    class BreakPointViews {
        @Test
        void writeBreakPointHasAddressAt0AndHandleAt8() {
            assertThat(WriteBreakPoint.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new WriteBreakPoint(0x0706050403020100L, 0x0B0A0908));
            assertThat(WriteBreakPoint.from(ByteBuffer.wrap(COUNTING)).withHandle(3).handle()).isEqualTo(3);
            check(U, WriteBreakPoint::from, 0, 0x0C);
        }

        @Test
        void restoreBreakPointHasTheHandleAt0() {
            assertThat(RestoreBreakPoint.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new RestoreBreakPoint(0x03020100));
            check(U, RestoreBreakPoint::from, 0, 4);
        }
    }

    @Nested
    class ContinueView {
        @Test
        void continueStatusSitsAt0() {
            assertThat(ContinueRequest.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new ContinueRequest(0x03020100));
            check(U, ContinueRequest::from, 0, 4);
        }
    }

    @Nested
    class IoSpaceView {
        @Test
        void fieldsSitAt0And8AndC() {
            assertThat(IoSpaceTransfer.from(ByteBuffer.wrap(COUNTING)))
                    .isEqualTo(new IoSpaceTransfer(0x0706050403020100L, 0x0B0A0908, 0x0F0E0D0C));
            check(U, IoSpaceTransfer::from, 0, 0x10);
        }
    }

    @Nested
    class MsrView {
        @Test
        void fieldsSitAt0And4And8() {
            assertThat(MsrTransfer.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new MsrTransfer(0x03020100, 0x07060504, 0x0B0A0908));
            check(U, MsrTransfer::from, 0, 0x0C);
        }

        @Test
        void valueJoinsAndSplitsTheHalves() {
            MsrTransfer lstar = new MsrTransfer(0xC000_0082, 0, 0).withValue(0xFFFFF802_8BC1_8000L);
            assertThat(lstar.dataValueLow()).isEqualTo(0x8BC1_8000);
            assertThat(lstar.dataValueHigh()).isEqualTo(0xFFFFF802);
            assertThat(lstar.value()).isEqualTo(0xFFFFF802_8BC1_8000L);
            assertThat(lstar.msr()).isEqualTo(0xC000_0082);
        }
    }

    @Nested
    class SearchMemoryView {
        @Test
        void fieldsSitAt0And8And10() {
            assertThat(SearchMemory.from(ByteBuffer.wrap(COUNTING)))
                    .isEqualTo(new SearchMemory(0x0706050403020100L, 0x0F0E0D0C0B0A0908L, 0x13121110));
            assertThat(SearchMemory.from(ByteBuffer.wrap(COUNTING)).withFoundAddress(0x1234).searchAddress()).isEqualTo(0x1234);
            check(U, SearchMemory::from, 0, 0x14);
        }
    }

    @Nested
    class FillMemoryView {
        @Test
        void fieldsSitAt0And8AndCAndE() {
            assertThat(FillMemory.from(ByteBuffer.wrap(COUNTING)))
                    .isEqualTo(new FillMemory(0x0706050403020100L, 0x0B0A0908, 0x0D0C, 0x0F0E));
            check(U, FillMemory::from, 0, 0x10);
        }

        @Test
        void sixteenBitFieldsRejectWiderValues() {
            assertThatThrownBy(() -> new FillMemory(0, 1, 0x10000, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new FillMemory(0, 1, FillMemory.VIRTUAL, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class QueryMemoryView {
        @Test
        void fieldsSitAt0And8And10And14() {
            assertThat(QueryMemory.from(ByteBuffer.wrap(COUNTING))).isEqualTo(new QueryMemory(0x0706050403020100L,
                    0x0F0E0D0C0B0A0908L, 0x13121110, 0x17161514));
            check(U, QueryMemory::from, 0, 0x18);
        }
    }

    @Nested
    class BusDataView {
        @Test
        void fieldsAreFiveU32sFrom0() {
            assertThat(BusData.from(ByteBuffer.wrap(COUNTING)))
                    .isEqualTo(new BusData(0x03020100, 0x07060504, 0x0B0A0908, 0x0F0E0D0C, 0x13121110));
            check(U, BusData::from, 0, 0x14);
        }
    }
}
