package dev.kdnet.host.api;

import dev.kdnet.host.session.SessionStats;
import dev.kdnet.host.session.SilenceDiagnosis;
import dev.kdnet.host.session.TargetSession;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.netty.EventLoopScheduler;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The debugger of one target session (one UDP port), blocking: each method waits for the outcome of the same call
 * of its {@link AsyncDebugger} ({@link #async()}), whose engine runs on the session's event loop. Every wait is
 * bounded by the engine (see {@link DebuggerSettings}). Must not be called from the event loop or from an event
 * listener.
 *
 * <p><b>Attaching.</b> From its creation the debugger wants to attach: when a target handshakes it continues the
 * LoadSymbols stops, breaks in if no stop arrives within {@link DebuggerSettings#breakInDelay()}, and counts the
 * first exception stop as attached. After a target reboot (its own or through {@link #reboot()}) it attaches again
 * by itself and publishes {@link DebuggerEvent.Rebooted} and {@link DebuggerEvent.Reattached}; {@link #attach}
 * then returns the new kernel's version. {@link #detach()} stops this until the next {@code attach}. A request under
 * way when the target reboots fails with {@link NotAttachedException}; {@link #dumpPhysical} instead waits for the
 * new attach and goes on.
 *
 * <p><b>Failures.</b> {@link NotAttachedException}, {@link TargetRunningException}, {@link NoAnswerException} (the
 * request is named), {@link RequestFailedException} (with the NTSTATUS in hex) and {@link CancelledException} (the
 * waiting thread was interrupted), all {@link DebuggerException}s.
 */
public final class Debugger {
    private final AsyncDebugger async;
    private final EventExecutor loop;
    private final int port;
    private final Supplier<SessionStats> stats;
    private final Supplier<SilenceDiagnosis> diagnosis;

    Debugger(AsyncDebugger async, EventExecutor loop, int port, Supplier<SessionStats> stats,
            Supplier<SilenceDiagnosis> diagnosis) {
        this.async = async;
        this.loop = loop;
        this.port = port;
        this.stats = stats;
        this.diagnosis = diagnosis;
    }

    /** The debugger of {@code session}; its engine becomes the session's only listener. */
    public static Debugger of(TargetSession session, DebuggerSettings settings) {
        EventHub events = new EventHub();
        BreakpointBook breakpoints = new BreakpointBook();
        DebuggerEngine engine = new DebuggerEngine(session, new EventLoopScheduler(session.loop()), settings,
                session.port(), events, breakpoints);
        session.setListener(engine);
        AsyncDebugger async = new AsyncDebugger(engine, session.loop(), events, breakpoints, settings.maxModules());
        return new Debugger(async, session.loop(), session.port(), session::stats, session::diagnosis);
    }

    /** The same debugger, asynchronously. */
    public AsyncDebugger async() {
        return async;
    }

    /** The UDP port of the session. */
    public int port() {
        return port;
    }

    /**
     * Waits until a target is connected and stopped, then identifies its kernel (GetVersion; then the debugger data
     * block with its 'KDBG' tag and NtBuildLab where memory holds them). Returns at once if already attached.
     *
     * @throws NotAttachedException if nothing attached within {@code timeout}; the message says why (the
     *                              {@link SilenceDiagnosis} of the port)
     */
    public KernelVersion attach(Duration timeout) {
        try {
            return await(async.attach(timeout));
        } catch (NotAttachedException e) {
            throw new NotAttachedException(e.getMessage() + ": " + String.join("; ", diagnosis().lines()));
        }
    }

    /** Removes the debugger's breakpoints, lets the target run and stops attaching until {@link #attach}. */
    public void detach() {
        await(async.detach());
    }

    /** The attached kernel's version (read at attach). */
    public KernelVersion version() {
        return await(async.version()).orElseThrow(() -> new NotAttachedException("no kernel identified yet on UDP "
                + port + ": attach first"));
    }

    /** True if a target is connected and stopped. */
    public boolean isStopped() {
        return await(async.stop()).isPresent();
    }

    /** The current stop. */
    public Stop stop() {
        return await(async.stop()).orElseThrow(() -> new TargetRunningException("stop"));
    }

    /** Reads virtual memory; see {@link #read(MemorySpace, long, int, Progress)}. */
    public MemoryRead readVirtual(long address, int length) {
        return read(MemorySpace.VIRTUAL, address, length, Progress.NONE);
    }

    /** Reads physical memory; see {@link #read(MemorySpace, long, int, Progress)}. */
    public MemoryRead readPhysical(long address, int length) {
        return read(MemorySpace.PHYSICAL, address, length, Progress.NONE);
    }

    /**
     * Reads {@code length} bytes in requests of at most {@link DebuggerSettings#chunkSize()} bytes, on the stopped
     * CPU, waiting once for the whole transfer; {@code progress} hears after every chunk, on the event loop. A read
     * that stops early (an unmapped page) is reported, not thrown: see {@link MemoryRead#stoppedAt()}.
     */
    public MemoryRead read(MemorySpace space, long address, int length, Progress progress) {
        return await(async.read(space, address, length, progress));
    }

    /**
     * Reads physical memory like {@link #read(MemorySpace, long, int, Progress)}, and goes on across target reboots:
     * when the target reboots under the read, it waits up to {@code reattachTimeout} for the debugger to attach again
     * (identifying the new kernel, as {@link #attach(Duration)} does), tells {@code progress} through
     * {@link Progress#resumedAfterReboot}, and continues from the first byte it has not received. A chunk that gets
     * no answer is asked for again, up to three times in a row. The bytes before and after a reboot come from
     * different boots of the target: they agree only where a boot leaves physical memory as the previous one did.
     *
     * @throws NotAttachedException if the target rebooted and did not attach again within {@code reattachTimeout}
     *                              (the message says how far the dump got)
     */
    public MemoryRead dumpPhysical(long address, int length, Progress progress, Duration reattachTimeout) {
        return await(async.dumpPhysical(address, length, progress, reattachTimeout));
    }

    /** Writes virtual memory; returns the bytes written (fewer if a request stopped short). */
    public int writeVirtual(long address, byte[] data) {
        return write(MemorySpace.VIRTUAL, address, data, Progress.NONE);
    }

    /** Writes {@code data} in chunks; returns the bytes written (fewer if a request stopped short). */
    public int write(MemorySpace space, long address, byte[] data, Progress progress) {
        return await(async.write(space, address, data, progress));
    }

    /** The CONTEXT of {@code cpu}: GetContextEx, or GetContext if the target refuses it. */
    public X64Context context(int cpu) {
        return await(async.context(cpu));
    }

    /** Sets one register of {@code cpu} (GetContext, then SetContext with the new value). */
    public void setRegister(int cpu, X64Register register, long value) {
        await(async.setRegister(cpu, register, value));
    }

    /** Writes the whole CONTEXT of {@code cpu}. */
    public void setContext(int cpu, X64Context context) {
        await(async.setContext(cpu, context));
    }

    /** The KSPECIAL_REGISTERS of {@code cpu} (ReadControlSpace selector 2). */
    public KSpecialRegisters specialRegisters(int cpu) {
        return await(async.specialRegisters(cpu));
    }

    /** The address of {@code cpu}'s KPCR (ReadControlSpace selector 0). */
    public long processorControlRegion(int cpu) {
        return await(async.processorControlRegion(cpu));
    }

    /** Reads an I/O port {@code size} bytes wide (1, 2 or 4); the value zero-extended. */
    public int readIoPort(long port, int size) {
        return await(async.readIoPort(port, size));
    }

    /** Writes the low {@code size} bytes (1, 2 or 4) of {@code value} to an I/O port. */
    public void writeIoPort(long port, int size, int value) {
        await(async.writeIoPort(port, size, value));
    }

    /** Reads model-specific register {@code msr} of {@code cpu}. */
    public long readMsr(int cpu, int msr) {
        return await(async.readMsr(cpu, msr));
    }

    /** Writes model-specific register {@code msr} of {@code cpu}. */
    public void writeMsr(int cpu, int msr, long value) {
        await(async.writeMsr(cpu, msr, value));
    }

    /**
     * Places a software breakpoint (WriteBreakPoint) and remembers its handle; returns the existing one if any. A
     * new breakpoint gets the lowest id free; a disabled one at {@code address} is enabled again with its id.
     */
    public Breakpoint setBreakpoint(long address) {
        return await(async.setBreakpoint(address));
    }

    /** The debugger's breakpoints, by address. */
    public List<Breakpoint> breakpoints() {
        return async.breakpoints();
    }

    /**
     * Takes the breakpoint at {@code address} out of the target and keeps it, with its id, disabled;
     * {@link #setBreakpoint} enables it again. False if there is none.
     */
    public boolean disableBreakpoint(long address) {
        return await(async.disableBreakpoint(address));
    }

    /** Removes the breakpoint at {@code address} (RestoreBreakPoint if the target still has it); false if none. */
    public boolean clearBreakpoint(long address) {
        return await(async.clearBreakpoint(address));
    }

    /**
     * Lets the target run and returns once it runs. From a stop at one of the debugger's breakpoints it first
     * single-steps and writes the breakpoint again (kd-protocol §7.7); from a hard-coded int3 it sets RIP past it.
     */
    public void go() {
        await(async.go());
    }

    /** Executes one instruction of the stopped CPU (Continue2 TraceFlag=1); returns the resulting stop. */
    public Stop step() {
        return await(async.step());
    }

    /**
     * Stops the running target with the break-in byte; returns the stop (the current one if already stopped). Nothing
     * acknowledges the byte, and it may be lost or reach the target before a continue does (a target that is
     * stopped ignores it), so it goes out again every {@link DebuggerSettings#breakInRepeat()} until a stop arrives,
     * even after this call gave up waiting.
     */
    public Stop breakIn() {
        return await(async.breakIn());
    }

    /** The current stop, or the next one within {@code timeout}. */
    public Stop waitForStop(Duration timeout) {
        return await(async.waitForStop(timeout));
    }

    /**
     * The current stop, or the next one however long it takes (a reboot's new attach is a stop too); interrupting
     * the waiting thread ends the wait with {@link CancelledException}.
     */
    public Stop waitForStop() {
        return await(async.waitForStop());
    }

    /** Makes {@code cpu} the reporting CPU (SwitchProcessor) and returns its stop. */
    public Stop switchCpu(int cpu) {
        return await(async.switchCpu(cpu));
    }

    /**
     * Asks the target to reboot and returns at once; the debugger attaches again by itself when the target
     * handshakes anew (call {@link #attach(Duration)} to wait for it).
     */
    public void reboot() {
        await(async.reboot());
    }

    /** The loaded modules, walking PsLoadedModuleList (at most {@link DebuggerSettings#maxModules()}). */
    public List<ModuleInfo> modules() {
        return await(async.modules());
    }

    /** Adds a listener; it runs on the session's event loop and must not block or call this debugger. */
    public void addListener(Consumer<? super DebuggerEvent> listener) {
        async.addListener(listener);
    }

    /** Removes a listener. */
    public void removeListener(Consumer<? super DebuggerEvent> listener) {
        async.removeListener(listener);
    }

    /** Opens a queue of the events from now on. */
    public EventSubscription subscribe() {
        return async.subscribe();
    }

    /** The session's counters and its KD link's (datagrams, drops by reason, retransmits, RTT). */
    public SessionStats stats() {
        return stats.get();
    }

    /** The target of this port now: its address, kernel, state and round trip ({@code .targets}). */
    public TargetStatus status() {
        TargetState state = await(async.state());
        return TargetStatus.of(stats(), await(async.version()), state);
    }

    /** Why nothing attached, from what the port saw. */
    public SilenceDiagnosis diagnosis() {
        return diagnosis.get();
    }

    /**
     * Waits for {@code future}, which the engine bounds; its {@link DebuggerException} is thrown as it is. An
     * interrupt of the waiting thread cancels the call and throws {@link CancelledException}, which hands the
     * interrupt on (the thread's interrupt status is left clear, so what the caller does next, such as breaking in
     * after an interrupted {@code g}, can wait again).
     */
    private <T> T await(CompletableFuture<T> future) {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("a blocking debugger call on the session's own event loop");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(false);
            throw new CancelledException(e);
        } catch (ExecutionException e) {
            Throwable cause = Failures.cause(e);
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            throw new DebuggerException("the debugger failed", cause);
        }
    }
}
