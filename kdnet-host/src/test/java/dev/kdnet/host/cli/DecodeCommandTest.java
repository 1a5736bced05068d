package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.decode.SyntheticCapture;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decode} on synthetic captures: verdicts, exit codes, cut files, and the one-line errors. */
class DecodeCommandTest {
    private static final String KEY_TEXT = "1.2.3.4";
    private static final KdnetKey KEY = KdnetKey.parse(KEY_TEXT);

    @TempDir
    Path dir;

    @Test
    void countsFramesThatAreNotKdnetAndTruncatedDatagrams() throws IOException {
        byte[] truncated = "MDBG\u0004\u0001 sixteen more bytes".getBytes();
        Path capture = Files.write(dir.resolve("mixed.pcap"),
                new SyntheticCapture().tcp().udp("not kdnet".getBytes()).udp(truncated).pcap());

        HostRun run = HostRun.of("decode", capture.toString(), "--key", "1.2.3.4");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "#1     t= 0.000000 NOT KDNET (no IPv4/UDP datagram)",
                "#2     t= 1.000000 10.1.1.2:50000 > 10.1.1.1:50000 ttl=16 DF udpcsum=0 NOT KDNET (no MDBG magic)",
                "#3     t= 2.000000 10.1.1.2:50000 > 10.1.1.1:50000 ttl=16 DF udpcsum=0 ver=4 chan=CTRL len="
                        + truncated.length + " MALFORMED (bad length)",
                "3 datagrams: 0 verified, 0 bad HMAC, 0 no data key, 1 malformed, 2 not KDNET",
                "no datagram verifies: every KDNET datagram in this capture is malformed");
    }

    @Test
    void aGoodCaptureEndsWithItsVerdictAndExitCode0() throws IOException {
        Path capture = Files.write(dir.resolve("good.pcap"), pokes(KEY, 3).pcap());

        HostRun run = HostRun.of("decode", capture.toString(), "--key", KEY_TEXT);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(5).endsWith(
                "3 datagrams: 3 verified, 0 bad HMAC, 0 no data key, 0 malformed, 0 not KDNET",
                "3 KDNET datagrams in this capture, 3 verified with this key");
    }

    @Test
    void theWrongKeyIsOneVerdictLineAndExitCode1() throws IOException {
        Path capture = Files.write(dir.resolve("good.pcap"), pokes(KEY, 3).pcap());

        HostRun run = HostRun.of("decode", capture.toString(), "--key", "1.2.3.5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(5).endsWith(
                "3 datagrams: 0 verified, 3 bad HMAC, 0 no data key, 0 malformed, 0 not KDNET",
                "no datagram verifies with this key: the key does not match");
    }

    @Test
    void aCaptureWithoutKdnetTrafficSaysSoAndExitCode1() throws IOException {
        Path capture = Files.write(dir.resolve("web.pcap"),
                new SyntheticCapture().tcp().udp("a DNS query, say".getBytes()).tcp().pcap());

        HostRun run = HostRun.of("decode", capture.toString(), "--key", KEY_TEXT);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(5)
                .endsWith("no KDNET datagrams in this capture: 3 frames, none a UDP datagram starting with MDBG");
    }

    @Test
    void aCaptureCutInARecordDecodesEveryFrameBeforeTheCutThenSaysWhereAndExitCode1() throws IOException {
        byte[] whole = pokes(KEY, 5).pcap();
        Path wholeFile = Files.write(dir.resolve("whole.pcap"), whole);
        Path cutFile = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 10));

        List<String> wholeLines = HostRun.of("decode", wholeFile.toString(), "--key", KEY_TEXT).outLines();
        HostRun cut = HostRun.of("decode", cutFile.toString(), "--key", KEY_TEXT);

        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err()).isEmpty();
        List<String> lines = cut.outLines();
        assertThat(lines.subList(0, 4)).isEqualTo(wholeLines.subList(0, 4));
        assertThat(lines.subList(4, lines.size())).containsExactly(
                "capture cut after frame 4 (truncated pcap record 5): the frames before it are decoded, the rest of"
                        + " the file is missing",
                "4 datagrams: 4 verified, 0 bad HMAC, 0 no data key, 0 malformed, 0 not KDNET",
                "4 KDNET datagrams before the cut, 4 verified with this key");
    }

    @Test
    void aCutGzipCaptureDecodesTheFramesItHoldsAndWithJsonSaysWhereOnStderr() throws IOException {
        byte[] gz = gzip(pokes(KEY, 100).pcap());
        Path wholeFile = Files.write(dir.resolve("whole.pcap.gz"), gz);
        Path cutFile = Files.write(dir.resolve("cut.pcap.gz"), Arrays.copyOf(gz, gz.length / 2));

        List<String> wholeLines = HostRun.of("decode", wholeFile.toString(), "--key", KEY_TEXT).outLines();
        HostRun cut = HostRun.of("decode", cutFile.toString(), "--key", KEY_TEXT);
        HostRun cutJson = HostRun.of("decode", cutFile.toString(), "--key", KEY_TEXT, "--json");

        assertThat(cut.exitCode()).isEqualTo(1);
        List<String> lines = cut.outLines();
        int decoded = lines.size() - 3;
        assertThat(decoded).isBetween(1, 99);
        assertThat(lines.subList(0, decoded)).isEqualTo(wholeLines.subList(0, decoded));
        assertThat(lines.get(decoded)).startsWith("capture cut after frame " + decoded + " (truncated ");
        assertThat(cutJson.exitCode()).isEqualTo(1);
        assertThat(cutJson.outLines()).hasSize(decoded).allSatisfy(line -> assertThat(line).startsWith("{"));
        assertThat(cutJson.errLines()).hasSize(3).first().isEqualTo(lines.get(decoded));
    }

    private static SyntheticCapture pokes(KdnetKey key, int count) {
        SyntheticCapture capture = new SyntheticCapture();
        for (int sequence = 1; sequence <= count; sequence++) {
            capture.poke(key, sequence);
        }
        return capture;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
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
