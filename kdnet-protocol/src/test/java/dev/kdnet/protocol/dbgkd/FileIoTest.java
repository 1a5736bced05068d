package dev.kdnet.protocol.dbgkd;

import static dev.kdnet.protocol.dbgkd.UnionViewProperties.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.testing.Hex;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DBGKD_FILE_IO (kd-protocol §3.8) against a real CreateFile and WinDbg's refusal, CAP-BD frames 236 and 238
 * (decoded from {@code ../shared/captures/windbg-uncut.pcapng.gz}).
 */
class FileIoTest {
    private static final String CREATE_FILE = "3034000000000000890012008000000001000000010000000000000000000000"
            + "00000000000000000000000000000000188bc57b01f8ffffc1bafe5f00000000"
            + "5c00570069006e0064006f00770073005c00730079007300740065006d003300"
            + "32005c0065006e002d00470042005c00770069006e006c006f00610064002e00"
            + "6500660069002e004d00550049000000";
    private static final String REFUSAL = "303400000f0000c0890012008000000001000000010000000000000000000000"
            + "00000000000000000000000000000000188bc57b01f8ffffc1bafe5f00000000";

    @Test
    void decodesTheRealCreateFile() {
        byte[] payload = Hex.bytes(CREATE_FILE);
        FileIo request = FileIo.decode(ByteBuffer.wrap(payload)).orElseThrow();
        assertThat(request.apiNumber()).isEqualTo(FileIo.CREATE_FILE);
        assertThat(request.status()).isZero();
        assertThat(request.fileName()).isEqualTo("\\Windows\\system32\\en-GB\\winload.efi.MUI");
        assertThat(request.encode()).isEqualTo(payload);
    }

    @Test
    void refusalIsTheRealReply() {
        FileIo request = FileIo.decode(ByteBuffer.wrap(Hex.bytes(CREATE_FILE))).orElseThrow();
        FileIo refusal = FileIo.createFileRefusal(request);
        assertThat(refusal.status()).isEqualTo(NtStatus.NO_SUCH_FILE);
        assertThat(Hex.of(refusal.encode())).isEqualTo(REFUSAL);
    }

    @Test
    void fileNameToleratesAMissingNulAndAnOddByte() {
        FileIo io = new FileIo(FileIo.CREATE_FILE, 0, ByteBuffer.wrap(new byte[FileIo.UNION_LENGTH]), ByteBuffer.wrap(Hex.bytes("41004200 43")));
        assertThat(io.fileName()).isEqualTo("AB");
        assertThat(new FileIo(FileIo.CLOSE_FILE, 0, ByteBuffer.wrap(new byte[FileIo.UNION_LENGTH]), ByteBuffer.wrap(new byte[0])).fileName()).isEmpty();
    }

    @Test
    void randomPayloadsRoundTripByteForByte() {
        SplittableRandom random = new SplittableRandom(0x3430);
        for (int round = 0; round < 2000; round++) {
            byte[] payload = randomBytes(random, FileIo.HEADER_LENGTH + random.nextInt(200));
            assertThat(FileIo.decode(ByteBuffer.wrap(payload)).orElseThrow().encode()).as("round %d", round).isEqualTo(payload);
        }
    }

    @Test
    void truncatedPayloadsAreMalformedNotThrown() {
        for (int length = 0; length < FileIo.HEADER_LENGTH; length++) {
            assertThat(FileIo.decode(ByteBuffer.wrap(new byte[length]))).as("length %d", length).isInstanceOf(Decoded.Malformed.class);
        }
        assertThatThrownBy(() -> new FileIo(FileIo.READ_FILE, 0, ByteBuffer.wrap(new byte[55]), ByteBuffer.wrap(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
