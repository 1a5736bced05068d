package dev.kdnet.protocol.load;

/**
 * The seeded contents of the simulated target's load region: a pure function of (seed, physical address) to a
 * byte. The simulator's physical memory in {@link #REGION_BASE}..{@link #REGION_END} reads as this pattern until
 * written; a load test reads there and checks every byte it gets against the same function.
 *
 * <p>Each aligned 8-byte word is the SplitMix64 finaliser of the seed mixed with the word's address, little-endian:
 * any misplaced, stale or corrupted byte differs from its expected value with probability 255/256.
 */
public final class LoadPattern {
    /** First physical address of the load region: 128 MiB, the upper half of the simulator's 256 MiB of RAM. */
    public static final long REGION_BASE = 128L << 20;
    /** Bytes in the load region: 128 MiB. */
    public static final long REGION_SIZE = 128L << 20;
    /** First physical address past the load region. */
    public static final long REGION_END = REGION_BASE + REGION_SIZE;
    /**
     * First physical address of the scratch region, where the {@code write} workload writes and reads back: 64 MiB,
     * far above the simulated kernel's own pages and below the load region.
     */
    public static final long SCRATCH_BASE = 64L << 20;
    /** Bytes in the scratch region: 1 MiB (a simulator stores each page written, so a small region stays cheap). */
    public static final long SCRATCH_SIZE = 1L << 20;

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;
    private static final long MIX_1 = 0xBF58_476D_1CE4_E5B9L;
    private static final long MIX_2 = 0x94D0_49BB_1331_11EBL;
    private static final int WORD_SHIFT = 3;
    private static final int BYTE_IN_WORD = 7;

    private LoadPattern() {
    }

    /** True if {@code physicalAddress} lies in the load region. */
    public static boolean inRegion(long physicalAddress) {
        return physicalAddress >= REGION_BASE && physicalAddress < REGION_END;
    }

    /** The byte at {@code physicalAddress} of a simulator seeded with {@code seed}. */
    public static byte byteAt(long seed, long physicalAddress) {
        long word = mix(seed + GOLDEN_GAMMA * ((physicalAddress >>> WORD_SHIFT) + 1));
        return (byte) (word >>> (Byte.SIZE * (physicalAddress & BYTE_IN_WORD)));
    }

    /** Puts the pattern of {@code length} bytes from {@code physicalAddress} into {@code into} at {@code offset}. */
    public static void fill(long seed, long physicalAddress, byte[] into, int offset, int length) {
        for (int i = 0; i < length; i++) {
            into[offset + i] = byteAt(seed, physicalAddress + i);
        }
    }

    /** How many bytes of {@code data}, read from {@code physicalAddress}, differ from the pattern. */
    public static int mismatches(long seed, long physicalAddress, byte[] data) {
        int wrong = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != byteAt(seed, physicalAddress + i)) {
                wrong++;
            }
        }
        return wrong;
    }

    private static long mix(long z) {
        long x = (z ^ (z >>> 30)) * MIX_1;
        x = (x ^ (x >>> 27)) * MIX_2;
        return x ^ (x >>> 31);
    }
}
