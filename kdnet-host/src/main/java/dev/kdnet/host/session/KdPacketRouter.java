package dev.kdnet.host.session;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.RetransmitLog;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decodes the KD packets a host-role link hands up and passes them to the {@link SessionListener}; answers what a
 * host answers by itself: FILE_IO CreateFile with STATUS_NO_SUCH_FILE and GetString with an empty line.
 */
final class KdPacketRouter implements KdLink.Listener {
    private final Supplier<SessionListener> listener;
    private final BiConsumer<KdPacketType, byte[]> reply;
    private final Consumer<DropReason> drop;
    private final Runnable stopped;
    private final RetransmitLog retransmits;

    KdPacketRouter(Supplier<SessionListener> listener, BiConsumer<KdPacketType, byte[]> reply,
            Consumer<DropReason> drop, Runnable stopped, RetransmitLog retransmits) {
        this.listener = listener;
        this.reply = reply;
        this.drop = drop;
        this.stopped = stopped;
        this.retransmits = retransmits;
    }

    @Override
    public void onPacket(KdPacket packet) {
        KdPacketType type = packet.type();
        ByteBuffer payload = packet.payload();
        if (type.equals(KdPacketType.STATE_CHANGE64)) {
            deliver(StateChange64.decode(payload), change -> {
                stopped.run();
                listener.get().stateChanged(change);
            });
        } else if (type.equals(KdPacketType.STATE_MANIPULATE)) {
            deliver(ManipulateState64.decode(payload), r -> listener.get().replied(r));
        } else if (type.equals(KdPacketType.DEBUG_IO)) {
            deliver(DebugIo.decode(payload), this::debugIo);
        } else if (type.equals(KdPacketType.FILE_IO)) {
            deliver(FileIo.decode(payload), this::fileIo);
        } else {
            drop.accept(DropReason.MALFORMED_BODY);
        }
    }

    @Override
    public void onRetry(KdPacket packet, int attempt) {
        retransmits.retry(packet, attempt);
    }

    @Override
    public void onGaveUp(KdPacket packet) {
        retransmits.gaveUp(packet);
        listener.get().lost(packet);
    }

    private void debugIo(DebugIo io) {
        if (io.apiNumber() == DebugIo.GET_STRING) {
            reply.accept(KdPacketType.DEBUG_IO, DebugIo.getStringReply(io, "").encode());
        } else {
            listener.get().printed(io);
        }
    }

    private void fileIo(FileIo io) {
        if (io.apiNumber() == FileIo.CREATE_FILE) {
            reply.accept(KdPacketType.FILE_IO, FileIo.createFileRefusal(io).encode());
        } else {
            drop.accept(DropReason.MALFORMED_BODY);
        }
    }

    private <T> void deliver(Decoded<T> decoded, Consumer<T> consumer) {
        if (decoded instanceof Decoded.Ok<T> ok) {
            consumer.accept(ok.value());
        } else {
            drop.accept(DropReason.MALFORMED_BODY);
        }
    }
}
