package dev.kdnet.it.host;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Optional;

/**
 * The simulated kernel's code region as its CPUs execute it, from its bytes: where each instruction ends, where a
 * CPU goes next, and which breakpoint running CPUs reach first. A byte the stream does not decode is a one-byte
 * instruction, as for the simulated CPU.
 */
final class InstructionStream {
    private static final int MAX_INSTRUCTION = 16;

    private final long start;
    private final byte[] code;
    private final BitSet boundaries = new BitSet();
    private final int instructions;

    /** The stream of the {@code code} bytes that start at {@code start}. */
    InstructionStream(long start, byte[] code) {
        this.start = start;
        this.code = code.clone();
        long address = start;
        int count = 0;
        while (!boundaries.get(offset(address))) {
            boundaries.set(offset(address));
            address = next(address);
            count++;
        }
        this.instructions = count;
    }

    /** Instructions in one loop through the region. */
    int instructions() {
        return instructions;
    }

    /** True if a CPU following the stream from its start executes an instruction at {@code address}. */
    boolean isInstruction(long address) {
        return address >= start && address < start + code.length && boundaries.get(offset(address));
    }

    /** Where a CPU goes after executing the instruction at {@code address}. */
    long next(long address) {
        int at = offset(address);
        byte[] bytes = Arrays.copyOfRange(code, at, Math.min(code.length, at + MAX_INSTRUCTION));
        Optional<SyntheticInstruction> decoded = SyntheticInstruction.decode(bytes);
        if (decoded.isEmpty()) {
            return address + 1;
        }
        SyntheticInstruction instruction = decoded.get();
        return instruction == SyntheticInstruction.JMP_REL32
                ? address + SyntheticInstruction.JMP_LENGTH + WireBytes.wrap(bytes).getInt(1)
                : address + instruction.length();
    }

    /** The instruction {@code count} instructions after the one at {@code address}. */
    long ahead(long address, int count) {
        long at = address;
        for (int i = 0; i < count; i++) {
            at = next(at);
        }
        return at;
    }

    /** The first breakpoint hit when CPUs at {@code rips} run, and by which CPU. */
    record Hit(int cpu, long address) {
    }

    /**
     * Which of the {@code armed} breakpoints CPUs at {@code rips} (by processor number) hit first when they run in
     * lockstep, one instruction each in processor order: the CPU with the fewest instructions to go, the lowest
     * processor number on a tie. Empty if none reaches one within a loop through the region.
     */
    Optional<Hit> firstHit(long[] rips, Collection<Long> armed) {
        Hit best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int cpu = 0; cpu < rips.length; cpu++) {
            long at = rips[cpu];
            for (int n = 0; n <= instructions && n < bestDistance; n++) {
                if (armed.contains(at)) {
                    best = new Hit(cpu, at);
                    bestDistance = n;
                    break;
                }
                at = next(at);
            }
        }
        return Optional.ofNullable(best);
    }

    private int offset(long address) {
        long offset = address - start;
        if (offset < 0 || offset >= code.length) {
            throw new IllegalArgumentException(String.format("0x%X is outside the code region", address));
        }
        return (int) offset;
    }
}
