package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.ControlReport;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Windows 8.1 kernel (build 9600) as a test scripts it, behind a target-role {@link KdLink}: it stops on a
 * break-in byte, answers GetVersion, reads virtual memory from the regions a test maps (nothing else is mapped:
 * by default its memory holds no KDDEBUGGER_DATA64) and physical memory whose byte at address A is
 * {@code A * 7 + 3}, and runs on Continue2 (stopping again after one instruction when tracing). Its CONTEXT reads as
 * zeros and takes any write, so the debugger can step past the int3 it stops at. A test makes it
 * reboot when asked for a physical address, ignore a request for one a number of times (ACKed, never answered),
 * or answer late while it prints.
 */
final class ScriptedTarget implements KdLink.Listener {
    static final int BUILD = 9600;
    static final long KERN_BASE = 0xFFFFF80000000000L;
    static final long PS_LOADED_MODULE_LIST = 0xFFFFF80000100000L;
    static final long DEBUGGER_DATA_LIST = 0xFFFFF80000200000L;
    static final long PC = KERN_BASE + 0x1234;
    private static final long THREAD = 0xFFFFE00000001000L;
    private static final byte[] INT3 = {(byte) 0xCC, (byte) 0xC3};

    private final KdScheduler clock;
    private final Runnable reboot;
    private final NavigableMap<Long, byte[]> virtualMemory = new TreeMap<>(Long::compareUnsigned);
    final Set<Long> rebootWhenAsked = new HashSet<>();
    final Map<Long, Integer> ignoreAsks = new HashMap<>();
    final List<ManipulateApi> requests = new ArrayList<>();
    Duration replyDelay = Duration.ZERO;
    Duration printEvery = Duration.ZERO;
    int breakIns;
    boolean stopped;
    private KdLink link;

    ScriptedTarget(KdScheduler clock, Runnable reboot) {
        this.clock = clock;
        this.reboot = reboot;
    }

    /** A new boot: runs, behind {@code newLink}. */
    void booted(KdLink newLink) {
        link = newLink;
        stopped = false;
    }

    /** Maps {@code bytes} at virtual {@code address}. */
    void map(long address, byte[] bytes) {
        virtualMemory.put(address, bytes.clone());
    }

    /** The byte at physical address {@code address}. */
    static byte physicalByte(long address) {
        return (byte) (address * 7 + 3);
    }

    @Override
    public void onBreakIn() {
        breakIns++;
        if (!stopped) {
            stop();
        }
    }

    @Override
    public void onPacket(KdPacket packet) {
        if (!packet.type().equals(KdPacketType.STATE_MANIPULATE)) {
            return;
        }
        ManipulateState64 request = ManipulateState64.decode(packet.payload()).orElseThrow();
        requests.add(request.api());
        ManipulateApi api = request.api();
        if (api.equals(ManipulateApi.CONTINUE2)) {
            stopped = false;
            if (Continue2Request.from(request.union()).isTracing()) {
                stop();
            }
        } else if (api.equals(ManipulateApi.REBOOT)) {
            clock.schedule(reboot, 0);
        } else if (api.equals(ManipulateApi.GET_VERSION)) {
            answer(request.reply(NtStatus.SUCCESS, new GetVersion64(0xF, BUILD, GetVersion64.PROTOCOL_VERSION,
                    GetVersion64.SECONDARY_VERSION_AMD64_CONTEXT, GetVersion64.FLAG_MP | GetVersion64.FLAG_DATA
                    | GetVersion64.FLAG_PTR64, GetVersion64.MACHINE_AMD64, 0x0C, 3, 0x31, 0, 0, KERN_BASE,
                    PS_LOADED_MODULE_LIST, DEBUGGER_DATA_LIST), new byte[0]));
        } else if (api.equals(ManipulateApi.READ_VIRTUAL_MEMORY)) {
            MemoryTransfer transfer = MemoryTransfer.from(request.union());
            answerRead(request, transfer, readVirtual(transfer.targetBaseAddress(), transfer.transferCount()));
        } else if (api.equals(ManipulateApi.READ_PHYSICAL_MEMORY)) {
            readPhysical(request, MemoryTransfer.from(request.union()));
        } else if (api.equals(ManipulateApi.GET_CONTEXT_EX)) {
            answer(request.reply(NtStatus.SUCCESS, request.union(), new byte[X64Context.LENGTH]));
        } else if (api.equals(ManipulateApi.SET_CONTEXT)) {
            answer(request.reply(NtStatus.SUCCESS));
        } else {
            answer(request.reply(NtStatus.UNSUCCESSFUL));
        }
    }

    private void readPhysical(ManipulateState64 request, MemoryTransfer transfer) {
        long address = transfer.targetBaseAddress();
        if (rebootWhenAsked.remove(address)) {
            clock.schedule(reboot, 0);
            return;
        }
        int ignore = ignoreAsks.getOrDefault(address, 0);
        if (ignore > 0) {
            ignoreAsks.put(address, ignore - 1);
            return;
        }
        byte[] bytes = new byte[transfer.transferCount()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = physicalByte(address + i);
        }
        answerRead(request, transfer, bytes);
    }

    private byte[] readVirtual(long address, int count) {
        Map.Entry<Long, byte[]> region = virtualMemory.floorEntry(address);
        if (region == null) {
            return new byte[0];
        }
        long offset = address - region.getKey();
        if (offset < 0 || offset >= region.getValue().length) {
            return new byte[0];
        }
        int available = (int) Math.min(count, region.getValue().length - offset);
        byte[] bytes = new byte[available];
        System.arraycopy(region.getValue(), (int) offset, bytes, 0, available);
        return bytes;
    }

    private void answerRead(ManipulateState64 request, MemoryTransfer transfer, byte[] bytes) {
        int status = bytes.length == transfer.transferCount() ? NtStatus.SUCCESS : NtStatus.UNSUCCESSFUL;
        answer(request.reply(status, transfer.withActualBytes(bytes.length), bytes));
    }

    private void answer(ManipulateState64 reply) {
        if (replyDelay.isZero()) {
            link.send(KdPacketType.STATE_MANIPULATE, reply.encode());
            return;
        }
        KdLink answering = link;
        long due = clock.nanoTime() + replyDelay.toNanos();
        if (!printEvery.isZero()) {
            printUntil(answering, due);
        }
        clock.schedule(() -> answering.send(KdPacketType.STATE_MANIPULATE, reply.encode()), replyDelay.toNanos());
    }

    private void printUntil(KdLink answering, long due) {
        if (clock.nanoTime() + printEvery.toNanos() >= due) {
            return;
        }
        clock.schedule(() -> {
            answering.send(KdPacketType.DEBUG_IO, DebugIo.printString(0, 0, "busy\n").encode());
            printUntil(answering, due);
        }, printEvery.toNanos());
    }

    /** Reports a breakpoint stop at {@link #PC}. */
    void stop() {
        stopped = true;
        link.send(KdPacketType.STATE_CHANGE64, StateChange64.exception(0, 0, 1, THREAD, PC,
                ExceptionRecord64.of(NtStatus.BREAKPOINT, PC, true),
                ControlReport.of(0, 0x400, 0x202, INT3, 0x10, 0x2B, 0x2B, 0x53)).encode());
    }
}
