package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageWalkTest {
    private static final long CR3 = 0x1AA000;
    private static final long PDPT = 0x4B09000;
    private static final long PD = 0x4B0A000;
    private static final long PT = 0x25EE000;
    private static final long VA = 0xFFFFF8047A001234L;
    /** Indexes of VA: PML4 0x1F0, PDPT 0x011, PD 0x1D0, PT 0x001. */
    private final Map<Long, Long> physical = new HashMap<>();

    private long read(long address) {
        return physical.getOrDefault(address, 0L);
    }

    private void tables(long pdEntry) {
        physical.put(CR3 + 0x1F0 * 8, PDPT | 0x63);
        physical.put(PDPT + 0x011 * 8, PD | 0x63);
        physical.put(PD + 0x1D0 * 8, pdEntry);
        physical.put(PT + 0x001 * 8, 0x8000_0000_02A0_1021L);
    }

    @Test
    void fourLevelsToA4KiBPage() {
        tables(PT | 0x63);

        PageWalk.Translation walk = PageWalk.translate(CR3 | 0x5, VA, this::read);

        assertThat(walk.directoryBase()).isEqualTo(CR3);
        assertThat(walk.entries()).extracting(PageWalk.Entry::address)
                .containsExactly(CR3 + 0xF80, PDPT + 0x88, PD + 0xE80, PT + 8);
        assertThat(walk.physical()).hasValue(0x2A01234L);
        assertThat(walk.last().pfn()).isEqualTo(0x2A01);
    }

    @Test
    void aLargePdeEndsTheWalkWithThe2MiBOffset() {
        tables(0x2A00000L | 0xE3);

        PageWalk.Translation walk = PageWalk.translate(CR3, VA, this::read);

        assertThat(walk.entries()).hasSize(3);
        assertThat(walk.physical()).hasValue(0x2A00000L + (VA & 0x1FFFFF));
    }

    @Test
    void aMissingEntryEndsTheWalkUnmapped() {
        tables(0);

        PageWalk.Translation walk = PageWalk.translate(CR3, VA, this::read);

        assertThat(walk.physical()).isEmpty();
        assertThat(walk.last().level()).isEqualTo(2);
        assertThat(walk.last().present()).isFalse();
    }

    @Test
    void selfMapGivesWindowsPteAddresses() {
        long[] pml4 = new long[512];
        pml4[0x1ED] = CR3 | 0x63;

        assertThat(PageWalk.selfMapIndex(CR3, pml4)).hasValue(0x1ED);
        assertThat(PageWalk.entryVirtualAddress(0x1ED, 0xFFFFF8047A000000L, 4)).isEqualTo(0xFFFFF6FB7DBEDF80L);
        assertThat(PageWalk.entryVirtualAddress(0x1ED, 0xFFFFF8047A000000L, 3)).isEqualTo(0xFFFFF6FB7DBF0088L);
        assertThat(PageWalk.entryVirtualAddress(0x1ED, 0xFFFFF8047A000000L, 2)).isEqualTo(0xFFFFF6FB7E011E80L);
        assertThat(PageWalk.entryVirtualAddress(0x1ED, 0xFFFFF8047A000000L, 1)).isEqualTo(0xFFFFF6FC023D0000L);
        assertThat(PageWalk.selfMapIndex(CR3, new long[512])).isEmpty();
    }

    @Test
    void canonicalAddressesHaveBits63To47Equal() {
        assertThat(PageWalk.isCanonical(0xFFFF800000000000L)).isTrue();
        assertThat(PageWalk.isCanonical(0x00007FFFFFFFFFFFL)).isTrue();
        assertThat(PageWalk.isCanonical(0x0000800000000000L)).isFalse();
    }

    @Test
    void flagsColumnAsWindbgShowsIt() {
        assertThat(PteFlags.of(0x63, false)).isEqualTo("---DA--KWEV");
        assertThat(PteFlags.of(0x8000_0000_0000_0021L, false)).isEqualTo("----A--KR-V");
        assertThat(PteFlags.of(0x1E3, true)).isEqualTo("-GLDA--KWEV");
        assertThat(PteFlags.of(0x1E3, false)).isEqualTo("-G-DA--KWEV");
        assertThat(PteFlags.of(0x21F, false)).isEqualTo("C----NTUWEV");
        assertThat(PteFlags.of(0, false)).isEqualTo("-------KRE-");
    }
}
