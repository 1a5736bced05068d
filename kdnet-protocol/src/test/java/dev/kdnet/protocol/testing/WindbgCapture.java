package dev.kdnet.protocol.testing;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.capture.CaptureReader;
import dev.kdnet.protocol.capture.CapturedUdp;
import dev.kdnet.protocol.capture.UdpExtractor;
import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The real WinDbg ↔ Windows 10 session of {@code ../shared/captures/windbg-uncut.pcapng.gz}, opened the way a
 * receiver would: control datagrams with the root key, the data key derived from the first verified response.
 */
public final class WindbgCapture {
    /** A datagram of the capture with the outcome of opening it. */
    public record Entry(CapturedUdp udp, OpenOutcome outcome, SessionKeys keysUsed) {
        /** The opened datagram; only for entries that opened. */
        public Datagram datagram() {
            return ((OpenOutcome.Opened) outcome).datagram();
        }
    }

    /** Every datagram, in capture order. */
    public final List<Entry> entries = new ArrayList<>();
    /** The data key derived from the first verified response, or null. */
    public DataKey dataKey;

    private WindbgCapture() {
    }

    /** Reads and opens the capture with {@code keyString}; skips the caller if ../shared is absent. */
    public static WindbgCapture open(String keyString) throws IOException {
        WindbgCapture capture = new WindbgCapture();
        DatagramCrypto crypto = new DatagramCrypto();
        KdnetKey key = KdnetKey.parse(keyString);
        SessionKeys keys = SessionKeys.of(key);
        for (var frame : CaptureReader.read(SharedFiles.windbgCapture())) {
            CapturedUdp udp = UdpExtractor.extract(frame).orElseThrow();
            OpenOutcome outcome = crypto.open(keys, ByteBuffer.wrap(udp.payload()));
            capture.entries.add(new Entry(udp, outcome, keys));
            if (outcome instanceof OpenOutcome.Opened opened && opened.datagram().channel() == Channel.CONTROL
                    && capture.dataKey == null
                    && ControlMessage.decode(opened.datagram().body()).isOk()
                    && ControlMessage.decode(opened.datagram().body()).orElseThrow() instanceof ControlResponse) {
                capture.dataKey = DataKey.derive(key, WireBytes.toArray(opened.datagram().body()));
                keys = keys.withDataKey(capture.dataKey);
            }
        }
        return capture;
    }
}
