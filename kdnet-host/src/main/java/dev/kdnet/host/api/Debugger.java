package dev.kdnet.host.api;

import dev.kdnet.host.session.PokeDecision;
import dev.kdnet.host.session.SessionListener;
import dev.kdnet.host.session.SessionStats;
import dev.kdnet.host.session.SilenceDiagnosis;
import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.ContextEx;
import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.LoadSymbols64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.RestoreBreakPoint;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.UnionView;
import dev.kdnet.protocol.dbgkd.WriteBreakPoint;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The debugger of one target session (one UDP port).
 *
 * <p><b>Threading.</b> The session's event loop owns all protocol state. Every blocking method hands its work to
 * that loop and waits for the outcome with a timeout from {@link DebuggerSettings}; blocking methods are
 * serialized (one call at a time per debugger) and must not be called from the loop or from an event listener.
 *
 * <p><b>Attaching.</b> From its creation the debugger wants to attach: when a target handshakes it continues the
 * LoadSymbols stops (Continue2 DBG_CONTINUE, as WinDbg does), breaks in (see {@link #breakIn()}) if no stop arrives
 * within {@link DebuggerSettings#breakInDelay()}, and counts the first exception stop as attached. After a target
 * reboot (its own or through {@link #reboot()}) it attaches again by itself and publishes
 * {@link DebuggerEvent.Rebooted} and {@link DebuggerEvent.Reattached}; {@link #attach(Duration)} then returns the new
 * kernel's version. {@link #detach()} stops this until the next {@code attach}. A request under way when the
 * target reboots fails with {@link NotAttachedException}; {@link #dumpPhysical} instead waits for the new attach
 * and goes on.
 *
 * <p><b>Failures.</b> {@link NotAttachedException}, {@link TargetRunningException}, {@link NoAnswerException} (the
 * request is named) and {@link RequestFailedException} (with the NTSTATUS in hex), all {@link DebuggerException}s.
 */
public final class Debugger {
    private final TargetSession session;
    private final DebuggerSettings settings;
    private final LoopCalls loop;
    private final EventHub events = new EventHub();
    private final BreakpointBook breakpoints = new BreakpointBook();
    private final MemoryAccess memory;
    private final KernelVersionReader versionReader;
    private final ModuleWalker modules;
    private final ResumableDump dump;
    private final List<CompletableFuture<Stop>> stopWaiters = new ArrayList<>();
    private volatile Stop currentStop;
    private volatile boolean connected;
    private volatile KernelVersion version;
    /** Handshakes after the first: reboots (or a reboot's handshake repeated after a lost answer). */
    private volatile long reboots;
    private CompletableFuture<Stop> attached = new CompletableFuture<>();
    private boolean wantAttach = true;
    private boolean rebooted;
    private boolean quietStop;
    private PendingRequest pending;
    private ScheduledFuture<?> breakInTimer;

    private record PendingRequest(ManipulateApi api, CompletableFuture<ManipulateState64> reply) {
    }

    private Debugger(TargetSession session, DebuggerSettings settings) {
        this.session = session;
        this.settings = settings;
        this.loop = new LoopCalls(session.loop());
        this.memory = new MemoryAccess(this::call, settings.chunkSize());
        this.versionReader = new KernelVersionReader(this::call, memory);
        this.modules = new ModuleWalker(this::readFully, settings.maxModules());
        this.dump = new ResumableDump(memory, new ResumableDump.Debuggee() {
            @Override
            public long reboots() {
                return reboots;
            }

            @Override
            public int stoppedCpu() {
                return requireStopped("dumpPhysical").cpu();
            }

            @Override
            public void attachAgain(Duration timeout) {
                attach(timeout);
            }
        });
    }

    /** The debugger of {@code session}; it becomes the session's only listener. */
    public static Debugger of(TargetSession session, DebuggerSettings settings) {
        Debugger debugger = new Debugger(session, settings);
        session.setListener(debugger.new SessionEvents());
        return debugger;
    }

    /** The UDP port of the session. */
    public int port() {
        return session.port();
    }

    // ---- attach, detach, identity --------------------------------------------------------------------------

    /**
     * Waits until a target is connected and stopped, then identifies its kernel (GetVersion, the debugger data
     * block with its 'KDBG' tag, NtBuildLab). Returns at once if already attached.
     *
     * @throws NotAttachedException if nothing attached within {@code timeout}; the message says why (the
     *                              {@link SilenceDiagnosis} of the port)
     */
    public synchronized KernelVersion attach(Duration timeout) {
        CompletableFuture<Stop> whenAttached = loop.get(() -> {
            wantAttach = true;
            if (connected && !attached.isDone() && breakInTimer == null) {
                pursueBreakIn(0);
            }
            return attached;
        });
        try {
            LoopCalls.await(whenAttached, timeout, "attach");
        } catch (NoAnswerException e) {
            throw new NotAttachedException("nothing attached on UDP " + port() + " within " + timeout.toMillis()
                    + " ms: " + String.join("; ", session.diagnosis().lines()));
        }
        KernelVersion known = version;
        if (known == null) {
            known = versionReader.read(requireStopped("attach").cpu());
            version = known;
        }
        return known;
    }

    /** Removes the debugger's breakpoints, lets the target run and stops attaching until {@link #attach}. */
    public synchronized void detach() {
        if (connected && currentStop != null) {
            breakpoints.list().forEach(b -> clearBreakpoint(b.address()));
            go();
        }
        loop.run(() -> {
            wantAttach = false;
            cancelBreakIn();
            if (attached.isDone()) {
                attached = new CompletableFuture<>();
            }
        });
    }

    /** The attached kernel's version (read at attach). */
    public KernelVersion version() {
        KernelVersion known = version;
        if (known == null) {
            throw new NotAttachedException("no kernel identified yet on UDP " + port() + ": attach first");
        }
        return known;
    }

    /** True if a target is connected and stopped. */
    public boolean isStopped() {
        return connected && currentStop != null;
    }

    /** The current stop. */
    public Stop stop() {
        return requireStopped("stop");
    }

    // ---- memory ----------------------------------------------------------------------------------------------

    /** Reads virtual memory; see {@link #read(MemorySpace, long, int, Progress)}. */
    public synchronized MemoryRead readVirtual(long address, int length) {
        return read(MemorySpace.VIRTUAL, address, length, Progress.NONE);
    }

    /** Reads physical memory; see {@link #read(MemorySpace, long, int, Progress)}. */
    public synchronized MemoryRead readPhysical(long address, int length) {
        return read(MemorySpace.PHYSICAL, address, length, Progress.NONE);
    }

    /**
     * Reads {@code length} bytes in requests of at most {@link DebuggerSettings#chunkSize()} bytes, on the stopped
     * CPU. A read that stops early (an unmapped page) is reported, not thrown: see {@link MemoryRead#stoppedAt()}.
     */
    public synchronized MemoryRead read(MemorySpace space, long address, int length, Progress progress) {
        return memory.read(space, requireStopped("read").cpu(), address, length, progress);
    }

    /**
     * Reads physical memory like {@link #read(MemorySpace, long, int, Progress)}, and goes on across target reboots:
     * when the target reboots under the read, it waits up to {@code reattachTimeout} for the debugger to attach again
     * (identifying the new kernel, as {@link #attach(Duration)} does), tells {@code progress} through
     * {@link Progress#resumedAfterReboot}, and continues from the first byte it has not received. The bytes before
     * and after a reboot come from different boots of the target: they agree only where a boot leaves physical
     * memory as the previous one did.
     *
     * @throws NotAttachedException if the target rebooted and did not attach again within {@code reattachTimeout}
     *                              (the message says how far the dump got)
     */
    public synchronized MemoryRead dumpPhysical(long address, int length, Progress progress,
            Duration reattachTimeout) {
        return dump.read(address, length, progress, reattachTimeout);
    }

    /** Writes virtual memory; returns the bytes written (fewer if a request stopped short). */
    public synchronized int writeVirtual(long address, byte[] data) {
        return write(MemorySpace.VIRTUAL, address, data, Progress.NONE);
    }

    /** Writes {@code data} in chunks; returns the bytes written (fewer if a request stopped short). */
    public synchronized int write(MemorySpace space, long address, byte[] data, Progress progress) {
        return memory.write(space, requireStopped("write").cpu(), address, data, progress);
    }

    // ---- registers -------------------------------------------------------------------------------------------

    /** The CONTEXT of {@code cpu}: GetContextEx, or GetContext if the target refuses it. */
    public synchronized X64Context context(int cpu) {
        requireStopped("context");
        ManipulateState64 reply = call(ManipulateApi.GET_CONTEXT_EX, cpu, new ContextEx(0, X64Context.LENGTH, 0),
                new byte[0]);
        if (!NtStatus.isSuccess(reply.returnStatus()) || reply.dataLength() < X64Context.LENGTH) {
            reply = succeeded(call(ManipulateApi.GET_CONTEXT, cpu, MemoryTransfer.request(0, 0), new byte[0]),
                    "GetContext of CPU " + cpu);
        }
        return X64Context.decode(ByteBuffer.wrap(java.util.Arrays.copyOf(WireBytes.toArray(reply.data()),
                X64Context.LENGTH))).orElseThrow();
    }

    /** Sets one register of {@code cpu} (GetContext, then SetContext with the new value). */
    public synchronized void setRegister(int cpu, X64Register register, long value) {
        setContext(cpu, context(cpu).with(register, value));
    }

    /** Writes the whole CONTEXT of {@code cpu}. */
    public synchronized void setContext(int cpu, X64Context context) {
        requireStopped("setContext");
        succeeded(call(ManipulateApi.SET_CONTEXT, cpu, MemoryTransfer.request(0, 0), context.encode()),
                "SetContext of CPU " + cpu);
    }

    /** The KSPECIAL_REGISTERS of {@code cpu} (ReadControlSpace selector 2). */
    public synchronized KSpecialRegisters specialRegisters(int cpu) {
        requireStopped("specialRegisters");
        ManipulateState64 reply = succeeded(call(ManipulateApi.READ_CONTROL_SPACE, cpu,
                MemoryTransfer.request(KSpecialRegisters.CONTROL_SPACE_SELECTOR, KSpecialRegisters.LENGTH),
                new byte[0]), "ReadControlSpace 2 of CPU " + cpu);
        return KSpecialRegisters.decode(ByteBuffer.wrap(java.util.Arrays.copyOf(WireBytes.toArray(reply.data()),
                KSpecialRegisters.LENGTH)))
                .orElseThrow();
    }

    // ---- breakpoints -----------------------------------------------------------------------------------------

    /** Places a software breakpoint (WriteBreakPoint) and remembers its handle; returns the existing one if any. */
    public synchronized Breakpoint setBreakpoint(long address) {
        Breakpoint known = breakpoints.at(address).orElse(null);
        if (known != null && known.armed()) {
            return known;
        }
        write(address);
        return breakpoints.at(address).orElseThrow();
    }

    /** The debugger's breakpoints, by address. */
    public List<Breakpoint> breakpoints() {
        return breakpoints.list();
    }

    /** Removes the breakpoint at {@code address} (RestoreBreakPoint if the target still has it); false if none. */
    public synchronized boolean clearBreakpoint(long address) {
        Breakpoint removed = breakpoints.remove(address).orElse(null);
        if (removed == null) {
            return false;
        }
        if (removed.armed()) {
            succeeded(call(ManipulateApi.RESTORE_BREAKPOINT, requireStopped("clearBreakpoint").cpu(),
                    new RestoreBreakPoint(removed.handle()), new byte[0]),
                    String.format("RestoreBreakPoint handle %d at 0x%X", removed.handle(), address));
        }
        return true;
    }

    private void write(long address) {
        ManipulateState64 reply = succeeded(call(ManipulateApi.WRITE_BREAKPOINT,
                requireStopped("setBreakpoint").cpu(), new WriteBreakPoint(address, 0), new byte[0]),
                String.format("WriteBreakPoint at 0x%X", address));
        breakpoints.armed(address, WriteBreakPoint.from(reply.union()).handle());
    }

    // ---- execution -------------------------------------------------------------------------------------------

    /**
     * Lets the target run and returns once it runs. From a stop at one of the debugger's breakpoints it first
     * single-steps and writes the breakpoint again (kd-protocol §7.7); from a hard-coded int3 it sets RIP past it.
     */
    public synchronized void go() {
        Stop stop = prepareToRun("go");
        if (breakpoints.disarmedAt(stop.pc())) {
            rearmAwayFrom(resume(true, true).pc());
        }
        resume(false, false);
    }

    /** Executes one instruction of the stopped CPU (Continue2 TraceFlag=1); returns the resulting stop. */
    public synchronized Stop step() {
        prepareToRun("step");
        Stop after = resume(true, false);
        rearmAwayFrom(after.pc());
        return after;
    }

    /**
     * Stops the running target with the break-in byte; returns the stop (the current one if already stopped). Nothing
     * acknowledges the byte, and it may be lost or reach the target before a continue does (a target that is
     * stopped ignores it), so it goes out again every {@link DebuggerSettings#breakInRepeat()} until a stop arrives,
     * even after this call gave up waiting.
     */
    public synchronized Stop breakIn() {
        requireConnected("breakIn");
        CompletableFuture<Stop> next = new CompletableFuture<>();
        Stop now = loop.get(() -> {
            if (currentStop == null) {
                stopWaiters.add(next);
                pursueBreakIn(0);
            }
            return currentStop;
        });
        return now != null ? now : LoopCalls.await(next, settings.stopTimeout(), "the break-in");
    }

    /** The current stop, or the next one within {@code timeout}. */
    public Stop waitForStop(Duration timeout) {
        CompletableFuture<Stop> next = new CompletableFuture<>();
        Stop now = loop.get(() -> {
            if (currentStop == null) {
                stopWaiters.add(next);
            }
            return currentStop;
        });
        return now != null ? now : LoopCalls.await(next, timeout, "a stop");
    }

    /** Makes {@code cpu} the reporting CPU (SwitchProcessor) and returns its stop. */
    public synchronized Stop switchCpu(int cpu) {
        Stop stop = requireStopped("switchCpu");
        if (cpu == stop.cpu()) {
            return stop;
        }
        if (cpu < 0 || cpu >= stop.cpuCount()) {
            throw new IllegalArgumentException("CPU " + cpu + " of " + stop.cpuCount());
        }
        return sendAndAwaitStop(ManipulateState64.request(ManipulateApi.SWITCH_PROCESSOR, cpu), false,
                "SwitchProcessor to CPU " + cpu);
    }

    /**
     * Asks the target to reboot and returns at once; the debugger attaches again by itself when the target
     * handshakes anew (call {@link #attach(Duration)} to wait for it).
     */
    public synchronized void reboot() {
        Stop stop = requireStopped("reboot");
        ManipulateState64 request = ManipulateState64.request(ManipulateApi.REBOOT, stop.cpu());
        loop.run(() -> {
            currentStop = null;
            if (attached.isDone()) {
                attached = new CompletableFuture<>();
            }
            session.send(KdPacketType.STATE_MANIPULATE, request.encode());
        });
    }

    // ---- modules, events, statistics -------------------------------------------------------------------------

    /** The loaded modules, walking PsLoadedModuleList (at most {@link DebuggerSettings#maxModules()}). */
    public synchronized List<ModuleInfo> modules() {
        requireStopped("modules");
        return modules.walk(version().psLoadedModuleList());
    }

    /** Adds a listener; it runs on the session's event loop and must not block or call this debugger. */
    public void addListener(Consumer<? super DebuggerEvent> listener) {
        events.addListener(listener);
    }

    /** Removes a listener. */
    public void removeListener(Consumer<? super DebuggerEvent> listener) {
        events.removeListener(listener);
    }

    /** Opens a queue of the events from now on. */
    public EventSubscription subscribe() {
        return events.subscribe();
    }

    /** The session's counters and its KD link's (datagrams, drops by reason, retransmits, RTT). */
    public SessionStats stats() {
        return session.stats();
    }

    /** Why nothing attached, from what the port saw. */
    public SilenceDiagnosis diagnosis() {
        return session.diagnosis();
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private Stop prepareToRun(String call) {
        Stop stop = requireStopped(call);
        if (stop.atInt3() && breakpoints.at(stop.pc()).isEmpty()) {
            setRegister(stop.cpu(), X64Register.RIP, stop.pc() + 1);
            stop = stop.movedTo(stop.pc() + 1);
            currentStop = stop;
        }
        rearmAwayFrom(stop.pc());
        return stop;
    }

    private void rearmAwayFrom(long pc) {
        breakpoints.disarmedAwayFrom(pc).forEach(b -> write(b.address()));
    }

    private Stop resume(boolean trace, boolean quiet) {
        Stop stop = currentStop;
        ManipulateState64 request = ManipulateState64.request(ManipulateApi.CONTINUE2, stop.cpu(),
                Continue2Request.of(NtStatus.DBG_CONTINUE, trace, stop.dr7()), new byte[0]);
        if (!trace) {
            loop.run(() -> {
                currentStop = null;
                session.send(KdPacketType.STATE_MANIPULATE, request.encode());
            });
            return null;
        }
        return sendAndAwaitStop(request, quiet, "Continue2 with TraceFlag");
    }

    private Stop sendAndAwaitStop(ManipulateState64 request, boolean quiet, String what) {
        CompletableFuture<Stop> next = new CompletableFuture<>();
        loop.run(() -> {
            stopWaiters.add(next);
            quietStop = quiet;
            currentStop = null;
            session.send(KdPacketType.STATE_MANIPULATE, request.encode());
        });
        return LoopCalls.await(next, settings.stopTimeout(), what);
    }

    private ManipulateState64 call(ManipulateApi api, int cpu, UnionView union, byte[] data) {
        ManipulateState64 request = ManipulateState64.request(api, cpu, union, data);
        PendingRequest waiting = new PendingRequest(api, new CompletableFuture<>());
        loop.run(() -> {
            requireStopped(api.name());
            pending = waiting;
            session.send(KdPacketType.STATE_MANIPULATE, request.encode());
        });
        try {
            return LoopCalls.await(waiting.reply(), settings.requestTimeout(), api.name());
        } finally {
            loop.run(() -> {
                if (pending == waiting) {
                    pending = null;
                }
            });
        }
    }

    private byte[] readFully(long address, int length) {
        MemoryRead read = memory.read(MemorySpace.VIRTUAL, requireStopped("read").cpu(), address, length,
                Progress.NONE);
        if (!read.complete()) {
            throw new RequestFailedException(String.format("ReadVirtualMemory at 0x%X", address + read.bytes().length),
                    read.status());
        }
        return read.bytes();
    }

    private static ManipulateState64 succeeded(ManipulateState64 reply, String what) {
        if (!NtStatus.isSuccess(reply.returnStatus())) {
            throw new RequestFailedException(what, reply.returnStatus());
        }
        return reply;
    }

    private void requireConnected(String call) {
        if (!connected) {
            throw new NotAttachedException(call + ": no target connected on UDP " + port());
        }
    }

    private Stop requireStopped(String call) {
        requireConnected(call);
        Stop stop = currentStop;
        if (stop == null) {
            throw new TargetRunningException(call);
        }
        return stop;
    }

    /** Sends the break-in byte after {@code delayNanos}, then every breakInRepeat until a stop cancels it. */
    private void pursueBreakIn(long delayNanos) {
        cancelBreakIn();
        breakInTimer = session.loop().schedule(() -> {
            session.sendBreakIn();
            pursueBreakIn(settings.breakInRepeat().toNanos());
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void cancelBreakIn() {
        if (breakInTimer != null) {
            breakInTimer.cancel(false);
            breakInTimer = null;
        }
    }

    /** The session's callbacks, on its event loop. */
    private final class SessionEvents implements SessionListener {
        @Override
        public void connected(InetSocketAddress target, PokeDecision decision) {
            boolean reboot = connected && decision != PokeDecision.ANSWER_AGAIN;
            connected = true;
            currentStop = null;
            if (reboot) {
                // counted before the pending request fails below, so its caller can tell a reboot caused it
                reboots++;
                breakpoints.clear();
                version = null;
                rebooted = true;
                events.publish(new DebuggerEvent.Rebooted(target));
            }
            if (pending != null) {
                pending.reply().completeExceptionally(
                        new NotAttachedException("the target handshook again (" + decision + ") under the request"));
                pending = null;
            }
            if (attached.isDone()) {
                attached = new CompletableFuture<>();
            }
            if (wantAttach) {
                pursueBreakIn(settings.breakInDelay().toNanos());
            }
        }

        @Override
        public void stateChanged(StateChange64 change) {
            if (change.newState() == StateChange64.LOAD_SYMBOLS) {
                symbolsLoaded(change);
                return;
            }
            cancelBreakIn();
            Stop stop = Stop.of(change);
            breakpoints.stoppedAt(stop.pc());
            currentStop = stop;
            if (!attached.isDone() && wantAttach) {
                attached.complete(stop);
                if (rebooted) {
                    rebooted = false;
                    events.publish(new DebuggerEvent.Reattached(stop));
                }
            }
            if (!quietStop) {
                events.publish(new DebuggerEvent.Stopped(stop));
            }
            quietStop = false;
            stopWaiters.forEach(w -> w.complete(stop));
            stopWaiters.clear();
        }

        private void symbolsLoaded(StateChange64 change) {
            LoadSymbols64 symbols = LoadSymbols64.from(change.union());
            List<String> strings = change.extraStrings();
            events.publish(new DebuggerEvent.SymbolsLoaded(symbols.baseOfDll(),
                    symbols.sizeOfImage(), symbols.isUnload(), strings.isEmpty() ? "" : strings.get(0)));
            session.send(KdPacketType.STATE_MANIPULATE, ManipulateState64.request(ManipulateApi.CONTINUE2,
                    change.processor(), Continue2Request.of(NtStatus.DBG_CONTINUE, false,
                            change.controlReport().dr7()), new byte[0]).encode());
        }

        @Override
        public void replied(ManipulateState64 reply) {
            if (pending != null && pending.api().equals(reply.api())) {
                pending.reply().complete(reply);
                pending = null;
            }
        }

        @Override
        public void printed(DebugIo print) {
            events.publish(new DebuggerEvent.Printed(print.processor(), print.text()));
        }

        @Override
        public void lost(KdPacket packet) {
            if (pending != null && packet.type().equals(KdPacketType.STATE_MANIPULATE)) {
                pending.reply().completeExceptionally(new NoAnswerException(pending.api().name(), 0));
                pending = null;
            }
        }
    }
}
