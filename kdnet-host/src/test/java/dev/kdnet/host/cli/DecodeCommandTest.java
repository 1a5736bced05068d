package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.decode.SyntheticCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decode} on a synthetic capture, and its one-line errors. */
class DecodeCommandTest {
    @TempDir
    Path dir;

    @Test
    void countsFramesThatAreNotKdnetAndTruncatedDatagrams() throws IOException {
        byte[] truncated = "MDBG\u0004\u0001 sixteen more bytes".getBytes();
        Path capture = Files.write(dir.resolve("mixed.pcap"),
                new SyntheticCapture().tcp().udp("not kdnet".getBytes()).udp(truncated).pcap());

        HostRun run = HostRun.of("decode", capture.toString(), "--key", "1.2.3.4");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "#1     t= 0.000000 NOT KDNET (no IPv4/UDP datagram)",
                "#2     t= 1.000000 10.1.1.2:50000 > 10.1.1.1:50000 ttl=16 DF udpcsum=0 NOT KDNET (no MDBG magic)",
                "#3     t= 2.000000 10.1.1.2:50000 > 10.1.1.1:50000 ttl=16 DF udpcsum=0 ver=4 chan=CTRL len="
                        + truncated.length + " MALFORMED (bad length)",
                "3 datagrams: 0 verified, 0 bad HMAC, 0 no data key, 1 malformed, 2 not KDNET");
    }

    @Test
    void missingFileIsOneLineAndExitCode2() {
        Path missing = dir.resolve("nothing-here.pcapng");

        HostRun run = HostRun.of("decode", missing.toString(), "--key", "8.8.8.8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("kdnet host: " + missing + ": no such file");
    }

    @Test
    void fileThatIsNoCaptureIsOneLineAndExitCode2() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello world, not a capture");

        HostRun run = HostRun.of("decode", text.toString(), "--key", "8.8.8.8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1).first().asString()
                .startsWith("kdnet host: " + text + " is not a readable capture: not a pcap or pcapng file");
    }

    @Test
    void badOrMissingKeyIsOneLineAndExitCode2() throws IOException {
        Path capture = Files.write(dir.resolve("empty.pcap"), new SyntheticCapture().pcap());

        HostRun badKey = HostRun.of("decode", capture.toString(), "--key", "8.8.8");
        HostRun noKey = HostRun.of("decode", capture.toString());

        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.errLines()).hasSize(1).first().asString()
                .startsWith("kdnet host: ").contains("key has 3 parts");
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.errLines()).hasSize(1).first().asString().startsWith("kdnet host: ").contains("--key");
    }
}
