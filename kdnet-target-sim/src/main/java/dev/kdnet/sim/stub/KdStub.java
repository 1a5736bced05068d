package dev.kdnet.sim.stub;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkConfig;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.protocol.link.RetransmitLog;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.kernel.Stop;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel debugger stub of a simulated Windows target: a {@link KdLink} in the target role over the
 * {@link SimulatedKernel}.
 *
 * <p>On the first connection after a boot it behaves like a Windows kernel whose debugger just attached: a
 * PrintString, a LoadSymbols stop for ntoskrnl, and once the host continues, the initial break (an exception
 * state change, STATUS_BREAKPOINT at BreakpointWithStatus). While stopped it answers manipulate requests; while
 * running it executes the synthetic instruction stream, reports breakpoints and single steps, prints DbgPrint
 * lines, and stops on a break-in byte. Reboot and CauseBugCheck restart the machine through the agent.
 */
public final class KdStub implements KdEndpoint {
    /** What the kernel prints when a debugger connects. */
    static final String CONNECT_BANNER = "KDTARGET: Refreshing KD connection\n";
    private static final Logger LOG = LoggerFactory.getLogger(KdStub.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final KdLinkConfig LINK_CONFIG = KdLinkConfig.defaults(KdRole.TARGET);

    private final SimulatedKernel kernel;
    private final KdScheduler scheduler;
    private final Runnable rebootRequest;
    private final KdLink link;
    private final RetransmitLog retransmits;
    private final ManipulateHandler handler;
    private final StateReports reports;
    private KdLink.Output output = body -> { };
    private boolean connectedBefore;
    private boolean initialBreakPending;
    private StateChange64 report;
    private KdScheduler.Timer tick;
    private long nextPrint;
    private long prints;
    private long stopsReported;
    private boolean closed;

    /** A stub over {@code kernel}; {@code rebootRequest} restarts the machine. */
    public KdStub(SimulatedKernel kernel, KdScheduler scheduler, Runnable rebootRequest) {
        this.kernel = kernel;
        this.scheduler = scheduler;
        this.rebootRequest = rebootRequest;
        this.handler = new ManipulateHandler(kernel);
        this.reports = new StateReports(kernel);
        this.link = new KdLink(KdRole.TARGET, LINK_CONFIG, scheduler,
                body -> output.transmit(body), new LinkEvents());
        this.retransmits = new RetransmitLog(LOG, "simulated target", scheduler::nanoTime, link::stats);
    }

    /** Boots a new simulated kernel of {@code config} for each target boot. */
    public static KdEndpointFactory factory(KernelConfig config) {
        return (scheduler, rebootRequest) -> new KdStub(new SimulatedKernel(config), scheduler, rebootRequest);
    }

    /** The simulated kernel (for tests and diagnostics). */
    public SimulatedKernel kernel() {
        return kernel;
    }

    @Override
    public void hostConnected(KdLink.Output output) {
        this.output = output;
        if (!connectedBefore) {
            connectedBefore = true;
            initialBreakPending = true;
            link.send(KdPacketType.DEBUG_IO, printString(CONNECT_BANNER));
            report(reports.loadKernelSymbols(kernel.breakIn()));
            return;
        }
        link.forgetPeerIds();
        if (report != null && link.isIdle()) {
            link.send(KdPacketType.STATE_CHANGE64, report.encode());
        }
    }

    @Override
    public void receive(KdBody body) {
        if (!closed) {
            link.receive(body);
        }
    }

    @Override
    public KdLinkStats stats() {
        return link.stats();
    }

    /**
     * The exception state changes (stops) this stub has reported since its boot, each counted once however often
     * the link sent it; LoadSymbols reports are not stops and not counted. Read it on the target's event loop.
     */
    public long stopsReported() {
        return stopsReported;
    }

    /**
     * True if the link has nothing outstanding or queued: the host ACKed every packet sent, so nothing will be sent
     * again. Read it on the target's event loop.
     */
    public boolean isLinkIdle() {
        return link.isIdle();
    }

    @Override
    public void close() {
        if (!closed) {
            retransmits.summary("target stub closed");
        }
        closed = true;
        cancelTick();
        link.close();
    }

    private byte[] printString(String text) {
        return DebugIo.printString(SimulatedKernel.PROCESSOR_LEVEL, kernel.currentCpu(), text).encode();
    }

    private void stopWith(StateChange64 stateChange) {
        stopsReported++;
        report(stateChange);
    }

    private void report(StateChange64 stateChange) {
        cancelTick();
        report = stateChange;
        link.send(KdPacketType.STATE_CHANGE64, stateChange.encode());
    }

    private void resume(boolean singleStep, long dr7) {
        report = null;
        if (initialBreakPending) {
            initialBreakPending = false;
            stopWith(reports.exception(kernel.breakIn()));
            return;
        }
        kernel.resume(singleStep, dr7);
        nextPrint = scheduler.nanoTime() + kernel.config().printInterval().toNanos();
        scheduleTick();
    }

    private void scheduleTick() {
        tick = scheduler.schedule(this::onTick, TICK_NANOS);
    }

    private void cancelTick() {
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
    }

    private void onTick() {
        tick = null;
        if (closed || !kernel.isRunning()) {
            return;
        }
        var stop = kernel.run();
        if (stop.isPresent()) {
            stopWith(reports.exception(stop.get()));
            return;
        }
        long interval = kernel.config().printInterval().toNanos();
        if (interval > 0 && scheduler.nanoTime() >= nextPrint) {
            nextPrint += interval;
            if (link.isIdle()) {
                link.send(KdPacketType.DEBUG_IO, printString(kernel.config().printText().replace("%d",
                        Long.toString(++prints))));
            }
        }
        scheduleTick();
    }

    private void onManipulate(KdPacket packet) {
        Decoded<ManipulateState64> decoded = ManipulateState64.decode(packet.payload());
        if (!(decoded instanceof Decoded.Ok<ManipulateState64> ok)) {
            LOG.debug("dropped a malformed manipulate request: {}", decoded);
            return;
        }
        Answer answer = handler.answer(ok.value());
        if (answer instanceof Answer.Reply reply) {
            link.send(KdPacketType.STATE_MANIPULATE, reply.reply().encode());
        } else if (answer instanceof Answer.Resume resume) {
            resume(resume.singleStep(), resume.dr7());
        } else if (answer instanceof Answer.SwitchTo switchTo) {
            kernel.switchTo(switchTo.cpu());
            Stop stop = new Stop(switchTo.cpu(), NtStatus.WAKE_SYSTEM_DEBUGGER,
                    kernel.context(switchTo.cpu()).get(X64Register.RIP));
            stopWith(reports.exception(stop));
        } else if (answer instanceof Answer.Restart restart) {
            LOG.info("restarting the simulated machine: {}", restart.why());
            close();
            rebootRequest.run();
        }
    }

    /** What the link reports, turned into kernel behaviour. */
    private final class LinkEvents implements KdLink.Listener {
        @Override
        public void onPacket(KdPacket packet) {
            if (packet.type().equals(KdPacketType.STATE_MANIPULATE) && report != null) {
                onManipulate(packet);
            }
        }

        @Override
        public void onBreakIn() {
            if (kernel.isRunning()) {
                stopWith(reports.exception(kernel.breakIn()));
            }
        }

        @Override
        public void onRetry(KdPacket packet, int attempt) {
            retransmits.retry(packet, attempt);
        }

        @Override
        public void onGaveUp(KdPacket packet) {
            retransmits.gaveUp(packet);
        }
    }
}
