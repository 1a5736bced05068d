package dev.kdnet.host.shell;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code !vtop} and {@code !pte}: the x64 page walk of a virtual address, each entry read with ReadPhysicalMemory
 * from the current CPU's CR3 (or a directory base given to {@code !vtop}), in WinDbg's output shapes.
 */
final class PageTableCommands {
    /** WinDbg's names of the levels in {@code !pte} (4 = PML4) and in {@code !vtop}. */
    private static final Map<Integer, String> PTE_NAMES = Map.of(4, "PXE", 3, "PPE", 2, "PDE", 1, "PTE");
    private static final Map<Integer, String> VTOP_NAMES = Map.of(4, "PML4E", 3, "PDPE", 2, "PDE", 1, "PTE");
    /** Width of one column of {@code !pte}. */
    private static final int COLUMN = 27;
    /** Indent of the {@code VA} line of {@code !pte}. */
    private static final int VA_INDENT = 43;
    private static final int PAGE_SHIFT = 12;

    private PageTableCommands() {
    }

    static void register(Shell shell) {
        shell.add("!vtop", "translate a virtual address through the page tables: !vtop [PFN] VA (PFN of the"
                + " directory base; 0 or none: the current CR3)", PageTableCommands::vtop);
        shell.add("!pte", "the page table entries that map a virtual address: !pte VA", PageTableCommands::pte);
    }

    private static long currentCr3(Shell shell) {
        return shell.debugger().specialRegisters(shell.currentCpu()).get(KSpecialRegister.CR3);
    }

    private static long canonical(Shell shell, String text) {
        long address = shell.expression().evaluate(text);
        if (!PageWalk.isCanonical(address)) {
            throw new ShellException(Hex.address(address) + " is not a canonical x64 address (bits 63-47 must be"
                    + " all 0 or all 1)");
        }
        return address;
    }

    private static PageWalk.Translation walk(Debugger debugger, long cr3, long address) {
        return PageWalk.translate(cr3, address, entry -> readEntry(debugger, entry));
    }

    private static long readEntry(Debugger debugger, long physical) {
        MemoryRead read = debugger.readPhysical(physical, Long.BYTES);
        if (!read.complete()) {
            throw new ShellException("cannot read the page table entry at physical address " + Hex.address(physical));
        }
        return WireBytes.wrap(read.bytes()).getLong(0);
    }

    private static void vtop(Shell shell, List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new ShellException("usage: !vtop [PFN] VA, e.g. !vtop 0 fffff8047a000000 (PFN 0: the current"
                    + " CR3)");
        }
        long pfn = args.size() == 2 ? shell.expression().evaluate(args.get(0)) : 0;
        long address = canonical(shell, args.get(args.size() - 1));
        long cr3 = pfn == 0 ? currentCr3(shell) : pfn << PAGE_SHIFT;
        PageWalk.Translation walk = walk(shell.debugger(), cr3, address);
        vtopLines(walk).forEach(shell.out()::println);
        if (walk.physical().isEmpty()) {
            PageWalk.Entry last = walk.last();
            throw new ShellException(String.format("virtual address %s is not mapped: its %s at physical %s is not"
                    + " present (contains %s)", Hex.address(address), VTOP_NAMES.get(last.level()),
                    Hex.address(last.address()), Hex.u64(last.value())));
        }
    }

    /** What {@code !vtop} prints for {@code walk}: the entries' physical addresses and the translation. */
    static List<String> vtopLines(PageWalk.Translation walk) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Amd64VtoP: Virt %s, pagedir %s", Hex.u64(walk.virtualAddress()),
                Hex.u64(walk.directoryBase())));
        for (PageWalk.Entry entry : walk.entries()) {
            if (entry.present()) {
                lines.add(String.format("Amd64VtoP: %s %s", VTOP_NAMES.get(entry.level()), Hex.u64(entry.address())));
            }
        }
        PageWalk.Entry last = walk.last();
        if (walk.physical().isEmpty()) {
            lines.add("Amd64VtoP: zero " + VTOP_NAMES.get(last.level()));
            return lines;
        }
        long physical = walk.physical().getAsLong();
        lines.add(String.format("Amd64VtoP: %sapped phys %s", last.level() > 1 ? "Large page m" : "M",
                Hex.u64(physical)));
        lines.add(String.format("Virtual address %x translates to physical address %x.", walk.virtualAddress(),
                physical));
        return lines;
    }

    private static void pte(Shell shell, List<String> args) {
        if (args.size() != 1) {
            throw new ShellException("usage: !pte VA, e.g. !pte fffff8047a000000");
        }
        long address = canonical(shell, args.get(0));
        PageWalk.Translation walk = walk(shell.debugger(), currentCr3(shell), address);
        pteLines(walk, selfMap(shell.debugger(), walk.directoryBase())).forEach(shell.out()::println);
    }

    /**
     * What {@code !pte} prints for {@code walk}: a column per entry with its address (virtual through the self-map
     * in PML4 slot {@code selfMap}, else physical), its contents, its page frame number and flags.
     */
    static List<String> pteLines(PageWalk.Translation walk, OptionalInt selfMap) {
        StringBuilder at = new StringBuilder();
        StringBuilder contains = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        for (PageWalk.Entry entry : walk.entries()) {
            long shown = selfMap.isPresent()
                    ? PageWalk.entryVirtualAddress(selfMap.getAsInt(), walk.virtualAddress(), entry.level())
                    : entry.address();
            at.append(column(String.format("%s at %016X", PTE_NAMES.get(entry.level()), shown)));
            contains.append(column(String.format("contains %016X", entry.value())));
            flags.append(column(entry.present() ? String.format("pfn %-10x%s", entry.pfn(),
                    PteFlags.of(entry.value(), entry.level() > 1)) : "not valid"));
        }
        PageWalk.Entry last = walk.last();
        if (last.mapsPage() && last.level() > 1) {
            flags.append("LARGE PAGE pfn ").append(Long.toHexString(walk.physical().getAsLong() >>> PAGE_SHIFT));
        }
        List<String> lines = new ArrayList<>(List.of(" ".repeat(VA_INDENT) + "VA "
                + Long.toHexString(walk.virtualAddress()), at.toString().stripTrailing(),
                contains.toString().stripTrailing(), flags.toString().stripTrailing()));
        if (selfMap.isEmpty()) {
            lines.add("(no self-map entry in the PML4: the entries' physical addresses are shown)");
        }
        return lines;
    }

    private static String column(String text) {
        return String.format("%-" + COLUMN + "s", text);
    }

    private static OptionalInt selfMap(Debugger debugger, long directoryBase) {
        MemoryRead read = debugger.readPhysical(directoryBase, PageWalk.ENTRIES * Long.BYTES);
        ByteBuffer bytes = WireBytes.wrap(read.bytes());
        long[] pml4 = new long[read.bytes().length / Long.BYTES];
        for (int i = 0; i < pml4.length; i++) {
            pml4[i] = bytes.getLong(i * Long.BYTES);
        }
        return PageWalk.selfMapIndex(directoryBase, pml4);
    }
}
