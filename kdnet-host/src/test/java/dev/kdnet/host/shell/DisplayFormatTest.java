package dev.kdnet.host.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.MemorySpace;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The line shapes of WinDbg's memory displays, written out by hand. */
class DisplayFormatTest {
    private static final byte[] HEADER = {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff,
            (byte) 0xff, 0, 0};

    @Test
    void bytesHaveADashInTheMiddleAndTheirAscii() {
        assertThat(DisplayFormat.BYTES.line(HEADER, 0, 16))
                .isEqualTo("4d 5a 90 00 03 00 00 00-04 00 00 00 ff ff 00 00  MZ..............");
        assertThat(DisplayFormat.BYTES.line(HEADER, 0, 4))
                .isEqualTo("4d 5a 90 00                                      MZ..");
    }

    @Test
    void dcShowsDwordsThenAscii() {
        byte[] text = "This program can".getBytes(StandardCharsets.US_ASCII);
        assertThat(DisplayFormat.DWORDS_ASCII.line(text, 0, 16))
                .isEqualTo("73696854 6f727020 6d617267 6e616320  This program can");
        assertThat(DisplayFormat.DWORDS_ASCII.line(text, 0, 8))
                .isEqualTo("73696854 6f727020                    This pro");
    }

    @Test
    void wordsDwordsQwordsAndPointers() {
        assertThat(DisplayFormat.WORDS.line(HEADER, 0, 16)).isEqualTo("5a4d 0090 0003 0000 0004 0000 ffff 0000");
        assertThat(DisplayFormat.DWORDS.line(HEADER, 0, 16)).isEqualTo("00905a4d 00000003 00000004 0000ffff");
        assertThat(DisplayFormat.QWORDS.line(HEADER, 0, 16)).isEqualTo("00000003`00905a4d 0000ffff`00000004");
        assertThat(DisplayFormat.POINTERS.line(HEADER, 8, 8)).isEqualTo("0000ffff`00000004");
        assertThat(DisplayFormat.POINTERS.lineBytes()).isEqualTo(8);
    }

    @Test
    void physicalAddressesStartWithAHash() {
        assertThat(MemoryCommands.addressColumn(MemorySpace.PHYSICAL, 0x1000)).isEqualTo("#    1000 ");
        assertThat(MemoryCommands.addressColumn(MemorySpace.VIRTUAL, 0xFFFF_F804_7A00_0000L))
                .isEqualTo("fffff804`7a000000  ");
    }
}
