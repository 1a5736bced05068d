package dev.kdnet.host.doctor;

import dev.kdnet.protocol.control.Poke;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the doctor saw from one UDP source: how many datagrams of each {@link DatagramLook.Kind}, the ports they came
 * to, the lowest and highest IP TTL, and the last authentic poke. A value: {@link #plus} gives the next one.
 *
 * @param source     the UDP source
 * @param ports      the local ports its datagrams came to
 * @param datagrams  every datagram
 * @param notKdnet   datagrams that were not KDNET
 * @param unchecked  KDNET datagrams whose HMAC was not checked (no key)
 * @param mismatched KDNET datagrams whose HMAC failed with the key
 * @param verified   authentic control datagrams (pokes and others)
 * @param data       data-channel datagrams (their key is the session's: not checkable here)
 * @param version    the last KDNET version byte seen, 0 if none
 * @param minTtl     the lowest TTL, empty if none was reported
 * @param maxTtl     the highest TTL, empty if none was reported
 * @param poke       the last authentic poke
 */
record SourceSeen(InetSocketAddress source, SortedSet<Integer> ports, long datagrams, long notKdnet, long unchecked,
        long mismatched, long verified, long data, int version, OptionalInt minTtl, OptionalInt maxTtl,
        Optional<Poke> poke) {
    /** Copies the ports. */
    SourceSeen {
        ports = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ports));
    }

    /** Nothing seen yet from {@code source}. */
    static SourceSeen of(InetSocketAddress source) {
        return new SourceSeen(source, new TreeSet<>(), 0, 0, 0, 0, 0, 0, 0, OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    /** This tally with one more datagram to {@code port}, judged {@code look}, that arrived with {@code ttl}. */
    SourceSeen plus(int port, DatagramLook look, OptionalInt ttl) {
        SortedSet<Integer> morePorts = new TreeSet<>(ports);
        morePorts.add(port);
        DatagramLook.Kind kind = look.kind();
        return new SourceSeen(source, morePorts, datagrams + 1, notKdnet + count(kind, DatagramLook.Kind.NOT_KDNET),
                unchecked + count(kind, DatagramLook.Kind.UNCHECKED),
                mismatched + count(kind, DatagramLook.Kind.KEY_MISMATCH),
                verified + count(kind, DatagramLook.Kind.POKE) + count(kind, DatagramLook.Kind.OTHER_CONTROL),
                data + count(kind, DatagramLook.Kind.DATA), kind == DatagramLook.Kind.NOT_KDNET ? version
                        : look.version(), combine(minTtl, ttl, Math::min), combine(maxTtl, ttl, Math::max),
                look.poke().isPresent() ? look.poke() : poke);
    }

    /** True if some datagram was KDNET. */
    boolean kdnet() {
        return datagrams > notKdnet;
    }

    private static long count(DatagramLook.Kind kind, DatagramLook.Kind wanted) {
        return kind == wanted ? 1 : 0;
    }

    private static OptionalInt combine(OptionalInt so, OptionalInt next, java.util.function.IntBinaryOperator op) {
        if (next.isEmpty()) {
            return so;
        }
        return OptionalInt.of(so.isEmpty() ? next.getAsInt() : op.applyAsInt(so.getAsInt(), next.getAsInt()));
    }
}
