package dev.kdnet.host.cli;

import dev.kdnet.host.decode.CaptureDecoder;
import dev.kdnet.host.decode.CaptureVerdict;
import dev.kdnet.host.decode.DatagramRenderer;
import dev.kdnet.host.decode.DecodedDatagram;
import dev.kdnet.host.decode.JsonRenderer;
import dev.kdnet.host.decode.TextRenderer;
import dev.kdnet.host.decode.VerdictCounts;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.capture.Capture;
import dev.kdnet.protocol.capture.CaptureFormatException;
import dev.kdnet.protocol.capture.CaptureReader;
import dev.kdnet.protocol.capture.CapturedFrame;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet host decode}: a transcript of a KDNET capture, one line per frame, then where a damaged file stops,
 * a summary line and a verdict line.
 */
@Command(name = "decode", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Decode a KDNET capture (pcap or pcapng, gzip accepted): one line per frame, then a summary and a verdict.",
            "Control datagrams are opened with the key, data datagrams with the data key derived from the last"
                    + " verified control response before them.",
            ""},
        footer = {
            "",
            "Each line: frame, time since the first frame, addresses and ports, TTL, DF, UDP checksum (0 or set),"
                    + " version, channel, length, direction, sequence, pad, HMAC=ok[root|dk@FRAME], then the"
                    + " content: CONTROL POKE/OFFER, CONTROL RESPONSE, CONTROL EMPTY, KD UNUSED, KD BREAKIN,"
                    + " KD CTRL <type>, KD DATA <type> with its API and fields.",
            "The summary line counts every frame: N datagrams: V verified, B bad HMAC, K no data key, M malformed,"
                    + " O not KDNET. With --json it and the lines around it go to stderr, so stdout is pure JSON"
                    + " lines.",
            "  verified     the HMAC matched and the body decoded",
            "  bad HMAC     a well-formed datagram that the key does not verify",
            "  no data key  a data datagram before any verified control response",
            "  malformed    starts with MDBG, but too short, not whole AES blocks or an unknown channel; or verified"
                    + " with bad padding or a body that does not decode (wrong size, bad KD leader or count)",
            "  not KDNET    no IPv4/UDP datagram in the frame, or a UDP payload not starting with MDBG",
            "A file cut or damaged after its header: every frame before the damage is decoded, then one line says"
                    + " where the file stops.",
            "The verdict line comes last: \"N KDNET datagrams in this capture, V verified with this key\", or why"
                    + " none verifies: \"no datagram verifies with this key: the key does not match\", \"no KDNET"
                    + " datagrams in this capture\".",
            "Exit code 0 when a datagram verifies and the file is whole; 1 when none verifies, or the file is cut"
                    + " or damaged (the frames before the damage are right, but the capture is incomplete);"
                    + " 2 for a bad key or a file that is not a capture.",
            "",
            "Example:",
            "  ./kdnet host decode session.pcapng.gz --key 8.8.8.8"})
final class DecodeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CAPTURE", description = "The capture file: pcap or pcapng, optionally gzip-compressed.")
    private Path capture;

    @Option(names = "--key", paramLabel = "w.x.y.z",
            description = "The KDNET key of the captured sessions (bcdedit key). Every user sees it through ps:"
                    + " prefer --key-file or KDNET_KEY.")
    private String key;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Read the key from FILE, which only you may read (chmod 600). Without --key and"
                    + " --key-file the key comes from the environment variable KDNET_KEY.")
    private Path keyFile;

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        KdnetKey parsedKey = KeySource.resolve(key, keyFile).orElseThrow(() -> new UsageException("no key: "
                + KeySource.HOW + " (the key of the captured sessions)"));
        Capture read = readCapture();
        PrintWriter out = spec.commandLine().getOut();
        DatagramRenderer renderer = json ? new JsonRenderer() : new TextRenderer();
        CaptureDecoder decoder = new CaptureDecoder(parsedKey);
        VerdictCounts counts = new VerdictCounts();
        for (CapturedFrame frame : read.frames()) {
            DecodedDatagram datagram = decoder.decode(frame);
            counts.add(datagram.verdict());
            out.println(renderer.line(datagram));
        }
        out.flush();
        PrintWriter summary = json ? spec.commandLine().getErr() : out;
        read.damage().ifPresent(damage -> summary.println(damage.line()));
        summary.println(counts.summary());
        CaptureVerdict verdict = CaptureVerdict.of(counts, read.damage().isPresent());
        summary.println(verdict.line());
        summary.flush();
        return verdict.verifies() && read.damage().isEmpty() ? 0 : HostMain.FAILURE;
    }

    private Capture readCapture() {
        if (Files.isDirectory(capture)) {
            throw new UsageException(capture + " is a directory, not a capture file");
        }
        try {
            return CaptureReader.readUntilDamage(capture);
        } catch (NoSuchFileException e) {
            throw new UsageException(capture + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException(capture + ": permission denied");
        } catch (CaptureFormatException e) {
            throw new UsageException(capture + " is not a readable capture: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + capture + ": " + e.getMessage());
        }
    }
}
