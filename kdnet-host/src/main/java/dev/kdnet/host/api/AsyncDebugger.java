package dev.kdnet.host.api;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.ContextEx;
import dev.kdnet.protocol.dbgkd.IoSpaceTransfer;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.MsrTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.RestoreBreakPoint;
import dev.kdnet.protocol.dbgkd.WriteBreakPoint;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The debugger of one target session, asynchronously: every method returns at once with a future that the
 * session's event loop completes. For embedding, and for drivers that keep many targets busy from one thread.
 *
 * <p>Every future completes on the event loop, so what a caller chains to it with the non-{@code Async} methods of
 * {@link CompletableFuture} runs there and must not block. Each future is bounded: a request fails with
 * {@link NoAnswerException} once the target has been silent for {@link DebuggerSettings#requestTimeout()}, a
 * wait for a stop after {@link DebuggerSettings#stopTimeout()} (or the timeout it is given; {@link #waitForStop()}
 * waits as long as it takes). Cancelling a future cancels the call: a memory transfer sends no further chunk. Failures are the {@link DebuggerException}s that
 * {@link Debugger} throws. Calls may overlap: requests go to the target one at a time, in the order they were made.
 */
public final class AsyncDebugger {
    /** ReadControlSpace selector whose 8 bytes are the processor's KPCR address (x64). */
    static final long CONTROL_SPACE_KPCR = 0;

    private final DebuggerEngine engine;
    private final Executor loop;
    private final EventHub events;
    private final BreakpointBook breakpoints;
    private final ModuleWalker modules;

    AsyncDebugger(DebuggerEngine engine, Executor loop, EventHub events, BreakpointBook breakpoints,
            int maxModules) {
        this.engine = engine;
        this.loop = loop;
        this.events = events;
        this.breakpoints = breakpoints;
        this.modules = new ModuleWalker(this::readFully, maxModules);
    }

    /** Waits until a target is connected and stopped and identifies its kernel (see {@link Debugger#attach}). */
    public CompletableFuture<KernelVersion> attach(Duration timeout) {
        return onLoop(() -> engine.attach(timeout));
    }

    /**
     * Completes when a target is attached and its kernel identified, however long that takes (a host watching many
     * ports waits so for each). After a reboot a new call waits for the new attach.
     */
    public CompletableFuture<KernelVersion> whenAttached() {
        return onLoop(engine::whenAttached);
    }

    /** What the target does now, as far as the engine knows ({@link Debugger#status()} also tells a gone one). */
    public CompletableFuture<TargetState> state() {
        return onLoop(() -> CompletableFuture.completedFuture(engine.state()));
    }

    /** Removes the debugger's breakpoints, lets the target run and stops attaching until {@link #attach}. */
    public CompletableFuture<Void> detach() {
        return onLoop(() -> {
            CompletableFuture<Void> cleared = CompletableFuture.completedFuture(null);
            if (engine.currentStop().isPresent()) {
                for (Breakpoint breakpoint : breakpoints.list()) {
                    cleared = cleared.thenCompose(done -> clearOnLoop(breakpoint.address()).thenApply(b -> null));
                }
                cleared = cleared.thenCompose(done -> goOnLoop());
            }
            return cleared.thenApply(done -> {
                engine.stopAttaching();
                return null;
            });
        });
    }

    /** The attached kernel's version, if identified. */
    public CompletableFuture<Optional<KernelVersion>> version() {
        return onLoop(() -> CompletableFuture.completedFuture(engine.version()));
    }

    /** The current stop, if a target is connected and stopped. */
    public CompletableFuture<Optional<Stop>> stop() {
        return onLoop(() -> CompletableFuture.completedFuture(engine.currentStop()));
    }

    /**
     * Reads {@code length} bytes on the stopped CPU in requests of at most {@link DebuggerSettings#chunkSize()}
     * bytes, each sent from the previous reply's completion; {@code progress} hears after every chunk, on the loop.
     * A read that stops early (an unmapped page) is reported in the result, not failed.
     */
    public CompletableFuture<MemoryRead> read(MemorySpace space, long address, int length, Progress progress) {
        return onLoop(() -> engine.memory().read(space, engine.requireStopped("read").cpu(), address, length,
                progress));
    }

    /**
     * Reads physical memory like {@link #read}, going on across target reboots (waiting up to
     * {@code reattachTimeout} for each new attach, told through {@link Progress#resumedAfterReboot}) and asking
     * again for a chunk that got no answer (up to three times in a row).
     */
    public CompletableFuture<MemoryRead> dumpPhysical(long address, int length, Progress progress,
            Duration reattachTimeout) {
        return onLoop(() -> engine.dump(address, length, progress, reattachTimeout));
    }

    /** Writes {@code data} in chunks; completes with the bytes written (fewer if a request stopped short). */
    public CompletableFuture<Integer> write(MemorySpace space, long address, byte[] data, Progress progress) {
        byte[] copy = data.clone();
        return onLoop(() -> engine.memory().write(space, engine.requireStopped("write").cpu(), address, copy,
                progress));
    }

    /** The CONTEXT of {@code cpu}: GetContextEx, or GetContext if the target refuses it. */
    public CompletableFuture<X64Context> context(int cpu) {
        return onLoop(() -> contextOnLoop(cpu));
    }

    private CompletableFuture<X64Context> contextOnLoop(int cpu) {
        return engine.call(ManipulateState64.request(ManipulateApi.GET_CONTEXT_EX, cpu,
                new ContextEx(0, X64Context.LENGTH, 0), new byte[0])).thenCompose(reply -> {
                    if (NtStatus.isSuccess(reply.returnStatus()) && reply.dataLength() >= X64Context.LENGTH) {
                        return CompletableFuture.completedFuture(reply);
                    }
                    return succeeded(ManipulateState64.request(ManipulateApi.GET_CONTEXT, cpu,
                            MemoryTransfer.request(0, 0), new byte[0]), "GetContext of CPU " + cpu);
                }).thenApply(reply -> X64Context.decode(padded(reply.data(), X64Context.LENGTH))
                        .orElseThrow());
    }

    /** Sets one register of {@code cpu} (GetContext, then SetContext with the new value). */
    public CompletableFuture<Void> setRegister(int cpu, X64Register register, long value) {
        return onLoop(() -> setRegisterOnLoop(cpu, register, value));
    }

    private CompletableFuture<Void> setRegisterOnLoop(int cpu, X64Register register, long value) {
        return contextOnLoop(cpu).thenCompose(context -> setContextOnLoop(cpu, context.with(register, value)));
    }

    /** Writes the whole CONTEXT of {@code cpu}. */
    public CompletableFuture<Void> setContext(int cpu, X64Context context) {
        return onLoop(() -> setContextOnLoop(cpu, context));
    }

    private CompletableFuture<Void> setContextOnLoop(int cpu, X64Context context) {
        return succeeded(ManipulateState64.request(ManipulateApi.SET_CONTEXT, cpu, MemoryTransfer.request(0, 0),
                context.encode()), "SetContext of CPU " + cpu).thenApply(reply -> null);
    }

    /** The KSPECIAL_REGISTERS of {@code cpu} (ReadControlSpace selector 2). */
    public CompletableFuture<KSpecialRegisters> specialRegisters(int cpu) {
        return onLoop(() -> succeeded(ManipulateState64.request(ManipulateApi.READ_CONTROL_SPACE, cpu,
                MemoryTransfer.request(KSpecialRegisters.CONTROL_SPACE_SELECTOR, KSpecialRegisters.LENGTH),
                new byte[0]), "ReadControlSpace 2 of CPU " + cpu).thenApply(reply -> KSpecialRegisters.decode(
                        padded(reply.data(), KSpecialRegisters.LENGTH)).orElseThrow()));
    }

    /**
     * The address of {@code cpu}'s KPCR (ReadControlSpace selector {@value #CONTROL_SPACE_KPCR}), from which the
     * processor's structures are read in virtual memory.
     */
    public CompletableFuture<Long> processorControlRegion(int cpu) {
        return onLoop(() -> succeeded(ManipulateState64.request(ManipulateApi.READ_CONTROL_SPACE, cpu,
                MemoryTransfer.request(CONTROL_SPACE_KPCR, Long.BYTES), new byte[0]),
                "ReadControlSpace " + CONTROL_SPACE_KPCR + " of CPU " + cpu)
                .thenApply(reply -> padded(reply.data(), Long.BYTES).getLong(0)));
    }

    /** Reads an I/O port {@code size} bytes wide (1, 2 or 4; ReadIoSpace); completes with the value, zero-extended. */
    public CompletableFuture<Integer> readIoPort(long port, int size) {
        return onLoop(() -> succeeded(ManipulateState64.request(ManipulateApi.READ_IO_SPACE,
                engine.requireStopped("readIoPort").cpu(), new IoSpaceTransfer(port, size, 0), new byte[0]),
                String.format("ReadIoSpace of %d bytes at port 0x%X", size, port))
                .thenApply(reply -> IoSpaceTransfer.from(reply.union()).dataValue()));
    }

    /** Writes the low {@code size} bytes (1, 2 or 4) of {@code value} to an I/O port (WriteIoSpace). */
    public CompletableFuture<Void> writeIoPort(long port, int size, int value) {
        return onLoop(() -> succeeded(ManipulateState64.request(ManipulateApi.WRITE_IO_SPACE,
                engine.requireStopped("writeIoPort").cpu(), new IoSpaceTransfer(port, size, value), new byte[0]),
                String.format("WriteIoSpace of %d bytes at port 0x%X", size, port)).thenApply(reply -> null));
    }

    /** Reads model-specific register {@code msr} of {@code cpu} (ReadMachineSpecificRegister). */
    public CompletableFuture<Long> readMsr(int cpu, int msr) {
        return onLoop(() -> succeeded(ManipulateState64.request(ManipulateApi.READ_MSR, cpu,
                new MsrTransfer(msr, 0, 0), new byte[0]), String.format("ReadMsr 0x%X of CPU %d", msr, cpu))
                .thenApply(reply -> MsrTransfer.from(reply.union()).value()));
    }

    /** Writes model-specific register {@code msr} of {@code cpu} (WriteMachineSpecificRegister). */
    public CompletableFuture<Void> writeMsr(int cpu, int msr, long value) {
        return onLoop(() -> succeeded(ManipulateState64.request(ManipulateApi.WRITE_MSR, cpu,
                new MsrTransfer(msr, 0, 0).withValue(value), new byte[0]),
                String.format("WriteMsr 0x%X of CPU %d", msr, cpu)).thenApply(reply -> null));
    }

    /**
     * Places a software breakpoint (WriteBreakPoint) and remembers its handle; the existing one if armed. A disabled
     * breakpoint at {@code address} is enabled again, with its id. One at the PC of the stop is written when the
     * target runs on, after the instruction there (as after a stop at a breakpoint), not before: written now, it
     * would stop the target again where it is.
     */
    public CompletableFuture<Breakpoint> setBreakpoint(long address) {
        return onLoop(() -> {
            Breakpoint known = breakpoints.at(address).orElse(null);
            if (known != null && known.armed()) {
                return CompletableFuture.completedFuture(known);
            }
            if (engine.requireStopped("setBreakpoint").pc() == address) {
                return CompletableFuture.completedFuture(breakpoints.atThePc(address));
            }
            return arm(address).thenApply(done -> breakpoints.at(address).orElseThrow());
        });
    }

    /** The debugger's breakpoints, by address. */
    public List<Breakpoint> breakpoints() {
        return breakpoints.list();
    }

    /** Removes the breakpoint at {@code address} (RestoreBreakPoint if the target has it); false if none. */
    public CompletableFuture<Boolean> clearBreakpoint(long address) {
        return onLoop(() -> clearOnLoop(address));
    }

    private CompletableFuture<Boolean> clearOnLoop(long address) {
        Breakpoint removed = breakpoints.remove(address).orElse(null);
        if (removed == null) {
            return CompletableFuture.completedFuture(false);
        }
        return restore(removed).thenApply(done -> true);
    }

    /**
     * Takes the breakpoint at {@code address} out of the target (RestoreBreakPoint if the target has it) and keeps
     * it, with its id, disabled; {@link #setBreakpoint} enables it again. False if there is none.
     */
    public CompletableFuture<Boolean> disableBreakpoint(long address) {
        return onLoop(() -> {
            Breakpoint known = breakpoints.at(address).orElse(null);
            if (known == null) {
                return CompletableFuture.completedFuture(false);
            }
            return restore(known).thenApply(done -> {
                breakpoints.disabled(address);
                return true;
            });
        });
    }

    /** RestoreBreakPoint for {@code breakpoint} if the target has it in place. */
    private CompletableFuture<Void> restore(Breakpoint breakpoint) {
        if (!breakpoint.armed()) {
            return CompletableFuture.completedFuture(null);
        }
        return succeeded(ManipulateState64.request(ManipulateApi.RESTORE_BREAKPOINT,
                engine.requireStopped("clearBreakpoint").cpu(), new RestoreBreakPoint(breakpoint.handle()),
                new byte[0]), String.format("RestoreBreakPoint handle %d at 0x%X", breakpoint.handle(),
                        breakpoint.address())).thenApply(reply -> null);
    }

    private CompletableFuture<Void> arm(long address) {
        return succeeded(ManipulateState64.request(ManipulateApi.WRITE_BREAKPOINT,
                engine.requireStopped("setBreakpoint").cpu(), new WriteBreakPoint(address, 0), new byte[0]),
                String.format("WriteBreakPoint at 0x%X", address)).thenAccept(reply ->
                        breakpoints.armed(address, WriteBreakPoint.from(reply.union()).handle()));
    }

    /**
     * Lets the target run; completes once it runs. From a stop at one of the debugger's breakpoints it first
     * single-steps and writes the breakpoint again (kd-protocol §7.7); from a hard-coded int3 it sets RIP past it.
     */
    public CompletableFuture<Void> go() {
        return onLoop(this::goOnLoop);
    }

    private CompletableFuture<Void> goOnLoop() {
        return prepareToRun("go").thenCompose(stop -> breakpoints.disarmedAt(stop.pc())
                ? engine.resume(true, true).thenCompose(after -> rearmAwayFrom(after.pc()))
                : CompletableFuture.completedFuture(null))
                .thenCompose(done -> engine.resume(false, false)).thenApply(stop -> null);
    }

    /** Executes one instruction of the stopped CPU (Continue2 TraceFlag=1); completes with the resulting stop. */
    public CompletableFuture<Stop> step() {
        return onLoop(() -> prepareToRun("step").thenCompose(stop -> engine.resume(true, false))
                .thenCompose(after -> rearmAwayFrom(after.pc()).thenApply(done -> after)));
    }

    /**
     * Stops the running target with the break-in byte; completes with the stop (the current one if already
     * stopped). The byte goes out again every {@link DebuggerSettings#breakInRepeat()} until a stop arrives.
     */
    public CompletableFuture<Stop> breakIn() {
        return onLoop(engine::breakIn);
    }

    /** The current stop, or the next one within {@code timeout}. */
    public CompletableFuture<Stop> waitForStop(Duration timeout) {
        return onLoop(() -> engine.nextStop(timeout, "a stop"));
    }

    /** The current stop, or the next one however long it takes. */
    public CompletableFuture<Stop> waitForStop() {
        return onLoop(engine::nextStop);
    }

    /** Makes {@code cpu} the reporting CPU (SwitchProcessor); completes with its stop. */
    public CompletableFuture<Stop> switchCpu(int cpu) {
        return onLoop(() -> {
            Stop stop = engine.requireStopped("switchCpu");
            if (cpu == stop.cpu()) {
                return CompletableFuture.completedFuture(stop);
            }
            if (cpu < 0 || cpu >= stop.cpuCount()) {
                throw new IllegalArgumentException("CPU " + cpu + " of " + stop.cpuCount());
            }
            return engine.sendAndAwaitStop(ManipulateState64.request(ManipulateApi.SWITCH_PROCESSOR, cpu), false,
                    "SwitchProcessor to CPU " + cpu);
        });
    }

    /** Asks the target to reboot; completes once asked. The debugger attaches again by itself afterwards. */
    public CompletableFuture<Void> reboot() {
        return onLoop(() -> {
            engine.reboot();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** The loaded modules, walking PsLoadedModuleList (at most {@link DebuggerSettings#maxModules()}). */
    public CompletableFuture<List<ModuleInfo>> modules() {
        return onLoop(() -> {
            engine.requireStopped("modules");
            KernelVersion version = engine.version().orElseThrow(() -> new NotAttachedException(
                    "modules: no kernel identified yet: attach first"));
            return modules.walk(version.psLoadedModuleList());
        });
    }

    /** Adds a listener; it runs on the session's event loop and must not block. */
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

    // ---- on the loop -----------------------------------------------------------------------------------------

    private CompletableFuture<Stop> prepareToRun(String call) {
        Stop stop = engine.requireStopped(call);
        CompletableFuture<Stop> ready = CompletableFuture.completedFuture(stop);
        if (stop.atInt3() && breakpoints.at(stop.pc()).isEmpty()) {
            Stop moved = stop.movedTo(stop.pc() + 1);
            ready = setRegisterOnLoop(stop.cpu(), X64Register.RIP, moved.pc()).thenApply(done -> {
                engine.movedTo(moved);
                return moved;
            });
        }
        return ready.thenCompose(now -> rearmAwayFrom(now.pc()).thenApply(done -> now));
    }

    private CompletableFuture<Void> rearmAwayFrom(long pc) {
        CompletableFuture<Void> armed = CompletableFuture.completedFuture(null);
        for (Breakpoint breakpoint : breakpoints.disarmedAwayFrom(pc)) {
            armed = armed.thenCompose(done -> arm(breakpoint.address()));
        }
        return armed;
    }

    private CompletableFuture<ManipulateState64> succeeded(ManipulateState64 request, String what) {
        return engine.call(request).thenApply(reply -> {
            if (!NtStatus.isSuccess(reply.returnStatus())) {
                throw new RequestFailedException(what, reply.returnStatus());
            }
            return reply;
        });
    }

    private CompletableFuture<byte[]> readFully(long address, int length) {
        return engine.memory().read(MemorySpace.VIRTUAL, engine.requireStopped("read").cpu(), address, length,
                Progress.NONE).thenApply(read -> {
                    if (!read.complete()) {
                        throw new RequestFailedException(String.format("ReadVirtualMemory at 0x%X",
                                address + read.bytes().length), read.status());
                    }
                    return read.bytes();
                });
    }

    /**
     * Runs {@code work} on the event loop and passes on its outcome; what it throws fails the future. Every chain
     * the work builds completes on the loop, so the engine is only ever touched there. Cancelling the returned
     * future cancels the work's future (a transfer then sends no further chunk).
     */
    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    CompletableFuture<T> working = work.get();
                    Cancellation.reaching(working, result);
                    working.whenComplete((value, failure) -> {
                        if (failure != null) {
                            result.completeExceptionally(Failures.cause(failure));
                        } else {
                            result.complete(value);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new DebuggerException("the session's event loop has shut down", e));
        }
        return result;
    }

    /** The first {@code length} bytes of {@code data}, zero-filled past its end (a short reply decodes as zeros). */
    private static ByteBuffer padded(ByteBuffer data, int length) {
        return WireBytes.wrap(Arrays.copyOf(WireBytes.toArray(data), length));
    }
}
