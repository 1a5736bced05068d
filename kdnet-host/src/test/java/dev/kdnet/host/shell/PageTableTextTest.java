package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The text of {@code !pte} and {@code !vtop} for walks that end in a 4 KiB page, a large page and nothing. */
class PageTableTextTest {
    private static final long VA = 0xFFFFF8047A000000L;
    private static final PageWalk.Entry PXE = new PageWalk.Entry(4, 0x1AAF80, 0x4B09063);
    private static final PageWalk.Entry PPE = new PageWalk.Entry(3, 0x4B09088, 0x4B0A063);

    @Test
    void aLargePageEndsAtThePdeWithItsPfn() {
        PageWalk.Translation walk = new PageWalk.Translation(VA, 0x1AA000, List.of(PXE, PPE,
                new PageWalk.Entry(2, 0x4B0A1E8, 0x2A001E3)), OptionalLong.of(0x2A00000));

        List<String> pte = PageTableCommands.pteLines(walk, OptionalInt.of(0x1ED));

        assertThat(pte).containsExactly(
                " ".repeat(43) + "VA fffff8047a000000",
                "PXE at FFFFF6FB7DBEDF80    PPE at FFFFF6FB7DBF0088    PDE at FFFFF6FB7E011E80",
                "contains 0000000004B09063  contains 0000000004B0A063  contains 0000000002A001E3",
                "pfn 4b09      ---DA--KWEV  pfn 4b0a      ---DA--KWEV  pfn 2a00      -GLDA--KWEV  LARGE PAGE pfn 2a00");
        assertThat(PageTableCommands.vtopLines(walk)).containsExactly(
                "Amd64VtoP: Virt fffff8047a000000, pagedir 00000000001aa000",
                "Amd64VtoP: PML4E 00000000001aaf80",
                "Amd64VtoP: PDPE 0000000004b09088",
                "Amd64VtoP: PDE 0000000004b0a1e8",
                "Amd64VtoP: Large page mapped phys 0000000002a00000",
                "Virtual address fffff8047a000000 translates to physical address 2a00000.");
    }

    @Test
    void aMissingEntryIsNotValidAndWithoutSelfMapThePhysicalAddressesShow() {
        PageWalk.Translation walk = new PageWalk.Translation(VA, 0x1AA000, List.of(PXE,
                new PageWalk.Entry(3, 0x4B09088, 0)), OptionalLong.empty());

        assertThat(PageTableCommands.pteLines(walk, OptionalInt.empty())).containsExactly(
                " ".repeat(43) + "VA fffff8047a000000",
                "PXE at 00000000001AAF80    PPE at 0000000004B09088",
                "contains 0000000004B09063  contains 0000000000000000",
                "pfn 4b09      ---DA--KWEV  not valid",
                "(no self-map entry in the PML4: the entries' physical addresses are shown)");
        assertThat(PageTableCommands.vtopLines(walk)).containsExactly(
                "Amd64VtoP: Virt fffff8047a000000, pagedir 00000000001aa000",
                "Amd64VtoP: PML4E 00000000001aaf80",
                "Amd64VtoP: zero PDPE");
    }
}
