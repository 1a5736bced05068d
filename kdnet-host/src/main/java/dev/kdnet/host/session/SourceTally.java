package dev.kdnet.host.session;

import java.net.InetSocketAddress;

/**
 * What one sender sent to a port while no target was attached: the counters {@link SilenceDiagnosis} reasons from.
 *
 * @param source      the UDP source
 * @param datagrams   every datagram received from it
 * @param withHeader  datagrams that started with the MDBG magic and had a sealed length
 * @param hmacFailed  of those, the ones whose HMAC did not verify
 * @param pokes       authentic pokes
 * @param answered    pokes the host answered
 * @param data        authentic data datagrams accepted after a handshake
 */
public record SourceTally(InetSocketAddress source, long datagrams, long withHeader, long hmacFailed, long pokes,
        long answered, long data) {
    /** Nothing seen yet from {@code source}. */
    public static SourceTally of(InetSocketAddress source) {
        return new SourceTally(source, 0, 0, 0, 0, 0, 0);
    }

    SourceTally plus(long datagrams, long withHeader, long hmacFailed, long pokes, long answered, long data) {
        return new SourceTally(source, this.datagrams + datagrams, this.withHeader + withHeader,
                this.hmacFailed + hmacFailed, this.pokes + pokes, this.answered + answered, this.data + data);
    }
}
