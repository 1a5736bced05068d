package dev.kdnet.host.decode;

import java.util.Locale;

/**
 * The text transcript line, modelled on {@code windbg-uncut.decoded.txt}:
 *
 * <pre>
 * #10    t= 0.005010 192.168.2.1:51111 &gt; 192.168.2.72:51111 ttl=64 DF udpcsum=set ver=4 chan=DATA len=102 H-&gt;T
 *        seq=4 pad=0 HMAC=ok[dk@2] KD DATA STATE_MANIPULATE id=0x80000000 len=56 cksum=0x000010c0(ok) GetVersion
 *        proc=65535 status=0x00000103
 * </pre>
 *
 * (one line; wrapped here). Parts that decoding did not reach are left out; the line ends with {@code HMAC=bad},
 * {@code HMAC=no-data-key}, {@code MALFORMED (reason)} or {@code NOT KDNET (reason)} when it did not verify.
 */
public final class TextRenderer implements DatagramRenderer {
    @Override
    public String line(DecodedDatagram datagram) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "#%-5d t=%9.6f", datagram.frame(),
                datagram.relativeNanos() / 1e9));
        IpDetails ip = datagram.ip();
        if (ip != null) {
            line.append(' ').append(ip.source()).append(" > ").append(ip.destination())
                    .append(" ttl=").append(ip.ttl()).append(ip.dontFragment() ? " DF" : "")
                    .append(" udpcsum=").append(ip.udpChecksum() == 0 ? "0" : "set");
        }
        ClearHeader clear = datagram.clear();
        if (clear != null) {
            line.append(" ver=").append(clear.version()).append(" chan=").append(clear.channelName()).append(" len=")
                    .append(clear.length());
        }
        OpenedHeader opened = datagram.opened();
        if (opened != null) {
            line.append(' ').append(opened.direction().arrow()).append(" seq=").append(opened.sequence())
                    .append(" pad=").append(opened.pad()).append(" HMAC=ok[").append(opened.key()).append(']');
        }
        switch (datagram.verdict()) {
            case VERIFIED -> {
                line.append(' ').append(datagram.content().kind());
                datagram.content().fields().forEach(field -> line.append(' ').append(field.text()));
            }
            case BAD_HMAC -> line.append(" HMAC=bad");
            case NO_DATA_KEY -> line.append(" HMAC=no-data-key");
            case MALFORMED -> line.append(" MALFORMED (").append(datagram.reason()).append(')');
            case NOT_KDNET -> line.append(" NOT KDNET (").append(datagram.reason()).append(')');
        }
        return line.toString();
    }
}
