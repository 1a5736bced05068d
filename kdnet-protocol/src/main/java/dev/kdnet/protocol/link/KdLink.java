package dev.kdnet.protocol.link;

import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;

/**
 * The KD reliability state machine of one side of a session (kd-protocol §2), for the host or the target.
 *
 * <p>Sending is stop-and-wait: data packets queue and go out one at a time with ids of the KDNET dialect
 * (host {@code 0x80000000 + 2n}, target {@code 2n}); each waits for its ACK and is sent again on RESEND, on RESET and
 * on a timeout that adapts to the measured round trip. While the peer is heard the back-off stays within a few
 * measured timeouts, so a lossy link keeps being probed at the pace of its round trip; once the peer has been silent
 * for {@link KdLinkConfig#silenceAfter()} it backs off up to the largest timeout, and only timeouts while the peer is
 * silent count against the retry budget. The timeout never goes below a {@link RetransmitFloor}, which rises when
 * resends turn out needless (a second ACK for the same packet) and falls back when one was needed. The host gives up on any packet after the retry budget; the target only on
 * the packets a kernel may drop (LoadSymbols, PrintString, CreateFile) and retries every other packet, such as a
 * stop, until the host takes it (kd-protocol §2.6).
 *
 * <p>Receiving ACKs every data packet (duplicates too), answers damaged packets with RESEND, drops duplicates and
 * hands each new data packet up once. A duplicate is a byte-identical copy of a packet accepted under the id just
 * accepted, or for KDNET ids a packet whose id lies behind it; a packet under the id just accepted whose bytes differ
 * is new (a retransmission is byte-identical, and some targets reuse the id of their state change for the reply
 * after it). A new data packet that arrives while this side waits for an ACK means the peer moved on: it is answered
 * with RESEND and the outstanding packet counts as delivered (kd-protocol §2.4; capture frames 196–201). On the
 * host, a manipulate reply to the outstanding request counts as its ACK and is accepted at once, as a target that
 * answers before it acknowledges expects. RESET resynchronises: the receiver adopts whatever id comes next, answers
 * with RESET unless it started the exchange, and re-sends its outstanding packet.
 *
 * <p>Packet ids of either dialect are accepted from the peer: KDNET ({@code 0x80000000 + 2n}) and serial-style
 * ({@code 0x80800000}/{@code 0x80800001}, acknowledged with the SYNC bit cleared).
 *
 * <p>Not thread-safe: every call, and every task of the {@link KdScheduler}, must run on one thread (the session's
 * event loop).
 */
public final class KdLink {
    /** Sends bodies to the peer (the KDNET session wraps each into a data datagram with the next sequence). */
    @FunctionalInterface
    public interface Output {
        /** Sends one body. */
        void transmit(KdBody body);
    }

    /** What the link tells the layer above. */
    public interface Listener {
        /** A new data packet from the peer, accepted and ACKed; each is reported once. */
        void onPacket(KdPacket packet);

        /** An authenticated body arrived from the peer: any body, new or repeated, is a sign that the peer lives. */
        default void onPeerHeard() {
        }

        /** Our data packet was acknowledged (or the peer showed that it had it). */
        default void onDelivered(KdPacket packet) {
        }

        /** Our data packet got no ACK in time and is sent again; {@code attempt} counts the sends so far. */
        default void onRetry(KdPacket packet, int attempt) {
        }

        /** Our data packet got no ACK within the retry budget and was dropped (only packets that may be dropped). */
        default void onGaveUp(KdPacket packet) {
        }

        /** The peer sent RESET; {@code resent} says whether an outstanding packet was sent again. */
        default void onReset(boolean resent) {
        }

        /** A break-in byte arrived (target role). */
        default void onBreakIn() {
        }

        /** The target's UNUSED hello arrived (host role); the link has already answered it with RESEND. */
        default void onHello(UnusedHello hello) {
        }
    }

    private static final int SERIAL_ID_MASK = 0xFFFFF7FE;
    private static final int SERIAL_INITIAL_ID = 0x80800000;
    private static final int SERIAL_SYNC_BIT = 0x800;
    /** How far behind the last accepted KDNET id a packet may be and still count as an old duplicate. */
    private static final int DUPLICATE_WINDOW = 0x40000000;

    private final KdRole role;
    private final KdLinkConfig config;
    private final KdScheduler scheduler;
    private final Output output;
    private final Listener listener;
    private final RttEstimator rtt;
    private final RetransmitFloor floor;
    private final Queue<KdPacket> queue = new ArrayDeque<>();

    private int nextId;
    private KdPacket outstanding;
    private int sends;
    private int silentTimeouts;
    private boolean retransmitted;
    private long sentAt;
    private long firstSentAt;
    /** True while the retransmitted packet ACKed last waits for its verdict (see {@link RetransmitFloor}). */
    private boolean verdictPending;
    private int verdictAckId;
    private long verdictFirstSendDelay;
    private KdScheduler.Timer timer;
    /** The packet accepted last, or null when the peer's next id is accepted whatever it is. */
    private KdPacket lastAccepted;
    /** The packet accepted before it, for a late copy of a packet whose id the peer reused. */
    private KdPacket previousAccepted;
    private boolean resetPending;
    private boolean heard;
    private long lastHeardAt;

    private long dataSent;
    private long retransmits;
    private long spuriousRetransmits;
    private long timeouts;
    private long gaveUp;
    private long acksSent;
    private long acksReceived;
    private long staleAcks;
    private long resendsSent;
    private long resendsReceived;
    private long resetsSent;
    private long resetsReceived;
    private long delivered;
    private long duplicates;
    private long badPackets;
    private long unexpectedIds;

    /** A link for {@code role}; its first data packet gets {@code role.firstId()}. */
    public KdLink(KdRole role, KdLinkConfig config, KdScheduler scheduler, Output output, Listener listener) {
        this.role = Objects.requireNonNull(role, "role");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.output = Objects.requireNonNull(output, "output");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rtt = new RttEstimator(config);
        this.floor = new RetransmitFloor(config.minRto().toNanos());
        this.nextId = role.firstId();
    }

    /** The role this link plays. */
    public KdRole role() {
        return role;
    }

    /** Queues a data packet; it is sent when every packet queued before it is done. */
    public void send(KdPacketType type, byte[] payload) {
        if (type.isControl()) {
            throw new IllegalArgumentException(type + " is a control type; the link sends those itself");
        }
        queue.add(KdPacket.data(type, 0, payload));
        sendNextIfIdle();
    }

    /** Sends the break-in byte (host role). It is not acknowledged; the caller waits for the state change. */
    public void sendBreakIn() {
        output.transmit(BreakIn.INSTANCE);
    }

    /**
     * Starts a RESET exchange carrying the id this side sends next; whatever id the peer sends after it is
     * accepted, and the peer's RESET answer is not answered again.
     */
    public void reset() {
        resetPending = true;
        forgetPeerIds();
        sendControl(KdPacketType.RESET, outstanding != null ? outstanding.id() : nextId);
    }

    /**
     * Forgets which ids the peer used, so its next data packet is accepted whatever its id; for a new KDNET
     * session (a new data key) with a peer that may have restarted its ids.
     */
    public void forgetPeerIds() {
        lastAccepted = null;
        previousAccepted = null;
    }

    /**
     * Starts over as after a boot: drops the queue and the outstanding packet without reporting them, cancels the
     * timer and sets the next id to {@code firstId}.
     */
    public void restart(int firstId) {
        cancelTimer();
        queue.clear();
        outstanding = null;
        resetPending = false;
        verdictPending = false;
        forgetPeerIds();
        nextId = firstId;
    }

    /** Stops the retransmit timer and drops everything queued; the link sends nothing more on its own. */
    public void close() {
        restart(nextId);
    }

    /** True if nothing is outstanding or queued. */
    public boolean isIdle() {
        return outstanding == null && queue.isEmpty();
    }

    /**
     * True if nothing has been heard from the peer for {@link KdLinkConfig#silenceAfter()}, or ever: the retry
     * budget is spent and the back-off grows only while the peer is silent.
     */
    public boolean isPeerSilent() {
        return !heard || scheduler.nanoTime() - lastHeardAt >= config.silenceAfter().toNanos();
    }

    /** Handles a body that arrived from the peer (already authenticated by the KDNET layer). */
    public void receive(KdBody body) {
        listener.onPeerHeard();
        heard = true;
        lastHeardAt = scheduler.nanoTime();
        if (body instanceof KdPacket packet) {
            if (packet.isControl()) {
                receiveControl(packet);
            } else {
                receiveData(packet);
            }
        } else if (body instanceof UnusedHello hello) {
            receiveHello(hello);
        } else {
            listener.onBreakIn();
        }
    }

    private void receiveHello(UnusedHello hello) {
        forgetPeerIds();
        if (role == KdRole.HOST) {
            sendControl(KdPacketType.RESEND, 0);
        }
        listener.onHello(hello);
    }

    private void receiveControl(KdPacket packet) {
        KdPacketType type = packet.type();
        if (type.equals(KdPacketType.ACKNOWLEDGE)) {
            receiveAck(packet.id());
        } else if (type.equals(KdPacketType.RESEND)) {
            resendsReceived++;
            floor.needed();
            if (outstanding != null) {
                retransmit();
            }
        } else if (type.equals(KdPacketType.RESET)) {
            receiveReset();
        }
    }

    /**
     * An ACK completes the outstanding packet, or is stale. The ACK of a packet that was sent again leaves a verdict
     * pending: a second ACK for it proves the first send got through (the retransmission was spurious), an ACK for a
     * later packet coming first shows it was needed.
     */
    private void receiveAck(int id) {
        int acked = ackId(id);
        if (outstanding != null && ackId(outstanding.id()) == acked) {
            acksReceived++;
            long now = scheduler.nanoTime();
            boolean resent = retransmitted;
            long firstSendDelay = now - firstSentAt;
            if (!resent) {
                rtt.sample(now - sentAt);
            }
            completeOutstanding();
            if (resent) {
                verdictPending = true;
                verdictAckId = acked;
                verdictFirstSendDelay = firstSendDelay;
            }
        } else {
            staleAcks++;
            if (verdictPending && acked == verdictAckId) {
                verdictPending = false;
                spuriousRetransmits++;
                floor.spurious(verdictFirstSendDelay);
            }
        }
    }

    private void receiveReset() {
        resetsReceived++;
        forgetPeerIds();
        if (resetPending) {
            resetPending = false;
        } else {
            sendControl(KdPacketType.RESET, outstanding != null ? outstanding.id() : nextId);
        }
        boolean resend = outstanding != null;
        if (resend) {
            retransmit();
        }
        listener.onReset(resend);
    }

    private void receiveData(KdPacket packet) {
        if (!packet.checksumValid() || packet.byteCount() > KdPacket.PACKET_MAX_SIZE) {
            badPackets++;
            sendControl(KdPacketType.RESEND, 0);
            return;
        }
        int id = packet.id();
        if (isDuplicate(packet)) {
            duplicates++;
            sendAck(id);
            return;
        }
        if (outstanding != null) {
            if (role == KdRole.HOST && isReplyTo(outstanding, packet)) {
                finishOutstanding();
                accept(packet);
                sendNextIfIdle();
                return;
            }
            sendControl(KdPacketType.RESEND, 0);
            completeOutstanding();
            return;
        }
        if (config.resetOnUnexpectedId() && lastAccepted != null && !resetPending
                && id != lastAccepted.id() && id != expectedAfter(lastAccepted.id())) {
            unexpectedIds++;
            reset();
            return;
        }
        accept(packet);
    }

    private void accept(KdPacket packet) {
        sendAck(packet.id());
        previousAccepted = lastAccepted;
        lastAccepted = packet;
        resetPending = false;
        delivered++;
        listener.onPacket(packet);
    }

    /**
     * True for a copy of a packet accepted under the id accepted last, and for a KDNET id behind it. Under the same
     * id only a byte-identical packet is a copy: a retransmission repeats every byte.
     */
    private boolean isDuplicate(KdPacket packet) {
        if (lastAccepted == null) {
            return false;
        }
        int id = packet.id();
        int last = lastAccepted.id();
        if (id == last) {
            return packet.equals(lastAccepted) || packet.equals(previousAccepted);
        }
        int behind = last - id;
        return !isSerialId(id) && !isSerialId(last) && behind > 0 && behind < DUPLICATE_WINDOW;
    }

    /** True if {@code packet} is the manipulate reply to the manipulate request {@code request}: the same API. */
    private static boolean isReplyTo(KdPacket request, KdPacket packet) {
        return request.type().equals(KdPacketType.STATE_MANIPULATE)
                && packet.type().equals(KdPacketType.STATE_MANIPULATE)
                && request.payload().remaining() >= Integer.BYTES && packet.payload().remaining() >= Integer.BYTES
                && request.payload().getInt(0) == packet.payload().getInt(0);
    }

    private static int expectedAfter(int id) {
        return isSerialId(id) ? (id & ~SERIAL_SYNC_BIT) ^ 1 : id + 2;
    }

    private static boolean isSerialId(int id) {
        return (id & SERIAL_ID_MASK) == SERIAL_INITIAL_ID;
    }

    private static int ackId(int id) {
        return isSerialId(id) ? id & ~SERIAL_SYNC_BIT : id;
    }

    private void sendAck(int id) {
        acksSent++;
        output.transmit(KdPacket.control(KdPacketType.ACKNOWLEDGE, ackId(id)));
    }

    private void sendControl(KdPacketType type, int id) {
        if (type.equals(KdPacketType.RESEND)) {
            resendsSent++;
        } else if (type.equals(KdPacketType.RESET)) {
            resetsSent++;
        }
        output.transmit(KdPacket.control(type, id));
    }

    private void completeOutstanding() {
        finishOutstanding();
        sendNextIfIdle();
    }

    private void finishOutstanding() {
        if (verdictPending) {
            verdictPending = false;
            floor.needed();
        }
        KdPacket done = outstanding;
        cancelTimer();
        outstanding = null;
        nextId += 2;
        listener.onDelivered(done);
    }

    private void sendNextIfIdle() {
        if (outstanding != null || queue.isEmpty()) {
            return;
        }
        KdPacket queued = queue.remove();
        outstanding = new KdPacket(queued.leader(), queued.type(), nextId, queued.checksum(), queued.payload());
        sends = 1;
        silentTimeouts = 0;
        retransmitted = false;
        dataSent++;
        firstSentAt = scheduler.nanoTime();
        transmitOutstanding();
    }

    private void retransmit() {
        retransmits++;
        retransmitted = true;
        transmitOutstanding();
    }

    private void transmitOutstanding() {
        cancelTimer();
        sentAt = scheduler.nanoTime();
        output.transmit(outstanding);
        KdPacket current = outstanding;
        timer = scheduler.schedule(() -> onTimeout(current), timeout());
    }

    private void onTimeout(KdPacket expected) {
        if (outstanding != expected) {
            return;
        }
        timer = null;
        timeouts++;
        boolean silent = isPeerSilent();
        rtt.backOff(silent);
        if (silent && ++silentTimeouts > config.maxRetries() && mayGiveUp(expected)) {
            gaveUp++;
            outstanding = null;
            nextId += 2;
            listener.onGaveUp(expected);
            sendNextIfIdle();
            return;
        }
        sends++;
        listener.onRetry(expected, sends);
        retransmit();
    }

    /** The retransmit timeout now: the round-trip estimate's, but never below the floor. */
    private long timeout() {
        return Math.max(rtt.rto(), floor.nanos());
    }

    private boolean mayGiveUp(KdPacket packet) {
        return role == KdRole.HOST || DroppablePackets.isDroppable(packet);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The counters and round-trip estimate now. */
    public KdLinkStats stats() {
        return new KdLinkStats(dataSent, retransmits, timeouts, gaveUp, acksSent, acksReceived, staleAcks,
                resendsSent, resendsReceived, resetsSent, resetsReceived, delivered, duplicates, badPackets,
                unexpectedIds, rtt.samples(), rtt.srtt() / 1000, rtt.rttvar() / 1000, rtt.minRtt() / 1000,
                rtt.maxRtt() / 1000, timeout() / 1000, spuriousRetransmits);
    }
}
