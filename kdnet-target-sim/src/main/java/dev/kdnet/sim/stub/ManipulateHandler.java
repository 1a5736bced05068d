package dev.kdnet.sim.stub;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.ContextEx;
import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.FillMemory;
import dev.kdnet.protocol.dbgkd.IoSpaceTransfer;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.MsrTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.QueryMemory;
import dev.kdnet.protocol.dbgkd.RestoreBreakPoint;
import dev.kdnet.protocol.dbgkd.SearchMemory;
import dev.kdnet.protocol.dbgkd.WriteBreakPoint;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.sim.kernel.SimulatedKernel;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Answers DBGKD manipulate requests from the simulated kernel, as a Windows kernel's KdpSendWaitContinue loop
 * does (kd-protocol §3.2, §6): every reply echoes the request header and changes only ReturnStatus and the API's
 * output fields; an API it does not serve gets STATUS_UNSUCCESSFUL, never silence.
 */
final class ManipulateHandler {
    /** Largest transfer one reply carries: PACKET_MAX_SIZE less the 56-byte header (kd-protocol §1.3). */
    static final int MAX_TRANSFER = KdPacket.PACKET_MAX_SIZE - ManipulateState64.HEADER_LENGTH;
    /** Longest range one SearchMemory request scans. */
    static final long MAX_SEARCH = 16L << 20;
    private static final long SYSTEM_RANGE_START = 0xFFFF800000000000L;
    private static final Map<Long, Integer> CONTROL_SPACE_SIZES = Map.of(0L, 8, 1L, 8,
            KSpecialRegisters.CONTROL_SPACE_SELECTOR, KSpecialRegisters.LENGTH, 3L, 8);

    private final SimulatedKernel kernel;
    private final Map<ManipulateApi, Function<ManipulateState64, Answer>> handlers;
    private byte[] stagedContext;

    ManipulateHandler(SimulatedKernel kernel) {
        this.kernel = kernel;
        this.handlers = Map.ofEntries(
                Map.entry(ManipulateApi.GET_VERSION, this::getVersion),
                Map.entry(ManipulateApi.READ_VIRTUAL_MEMORY, r -> read(r, false)),
                Map.entry(ManipulateApi.WRITE_VIRTUAL_MEMORY, r -> write(r, false)),
                Map.entry(ManipulateApi.READ_PHYSICAL_MEMORY, r -> read(r, true)),
                Map.entry(ManipulateApi.WRITE_PHYSICAL_MEMORY, r -> write(r, true)),
                Map.entry(ManipulateApi.GET_CONTEXT, this::getContext),
                Map.entry(ManipulateApi.GET_CONTEXT_EX, this::getContextEx),
                Map.entry(ManipulateApi.SET_CONTEXT, this::setContext),
                Map.entry(ManipulateApi.SET_CONTEXT_EX, this::setContextEx),
                Map.entry(ManipulateApi.READ_CONTROL_SPACE, this::readControlSpace),
                Map.entry(ManipulateApi.WRITE_CONTROL_SPACE, this::writeControlSpace),
                Map.entry(ManipulateApi.WRITE_BREAKPOINT, this::writeBreakPoint),
                Map.entry(ManipulateApi.RESTORE_BREAKPOINT, this::restoreBreakPoint),
                Map.entry(ManipulateApi.READ_IO_SPACE, r -> ioSpace(r, false)),
                Map.entry(ManipulateApi.WRITE_IO_SPACE, r -> ioSpace(r, true)),
                Map.entry(ManipulateApi.READ_MSR, r -> msr(r, false)),
                Map.entry(ManipulateApi.WRITE_MSR, r -> msr(r, true)),
                Map.entry(ManipulateApi.SEARCH_MEMORY, this::searchMemory),
                Map.entry(ManipulateApi.FILL_MEMORY, this::fillMemory),
                Map.entry(ManipulateApi.QUERY_MEMORY, this::queryMemory),
                Map.entry(ManipulateApi.CONTINUE, r -> new Answer.Resume(false, kernelDr7())),
                Map.entry(ManipulateApi.CONTINUE2, this::continue2),
                Map.entry(ManipulateApi.SWITCH_PROCESSOR, this::switchProcessor),
                Map.entry(ManipulateApi.REBOOT, r -> new Answer.Restart("Reboot requested by the debugger")),
                Map.entry(ManipulateApi.CAUSE_BUGCHECK, r -> new Answer.Restart(
                        "bugcheck 0xE2 MANUALLY_INITIATED_CRASH requested by the debugger")),
                Map.entry(ManipulateApi.CLEAR_ALL_INTERNAL_BREAKPOINTS, r -> new Answer.Nothing()));
    }

    /** What to do about {@code request}. */
    Answer answer(ManipulateState64 request) {
        return handlers.getOrDefault(request.api(), ManipulateHandler::unsupported).apply(request);
    }

    private static Answer unsupported(ManipulateState64 request) {
        return reply(request.reply(NtStatus.UNSUCCESSFUL));
    }

    private static Answer reply(ManipulateState64 reply) {
        return new Answer.Reply(reply);
    }

    private static int status(boolean success) {
        return success ? NtStatus.SUCCESS : NtStatus.UNSUCCESSFUL;
    }

    private boolean validCpu(ManipulateState64 request) {
        return request.processor() < kernel.cpuCount();
    }

    private long kernelDr7() {
        return kernel.specialRegisters(kernel.currentCpu()).get(KSpecialRegister.KERNEL_DR7);
    }

    private Answer getVersion(ManipulateState64 request) {
        return reply(request.reply(NtStatus.SUCCESS, kernel.version(), new byte[0]));
    }

    private Answer read(ManipulateState64 request, boolean physical) {
        MemoryTransfer transfer = MemoryTransfer.from(request.union());
        int wanted = (int) Math.min(Integer.toUnsignedLong(transfer.transferCount()), MAX_TRANSFER);
        byte[] data = physical ? kernel.physical().read(transfer.targetBaseAddress(), wanted)
                : kernel.memory().read(transfer.targetBaseAddress(), wanted);
        return reply(request.reply(status(data.length == Integer.toUnsignedLong(transfer.transferCount())),
                transfer.withActualBytes(data.length), data));
    }

    private Answer write(ManipulateState64 request, boolean physical) {
        MemoryTransfer transfer = MemoryTransfer.from(request.union());
        byte[] data = WireBytes.toArray(request.data());
        byte[] bytes = Arrays.copyOf(data,
                (int) Math.min(data.length, Integer.toUnsignedLong(transfer.transferCount())));
        int written = physical ? kernel.physical().write(transfer.targetBaseAddress(), bytes)
                : kernel.memory().write(transfer.targetBaseAddress(), bytes);
        return reply(request.reply(status(written == Integer.toUnsignedLong(transfer.transferCount())),
                transfer.withActualBytes(written), new byte[0]));
    }

    private Answer getContext(ManipulateState64 request) {
        if (!validCpu(request)) {
            return unsupported(request);
        }
        return reply(request.reply(NtStatus.SUCCESS, request.union(), kernel.context(request.processor()).encode()));
    }

    private Answer getContextEx(ManipulateState64 request) {
        ContextEx range = ContextEx.from(request.union());
        long end = Integer.toUnsignedLong(range.offset()) + Integer.toUnsignedLong(range.byteCount());
        if (!validCpu(request) || end > X64Context.LENGTH) {
            return unsupported(request);
        }
        byte[] context = kernel.context(request.processor()).encode();
        return reply(request.reply(NtStatus.SUCCESS, range.withBytesCopied(range.byteCount()),
                Arrays.copyOfRange(context, range.offset(), (int) end)));
    }

    private Answer setContext(ManipulateState64 request) {
        byte[] data = WireBytes.toArray(request.data());
        if (!validCpu(request) || data.length < X64Context.LENGTH) {
            return unsupported(request);
        }
        kernel.setContext(request.processor(),
                X64Context.decode(ByteBuffer.wrap(Arrays.copyOf(data, X64Context.LENGTH)))
                .orElseThrow());
        return reply(request.reply(NtStatus.SUCCESS));
    }

    /** Stages chunks; commits when a chunk ends at the total the host put in BytesCopied (kd-protocol §3.2). */
    private Answer setContextEx(ManipulateState64 request) {
        ContextEx range = ContextEx.from(request.union());
        byte[] data = WireBytes.toArray(request.data());
        long end = Integer.toUnsignedLong(range.offset()) + Integer.toUnsignedLong(range.byteCount());
        if (!validCpu(request) || end > X64Context.LENGTH || data.length < range.byteCount()) {
            return unsupported(request);
        }
        if (stagedContext == null || range.offset() == 0) {
            stagedContext = kernel.context(request.processor()).encode();
        }
        System.arraycopy(data, 0, stagedContext, range.offset(), range.byteCount());
        if (end >= Integer.toUnsignedLong(range.bytesCopied())) {
            kernel.setContext(request.processor(), X64Context.decode(ByteBuffer.wrap(stagedContext)).orElseThrow());
            stagedContext = null;
        }
        return reply(request.reply(NtStatus.SUCCESS, range.withBytesCopied(range.byteCount()), new byte[0]));
    }

    private byte[] controlSpace(int cpu, long selector) {
        if (selector == KSpecialRegisters.CONTROL_SPACE_SELECTOR) {
            return kernel.specialRegisters(cpu).encode();
        }
        long pointer = selector == 0 ? kernel.cpuSymbols(cpu).kpcr()
                : selector == 1 ? kernel.cpuSymbols(cpu).kprcb() : kernel.cpuSymbols(cpu).kthread();
        byte[] bytes = new byte[8];
        WireBytes.wrap(bytes).putLong(0, pointer);
        return bytes;
    }

    private Answer readControlSpace(ManipulateState64 request) {
        MemoryTransfer transfer = MemoryTransfer.from(request.union());
        Integer size = CONTROL_SPACE_SIZES.get(transfer.targetBaseAddress());
        if (!validCpu(request) || size == null) {
            return unsupported(request);
        }
        int count = (int) Math.min(Integer.toUnsignedLong(transfer.transferCount()), size);
        byte[] data = Arrays.copyOf(controlSpace(request.processor(), transfer.targetBaseAddress()), count);
        return reply(request.reply(NtStatus.SUCCESS, transfer.withActualBytes(count), data));
    }

    private Answer writeControlSpace(ManipulateState64 request) {
        MemoryTransfer transfer = MemoryTransfer.from(request.union());
        if (!validCpu(request) || transfer.targetBaseAddress() != KSpecialRegisters.CONTROL_SPACE_SELECTOR) {
            return unsupported(request);
        }
        byte[] special = kernel.specialRegisters(request.processor()).encode();
        byte[] data = WireBytes.toArray(request.data());
        int count = (int) Math.min(Math.min(Integer.toUnsignedLong(transfer.transferCount()), data.length),
                KSpecialRegisters.LENGTH);
        System.arraycopy(data, 0, special, 0, count);
        kernel.setSpecialRegisters(request.processor(),
                KSpecialRegisters.decode(ByteBuffer.wrap(special)).orElseThrow());
        return reply(request.reply(NtStatus.SUCCESS, transfer.withActualBytes(count), new byte[0]));
    }

    private Answer writeBreakPoint(ManipulateState64 request) {
        WriteBreakPoint breakpoint = WriteBreakPoint.from(request.union());
        OptionalInt handle = kernel.breakpoints().write(breakpoint.address());
        return reply(request.reply(status(handle.isPresent()), breakpoint.withHandle(handle.orElse(0)),
                new byte[0]));
    }

    private Answer restoreBreakPoint(ManipulateState64 request) {
        boolean restored = kernel.breakpoints().restore(RestoreBreakPoint.from(request.union()).handle());
        return reply(request.reply(status(restored)));
    }

    private Answer ioSpace(ManipulateState64 request, boolean write) {
        IoSpaceTransfer io = IoSpaceTransfer.from(request.union());
        int size = io.dataSize();
        if (size != 1 && size != 2 && size != 4) {
            return reply(request.reply(NtStatus.INVALID_PARAMETER));
        }
        if (io.ioAddress() % size != 0) {
            return reply(request.reply(NtStatus.DATATYPE_MISALIGNMENT));
        }
        if (write) {
            kernel.writeIoPort(io.ioAddress(), io.dataValue());
            return reply(request.reply(NtStatus.SUCCESS));
        }
        int value = kernel.readIoPort(io.ioAddress(), size);
        return reply(request.reply(NtStatus.SUCCESS, new IoSpaceTransfer(io.ioAddress(), size, value), new byte[0]));
    }

    private Answer msr(ManipulateState64 request, boolean write) {
        MsrTransfer msr = MsrTransfer.from(request.union());
        int cpu = validCpu(request) ? request.processor() : kernel.currentCpu();
        if (write) {
            return reply(request.reply(kernel.writeMsr(cpu, msr.msr(), msr.value()) ? NtStatus.SUCCESS
                    : NtStatus.NO_SUCH_DEVICE));
        }
        OptionalLong value = kernel.readMsr(cpu, msr.msr());
        if (value.isEmpty()) {
            return reply(request.reply(NtStatus.NO_SUCH_DEVICE));
        }
        return reply(request.reply(NtStatus.SUCCESS, msr.withValue(value.getAsLong()), new byte[0]));
    }

    /** Scans up to {@link #MAX_SEARCH} bytes; found: SUCCESS and FoundAddress, else STATUS_UNSUCCESSFUL. */
    private Answer searchMemory(ManipulateState64 request) {
        SearchMemory search = SearchMemory.from(request.union());
        byte[] pattern = pattern(request, search.patternLength());
        long length = Math.min(Math.max(search.searchLength(), 0), MAX_SEARCH);
        if (pattern.length == 0) {
            return unsupported(request);
        }
        byte[] haystack = kernel.memory().read(search.searchAddress(), (int) (length + pattern.length - 1));
        for (int i = 0; i + pattern.length <= haystack.length && i < length; i++) {
            if (Arrays.equals(haystack, i, i + pattern.length, pattern, 0, pattern.length)) {
                return reply(request.reply(NtStatus.SUCCESS, new SearchMemory(search.searchAddress() + i,
                        search.searchLength(), search.patternLength()), new byte[0]));
            }
        }
        return unsupported(request);
    }

    private Answer fillMemory(ManipulateState64 request) {
        FillMemory fill = FillMemory.from(request.union());
        byte[] pattern = pattern(request, fill.patternLength());
        long length = Integer.toUnsignedLong(fill.length());
        if (pattern.length == 0 || length > MAX_SEARCH
                || (fill.flags() != FillMemory.VIRTUAL && fill.flags() != FillMemory.PHYSICAL)) {
            return unsupported(request);
        }
        byte[] bytes = new byte[(int) length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        int written = fill.flags() == FillMemory.PHYSICAL ? kernel.physical().write(fill.address(), bytes)
                : kernel.memory().write(fill.address(), bytes);
        return reply(request.reply(status(written == bytes.length),
                new FillMemory(fill.address(), written, fill.flags(), fill.patternLength()), new byte[0]));
    }

    /** The first {@code patternLength} bytes (an unsigned field) of the request's data; all if it has fewer. */
    private static byte[] pattern(ManipulateState64 request, int patternLength) {
        return Arrays.copyOf(WireBytes.toArray(request.data()),
                (int) Math.min(request.dataLength(), Integer.toUnsignedLong(patternLength)));
    }

    private Answer queryMemory(ManipulateState64 request) {
        QueryMemory query = QueryMemory.from(request.union());
        if (query.addressSpace() != QueryMemory.SPACE_VIRTUAL) {
            return reply(request.reply(NtStatus.INVALID_PARAMETER));
        }
        int space = Long.compareUnsigned(query.address(), SYSTEM_RANGE_START) >= 0 ? QueryMemory.SPACE_KERNEL
                : QueryMemory.SPACE_PROCESS;
        return reply(request.reply(NtStatus.SUCCESS, new QueryMemory(query.address(), 0, space, QueryMemory.FLAGS_RWX),
                new byte[0]));
    }

    private Answer continue2(ManipulateState64 request) {
        Continue2Request request2 = Continue2Request.from(request.union());
        return new Answer.Resume(request2.traceFlag() != 0, request2.dr7());
    }

    private Answer switchProcessor(ManipulateState64 request) {
        return validCpu(request) ? new Answer.SwitchTo(request.processor()) : unsupported(request);
    }
}
