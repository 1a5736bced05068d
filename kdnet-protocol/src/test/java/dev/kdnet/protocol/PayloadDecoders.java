package dev.kdnet.protocol;

import dev.kdnet.protocol.dbgkd.BusData;
import dev.kdnet.protocol.dbgkd.CommandString;
import dev.kdnet.protocol.dbgkd.ContextEx;
import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.ContinueRequest;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.FillMemory;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.IoSpaceTransfer;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.LoadSymbols64;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.MsrTransfer;
import dev.kdnet.protocol.dbgkd.QueryMemory;
import dev.kdnet.protocol.dbgkd.RestoreBreakPoint;
import dev.kdnet.protocol.dbgkd.SearchMemory;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.WriteBreakPoint;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.kd.KdPacket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/** Runs a KD payload through every DBGKD decoder and union view, whatever its packet type says. */
final class PayloadDecoders {
    private static final List<Function<ByteBuffer, Object>> MANIPULATE_VIEWS = List.of(MemoryTransfer::from,
            ContextEx::from, WriteBreakPoint::from, RestoreBreakPoint::from, ContinueRequest::from,
            Continue2Request::from, IoSpaceTransfer::from, MsrTransfer::from, SearchMemory::from, FillMemory::from,
            QueryMemory::from, BusData::from, GetVersion64::from);
    private static final List<Function<ByteBuffer, Object>> STATE_VIEWS = List.of(ExceptionRecord64::from,
            LoadSymbols64::from, CommandString::from);

    private PayloadDecoders() {
    }

    /** Decodes {@code packet}'s payload every way; returns how many decoders accepted it. */
    static int decodeAll(KdPacket packet) {
        ByteBuffer payload = packet.payload();
        int accepted = 0;
        if (ManipulateState64.decode(payload) instanceof Decoded.Ok<ManipulateState64> ok) {
            accepted++;
            MANIPULATE_VIEWS.forEach(view -> view.apply(ok.value().union()));
            ok.value().api().name();
            X64Context.decode(ok.value().data());
            KSpecialRegisters.decode(ok.value().data());
        }
        if (StateChange64.decode(payload) instanceof Decoded.Ok<StateChange64> ok) {
            accepted++;
            STATE_VIEWS.forEach(view -> view.apply(ok.value().union()));
            ok.value().extraStrings();
        }
        if (DebugIo.decode(payload) instanceof Decoded.Ok<DebugIo> ok) {
            accepted++;
            ok.value().text();
        }
        if (FileIo.decode(payload) instanceof Decoded.Ok<FileIo> ok) {
            accepted++;
            ok.value().fileName();
        }
        return accepted;
    }
}
