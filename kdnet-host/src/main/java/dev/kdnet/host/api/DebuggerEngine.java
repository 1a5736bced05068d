package dev.kdnet.host.api;

import dev.kdnet.host.session.PokeDecision;
import dev.kdnet.host.session.SessionListener;
import dev.kdnet.host.session.TargetLink;
import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.LoadSymbols64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdScheduler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The debugger of one target session, confined to the session's event loop: attach and stops, the break-in
 * byte and its repeats, reboots, manipulate requests encoded and their replies decoded and matched (through a
 * {@link RequestLine}), memory transfers, dumps and the kernel's identity. It hears the session and its KD link
 * as their {@link SessionListener} and sends through a {@link TargetLink}; it holds no lock because every call,
 * every timer and every completion of its futures happens on the loop.
 *
 * <p><b>Attaching.</b> From its creation the engine wants to attach: when a target handshakes it continues the
 * LoadSymbols stops (Continue2 DBG_CONTINUE, as WinDbg does), sends the break-in byte if no stop arrives within
 * {@link DebuggerSettings#breakInDelay()} and again every {@link DebuggerSettings#breakInRepeat()} (nothing
 * acknowledges it), and counts the first exception stop as attached. A handshake after the first is a reboot: the
 * requests under way fail with {@link NotAttachedException}, {@link DebuggerEvent.Rebooted} is published, and the
 * engine attaches again by itself ({@link DebuggerEvent.Reattached}).
 *
 * <p>The host's own answers are given here too: FILE_IO CreateFile is refused with STATUS_NO_SUCH_FILE and a
 * GetString prompt gets an empty line.
 */
final class DebuggerEngine implements SessionListener {
    private final TargetLink link;
    private final KdScheduler clock;
    private final DebuggerSettings settings;
    private final int port;
    private final EventHub events;
    private final BreakpointBook breakpoints;
    private final RequestLine requests;
    private final Transfers memory;
    private final List<CompletableFuture<Stop>> stopWaiters = new ArrayList<>();
    private CompletableFuture<Stop> attached = new CompletableFuture<>();
    private Stop currentStop;
    private boolean connected;
    private KernelVersion version;
    private CompletableFuture<KernelVersion> probing;
    /** Handshakes after the first: reboots (or a reboot's handshake repeated after a lost answer). */
    private long reboots;
    private boolean wantAttach = true;
    private boolean rebooted;
    private boolean quietStop;
    private KdScheduler.Timer breakInTimer;

    DebuggerEngine(TargetLink link, KdScheduler clock, DebuggerSettings settings, int port, EventHub events,
            BreakpointBook breakpoints) {
        this.link = link;
        this.clock = clock;
        this.settings = settings;
        this.port = port;
        this.events = events;
        this.breakpoints = breakpoints;
        this.requests = new RequestLine(link, clock, settings.requestTimeout());
        this.memory = new Transfers(this::call, settings.chunkSize());
    }

    // ---- what the layer above asks (on the loop) -------------------------------------------------------------

    /**
     * Completes when a target is connected and stopped and its kernel identified (at once if it already is);
     * fails with {@link NotAttachedException} after {@code timeout}.
     */
    CompletableFuture<KernelVersion> attach(Duration timeout) {
        return within(wantAttached(), timeout, () -> new NotAttachedException("nothing attached on UDP " + port
                + " within " + timeout.toMillis() + " ms")).thenCompose(stop -> identify());
    }

    /** Like {@link #attach} without a deadline: completes whenever a target is attached and identified. */
    CompletableFuture<KernelVersion> whenAttached() {
        return wantAttached().thenCompose(stop -> identify());
    }

    private CompletableFuture<Stop> wantAttached() {
        wantAttach = true;
        if (connected && !attached.isDone() && breakInTimer == null) {
            pursueBreakIn(0);
        }
        return attached;
    }

    /** What the target does now, as far as the engine knows (it cannot tell a target that went away). */
    TargetState state() {
        if (!connected) {
            return TargetState.WAITING;
        }
        if (rebooted) {
            return TargetState.REBOOTING;
        }
        if (!attached.isDone()) {
            return TargetState.ATTACHING;
        }
        return currentStop != null ? TargetState.STOPPED : TargetState.RUNNING;
    }

    private CompletableFuture<KernelVersion> identify() {
        if (version != null) {
            return CompletableFuture.completedFuture(version);
        }
        if (probing != null) {
            return probing;
        }
        long boot = reboots;
        CompletableFuture<KernelVersion> probe = VersionProbe.read(this::call, memory, currentStop.cpu());
        probing = probe;
        probe.whenComplete((identified, failure) -> {
            if (boot == reboots) {
                version = identified;
                probing = null;
            }
        });
        return probe;
    }

    /** Stops attaching by itself until the next {@link #attach}. */
    void stopAttaching() {
        wantAttach = false;
        cancelBreakIn();
        if (attached.isDone()) {
            attached = new CompletableFuture<>();
        }
    }

    /** The identified kernel, if attach got that far. */
    Optional<KernelVersion> version() {
        return Optional.ofNullable(version);
    }

    /** The current stop; throws if no target is connected or it runs. */
    Stop requireStopped(String call) {
        if (!connected) {
            throw new NotAttachedException(call + ": no target connected on UDP " + port);
        }
        if (currentStop == null) {
            throw new TargetRunningException(call);
        }
        return currentStop;
    }

    /** The current stop, if connected and stopped. */
    Optional<Stop> currentStop() {
        return connected ? Optional.ofNullable(currentStop) : Optional.empty();
    }

    /** Replaces the current stop (after the PC moved past an int3). */
    void movedTo(Stop stop) {
        currentStop = stop;
    }

    /** How many times the target has handshaken again. */
    long reboots() {
        return reboots;
    }

    /** Sends a manipulate request to the stopped target; completes with its reply, whatever its status. */
    CompletableFuture<ManipulateState64> call(ManipulateState64 request) {
        try {
            requireStopped(request.api().name());
        } catch (DebuggerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return requests.send(request);
    }

    /** The memory transfers, chained on the loop. */
    Transfers memory() {
        return memory;
    }

    /** A physical-memory dump that goes on across reboots and past a chunk that got no answer. */
    CompletableFuture<MemoryRead> dump(long address, int length, Progress progress, Duration reattachTimeout) {
        return ResumingDump.start(memory, new ResumingDump.Debuggee() {
            @Override
            public long reboots() {
                return reboots;
            }

            @Override
            public int stoppedCpu() {
                return requireStopped("dumpPhysical").cpu();
            }

            @Override
            public CompletableFuture<?> attachAgain(Duration timeout) {
                return attach(timeout);
            }
        }, address, length, progress, reattachTimeout);
    }

    /**
     * Continues the stopped CPU (Continue2 DBG_CONTINUE with its DR7). With {@code trace} it completes with the
     * stop one instruction later ({@code quiet}: without publishing it); without, it completes once sent.
     */
    CompletableFuture<Stop> resume(boolean trace, boolean quiet) {
        Stop stop;
        try {
            stop = requireStopped(trace ? "step" : "go");
        } catch (DebuggerException e) {
            return CompletableFuture.failedFuture(e);
        }
        ManipulateState64 request = ManipulateState64.request(ManipulateApi.CONTINUE2, stop.cpu(),
                Continue2Request.of(NtStatus.DBG_CONTINUE, trace, stop.dr7()), new byte[0]);
        if (!trace) {
            currentStop = null;
            link.send(KdPacketType.STATE_MANIPULATE, request.encode());
            return CompletableFuture.completedFuture(null);
        }
        return sendAndAwaitStop(request, quiet, "Continue2 with TraceFlag");
    }

    /** Sends a request the target answers with a stop (SwitchProcessor, a traced Continue2); completes with it. */
    CompletableFuture<Stop> sendAndAwaitStop(ManipulateState64 request, boolean quiet, String what) {
        CompletableFuture<Stop> next = new CompletableFuture<>();
        stopWaiters.add(next);
        quietStop = quiet;
        currentStop = null;
        link.send(KdPacketType.STATE_MANIPULATE, request.encode());
        return within(next, settings.stopTimeout(), () -> new NoAnswerException(what, settings.stopTimeout()));
    }

    /** Completes with the current stop, or breaks in (repeating the byte until a stop) and completes with it. */
    CompletableFuture<Stop> breakIn() {
        if (!connected) {
            return CompletableFuture.failedFuture(new NotAttachedException("breakIn: no target connected on UDP "
                    + port));
        }
        if (currentStop != null) {
            return CompletableFuture.completedFuture(currentStop);
        }
        pursueBreakIn(0);
        return nextStop(settings.stopTimeout(), "the break-in");
    }

    /** The current stop, or the next one within {@code timeout}. */
    CompletableFuture<Stop> nextStop(Duration timeout, String what) {
        return within(nextStop(), timeout, () -> new NoAnswerException(what, timeout));
    }

    /** The current stop, or the next one however long it takes; a cancelled wait is forgotten at the next stop. */
    CompletableFuture<Stop> nextStop() {
        if (connected && currentStop != null) {
            return CompletableFuture.completedFuture(currentStop);
        }
        CompletableFuture<Stop> next = new CompletableFuture<>();
        stopWaiters.add(next);
        return next;
    }

    /** Asks the stopped target to reboot; the engine attaches again when it handshakes anew. */
    void reboot() {
        Stop stop = requireStopped("reboot");
        currentStop = null;
        if (attached.isDone()) {
            attached = new CompletableFuture<>();
        }
        link.send(KdPacketType.STATE_MANIPULATE, ManipulateState64.request(ManipulateApi.REBOOT, stop.cpu())
                .encode());
    }

    /** {@code future}, or a failure from {@code failure} if it is not done within {@code timeout}. */
    private <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout,
            Supplier<? extends RuntimeException> failure) {
        if (future.isDone()) {
            return future;
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        KdScheduler.Timer timer = clock.schedule(() -> bounded.completeExceptionally(failure.get()),
                timeout.toNanos());
        future.whenComplete((value, error) -> {
            timer.cancel();
            if (error != null) {
                bounded.completeExceptionally(Failures.cause(error));
            } else {
                bounded.complete(value);
            }
        });
        return bounded;
    }

    /** Sends the break-in byte after {@code delayNanos}, then every breakInRepeat until a stop cancels it. */
    private void pursueBreakIn(long delayNanos) {
        cancelBreakIn();
        breakInTimer = clock.schedule(() -> {
            link.sendBreakIn();
            pursueBreakIn(settings.breakInRepeat().toNanos());
        }, delayNanos);
    }

    private void cancelBreakIn() {
        if (breakInTimer != null) {
            breakInTimer.cancel();
            breakInTimer = null;
        }
    }

    // ---- what the session and its KD link say (on the loop) --------------------------------------------------

    @Override
    public void connected(InetSocketAddress target, PokeDecision decision) {
        boolean reboot = connected && !decision.continuesTarget();
        connected = true;
        currentStop = null;
        if (reboot) {
            reboots++;
            breakpoints.clear();
            version = null;
            probing = null;
            rebooted = true;
            events.publish(new DebuggerEvent.Rebooted(target));
        }
        if (attached.isDone()) {
            attached = new CompletableFuture<>();
        }
        if (wantAttach) {
            pursueBreakIn(settings.breakInDelay().toNanos());
        }
        // last: what the failed requests' callers do next (a dump waits to attach again) sees the new state
        requests.failAll(new NotAttachedException("the target handshook again (" + decision + ") under the request"));
    }

    @Override
    public void onPeerHeard() {
        requests.heard();
    }

    @Override
    public void onPacket(KdPacket packet) {
        KdPacketType type = packet.type();
        ByteBuffer payload = packet.payload();
        if (type.equals(KdPacketType.STATE_CHANGE64)) {
            deliver(StateChange64.decode(payload), this::stateChanged);
        } else if (type.equals(KdPacketType.STATE_MANIPULATE)) {
            deliver(ManipulateState64.decode(payload), requests::replied);
        } else if (type.equals(KdPacketType.DEBUG_IO)) {
            deliver(DebugIo.decode(payload), this::debugIo);
        } else if (type.equals(KdPacketType.FILE_IO)) {
            deliver(FileIo.decode(payload), this::fileIo);
        } else {
            link.dropped(DropReason.MALFORMED_BODY);
        }
    }

    @Override
    public void onGaveUp(KdPacket packet) {
        requests.lost(packet);
    }

    private void stateChanged(StateChange64 change) {
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
        List<CompletableFuture<Stop>> waiters = List.copyOf(stopWaiters);
        stopWaiters.clear();
        waiters.forEach(w -> w.complete(stop));
    }

    private void symbolsLoaded(StateChange64 change) {
        LoadSymbols64 symbols = LoadSymbols64.from(change.union());
        List<String> strings = change.extraStrings();
        events.publish(new DebuggerEvent.SymbolsLoaded(symbols.baseOfDll(), symbols.sizeOfImage(),
                symbols.isUnload(), strings.isEmpty() ? "" : strings.get(0)));
        link.send(KdPacketType.STATE_MANIPULATE, ManipulateState64.request(ManipulateApi.CONTINUE2,
                change.processor(), Continue2Request.of(NtStatus.DBG_CONTINUE, false, change.controlReport().dr7()),
                new byte[0]).encode());
    }

    private void debugIo(DebugIo io) {
        if (io.apiNumber() == DebugIo.GET_STRING) {
            link.send(KdPacketType.DEBUG_IO, DebugIo.getStringReply(io, "").encode());
        } else {
            events.publish(new DebuggerEvent.Printed(io.processor(), io.text()));
        }
    }

    private void fileIo(FileIo io) {
        if (io.apiNumber() == FileIo.CREATE_FILE) {
            link.send(KdPacketType.FILE_IO, FileIo.createFileRefusal(io).encode());
        } else {
            link.dropped(DropReason.MALFORMED_BODY);
        }
    }

    private <T> void deliver(Decoded<T> decoded, Consumer<T> consumer) {
        if (decoded instanceof Decoded.Ok<T> ok) {
            consumer.accept(ok.value());
        } else {
            link.dropped(DropReason.MALFORMED_BODY);
        }
    }
}
