package dev.kdnet.host.shell;

/** Numbers as WinDbg prints them: 64-bit addresses with a backtick between the halves. */
final class Hex {
    private Hex() {
    }

    /** {@code fffff804`7a000000}. */
    static String address(long value) {
        return String.format("%08x`%08x", value >>> 32, value & 0xFFFF_FFFFL);
    }

    /** {@code 0000000000000001}. */
    static String u64(long value) {
        return String.format("%016x", value);
    }
}
