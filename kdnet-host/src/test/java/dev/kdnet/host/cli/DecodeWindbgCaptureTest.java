package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdnet.protocol.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code decode} on the real WinDbg capture, checked frame by frame against the reference transcript. */
class DecodeWindbgCaptureTest {
    private static final int DATAGRAMS = 955;

    @Test
    void rightKeyVerifiesEveryDatagramAndMatchesTheTranscriptFrameByFrame() throws IOException {
        String capture = SharedFiles.windbgCapture().toString();
        List<String> reference = Files.readAllLines(SharedFiles.require("captures/windbg-uncut.decoded.txt"))
                .stream().filter(line -> line.startsWith("#")).toList();

        HostRun run = HostRun.of("decode", capture, "--key", "8.8.8.8");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(DATAGRAMS + 2);
        assertThat(lines.subList(DATAGRAMS, DATAGRAMS + 2)).containsExactly(
                "955 datagrams: 955 verified, 0 bad HMAC, 0 no data key, 0 malformed, 0 not KDNET",
                "955 KDNET datagrams in this capture, 955 verified with this key");
        assertThat(reference).hasSize(DATAGRAMS);
        for (int i = 0; i < DATAGRAMS; i++) {
            assertThat(TranscriptLine.parse(lines.get(i))).as("frame %d: %s", i + 1, lines.get(i))
                    .isEqualTo(TranscriptLine.parse(reference.get(i)));
        }
    }

    @Test
    void wrongKeyVerifiesNothingNeverGetsADataKeyAndEndsWithTheVerdictAndExitCode1() {
        HostRun run = HostRun.of("decode", SharedFiles.windbgCapture().toString(), "--key", "8.8.8.9");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(DATAGRAMS + 2);
        assertThat(lines.subList(DATAGRAMS, DATAGRAMS + 2)).containsExactly(
                "955 datagrams: 0 verified, 428 bad HMAC, 527 no data key, 0 malformed, 0 not KDNET",
                "no datagram verifies with this key: the key does not match");
        assertThat(lines.get(0)).endsWith("ver=4 chan=CTRL len=374 HMAC=bad");
        assertThat(lines.get(2)).endsWith("ver=4 chan=DATA len=54 HMAC=no-data-key");
    }

    @Test
    void jsonGivesOneObjectPerDatagramAndTheSummaryOnStderr() throws IOException {
        HostRun run = HostRun.of("decode", SharedFiles.windbgCapture().toString(), "--key", "8.8.8.8", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly(
                "955 datagrams: 955 verified, 0 bad HMAC, 0 no data key, 0 malformed, 0 not KDNET",
                "955 KDNET datagrams in this capture, 955 verified with this key");
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : run.outLines()) {
            objects.add(mapper.readTree(line));
        }
        assertThat(objects).hasSize(DATAGRAMS).allSatisfy(node -> assertThat(node.isObject()).isTrue());
        for (JsonNode node : objects) {
            assertThat(node.fieldNames()).toIterable().contains("frame", "time", "src", "dst", "ttl", "df",
                    "udpChecksum", "version", "channel", "length", "direction", "sequence", "pad", "key", "verdict",
                    "kind", "content");
            assertThat(node.get("verdict").asText()).isEqualTo("verified");
        }
        JsonNode getVersion = objects.get(9);
        assertThat(getVersion.get("frame").asLong()).isEqualTo(10);
        assertThat(getVersion.get("kind").asText()).isEqualTo("KD DATA STATE_MANIPULATE");
        assertThat(getVersion.get("key").asText()).isEqualTo("dk@2");
        assertThat(getVersion.get("content").get("api").asText()).isEqualTo("GetVersion");
        assertThat(getVersion.get("content").get("id").asText()).isEqualTo("0x80000000");
        assertThat(getVersion.get("content").get("proc").asInt()).isEqualTo(65535);
        assertThat(objects.get(0).get("content").get("peer").asText()).isEqualTo("0.0.0.0:0");
    }
}
