package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import java.nio.charset.StandardCharsets;

/** Reads typed values out of a kernel image the way a debugger does, failing the test on an unmapped byte. */
final class KernelReader {
    private final AddressSpace space;

    KernelReader(AddressSpace space) {
        this.space = space;
    }

    /** Exactly {@code length} bytes at {@code address}. */
    byte[] bytes(long address, int length) {
        byte[] bytes = space.read(address, length);
        assertThat(bytes).as("%d bytes at 0x%x", length, address).hasSize(length);
        return bytes;
    }

    long u64(long address) {
        return WireBytes.wrap(bytes(address, 8)).getLong(0);
    }

    int u32(long address) {
        return WireBytes.wrap(bytes(address, 4)).getInt(0);
    }

    int u16(long address) {
        return WireBytes.u16(WireBytes.wrap(bytes(address, 2)), 0);
    }

    int u8(long address) {
        return WireBytes.u8(WireBytes.wrap(bytes(address, 1)), 0);
    }

    /** The NUL-terminated ASCII string at {@code address} (at most 512 bytes). */
    String asciiZ(long address) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 512; i++) {
            int c = u8(address + i);
            if (c == 0) {
                return text.toString();
            }
            text.append((char) c);
        }
        throw new AssertionError("no NUL within 512 bytes of 0x" + Long.toHexString(address));
    }

    /** The text of the UNICODE_STRING at {@code address} (Length u16, MaximumLength u16, Buffer at +8). */
    String unicodeString(long address) {
        int length = u16(address);
        assertThat(u16(address + 2)).as("MaximumLength").isGreaterThanOrEqualTo(length);
        return new String(bytes(u64(address + 8), length), StandardCharsets.UTF_16LE);
    }
}
