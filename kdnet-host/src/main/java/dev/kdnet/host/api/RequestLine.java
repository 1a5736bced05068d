package dev.kdnet.host.api;

import dev.kdnet.host.session.TargetLink;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Manipulate requests and their replies, one on the wire at a time (a KD target answers one request after the
 * other): later requests wait in order. A reply is matched to the request on the wire by its API number.
 *
 * <p>A request fails with {@link NoAnswerException} when the target has been silent for the request timeout: the
 * deadline counts from the last sign of life of the peer (any datagram heard, see {@link #heard()}), not from the
 * first send, so a request does not fail while a lossy link still delivers. It fails at once when the KD link gives
 * up on its packet. One timer serves every request: it is armed when a request goes out and none is armed, and
 * when it fires it fails the request on the wire if the peer has been silent long enough, or arms itself again for
 * the rest of the timeout; so a transfer of many quick requests schedules no timer per request.
 *
 * <p>Confined to the session's event loop, as are the completions of its futures.
 */
final class RequestLine {
    private record Pending(ManipulateState64 request, byte[] encoded, CompletableFuture<ManipulateState64> reply) {
    }

    private final TargetLink link;
    private final KdScheduler clock;
    private final long timeoutNanos;
    private final Queue<Pending> waiting = new ArrayDeque<>();
    private Pending onWire;
    private long lastSign;
    private KdScheduler.Timer deadline;

    RequestLine(TargetLink link, KdScheduler clock, Duration timeout) {
        this.link = link;
        this.clock = clock;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Sends {@code request} once the requests before it are answered; completes with its reply. */
    CompletableFuture<ManipulateState64> send(ManipulateState64 request) {
        Pending pending = new Pending(request, request.encode(), new CompletableFuture<>());
        waiting.add(pending);
        sendNext();
        return pending.reply();
    }

    /** The peer was heard from: the deadline of the request on the wire starts again. */
    void heard() {
        lastSign = clock.nanoTime();
    }

    /** A manipulate reply arrived; true if it answered the request on the wire. */
    boolean replied(ManipulateState64 reply) {
        if (onWire == null || !onWire.request().api().equals(reply.api())) {
            return false;
        }
        finish().reply().complete(reply);
        sendNext();
        return true;
    }

    /** The KD link gave up on {@code packet}: if it carried the request on the wire, that request fails. */
    void lost(KdPacket packet) {
        if (onWire != null && packet.type().equals(KdPacketType.STATE_MANIPULATE)
                && packet.payload().equals(WireBytes.view(onWire.encoded()))) {
            Pending given = finish();
            given.reply().completeExceptionally(new NoAnswerException(given.request().api().name(), 0));
            sendNext();
        }
    }

    /** Fails every request, on the wire or waiting, with {@code failure} (the target went away). */
    void failAll(RuntimeException failure) {
        if (onWire != null) {
            cancelDeadline();
            onWire.reply().completeExceptionally(failure);
            onWire = null;
        }
        while (!waiting.isEmpty()) {
            waiting.remove().reply().completeExceptionally(failure);
        }
    }

    private Pending finish() {
        Pending done = onWire;
        onWire = null;
        return done;
    }

    private void sendNext() {
        if (onWire != null || waiting.isEmpty()) {
            return;
        }
        onWire = waiting.remove();
        lastSign = clock.nanoTime();
        if (deadline == null) {
            armDeadline(timeoutNanos);
        }
        link.send(KdPacketType.STATE_MANIPULATE, onWire.encoded());
    }

    private void armDeadline(long delayNanos) {
        deadline = clock.schedule(this::checkDeadline, delayNanos);
    }

    private void checkDeadline() {
        deadline = null;
        if (onWire == null) {
            return;
        }
        long silent = clock.nanoTime() - lastSign;
        if (silent < timeoutNanos) {
            armDeadline(timeoutNanos - silent);
            return;
        }
        Pending expired = onWire;
        onWire = null;
        expired.reply().completeExceptionally(new NoAnswerException(expired.request().api().name(),
                Duration.ofNanos(timeoutNanos)));
        sendNext();
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }
}
