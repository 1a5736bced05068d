package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Breakpoint;
import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.Stop;
import dev.kdnet.host.relay.RelayStats;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.KernelSymbols;
import dev.kdnet.sim.stub.KdStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Break-in, breakpoints and single steps through the lossy relay ({@link RelayedTarget#LOSSY}): a scripted run of
 * more than a hundred stops of a two-CPU kernel that prints while it runs. Every operation must bring exactly one
 * stop, of the right kind, on the CPU and at the address the instruction stream predicts, published in the order
 * the operations were issued; the target must have reported exactly the stops the script caused; and the relay
 * must really have lost datagrams that the links sent again.
 */
class ImpairedControlIT {
    private static final int ROUNDS = 20;
    private static final int STEPS = 3;
    /** Instructions from a CPU to the first breakpoint of a round (about 60 ms of running), grown each round. */
    private static final int AHEAD = 400;
    private static final int AHEAD_GROWTH = 37;
    /** Instructions from the first breakpoint of a round to the second. */
    private static final int APART = 600;
    private static final KernelConfig KERNEL = KernelConfig.defaults().withCpus(2)
            .withPrints(Duration.ofMillis(20), "impaired tick %d\n");
    private static final Duration ATTACH = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(10);
    private static final Duration PRINT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(500);

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    @Timeout(120)
    void everyBreakInBreakpointAndStepReportsOneStopInOrderThroughALossyRelay() throws Exception {
        long start = System.nanoTime();
        int port = LoopbackTarget.freePort();
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                DebuggerAttachIT.loopbackHost(DebuggerAttachIT.KEY, List.of(port)), DebuggerSettings.defaults()));
        Debugger debugger = host.debugger(port);
        Script script;
        List<DebuggerEvent> events;
        int published;
        RelayedTarget relayed;
        try (EventLog log = new EventLog(debugger)) {
            // the log listens before the target exists: its first stop may be published before attach() returns
            relayed = RelayedTarget.start(closer, port, RelayedTarget.LOSSY, KERNEL);
            debugger.attach(ATTACH);
            Stop attached = debugger.stop();
            KernelSymbols symbols = relayed.target().kernel().symbols();
            int codeLength = (int) (symbols.codeEnd() - symbols.codeStart());
            MemoryRead code = debugger.readVirtual(symbols.codeStart(), codeLength);
            assertThat(code.complete()).as("the code region read whole").isTrue();
            InstructionStream stream = new InstructionStream(symbols.codeStart(), code.bytes());
            script = new Script(debugger, stream, log, symbols.breakpointWithStatus());
            script.run(attached);
            events = log.settle(QUIET);
            List<Stop> expected = new ArrayList<>(List.of(attached));
            expected.addAll(script.returned);
            assertThat(log.stops()).as("the stops published: the attach, then those the operations returned")
                    .containsExactlyElementsOf(expected);
            published = log.stops().size();
        }
        assertThat(events).as("no reboot or re-attach under loss").noneMatch(e -> e instanceof DebuggerEvent.Rebooted
                || e instanceof DebuggerEvent.Reattached);
        assertThat(script.returned).hasSize(ROUNDS * (5 + STEPS));
        long targetStops = relayed.target().onStub(KdStub::stopsReported);
        assertThat(targetStops).as("stops the target reported: the attach, one per operation, one per quiet step")
                .isEqualTo(1 + script.returned.size() + script.quietSteps);

        KdLinkStats hostLink = debugger.stats().link().orElseThrow();
        KdLinkStats targetLink = relayed.target().onStub(KdStub::stats);
        RelayStats relay = relayed.relay().stats();
        System.out.printf("impaired control (seed %d): %d operations after the attach, %d stops published and %d"
                + " reported by the target (the attach's included; %d quiet steps); retransmits host %d, target %d;"
                + " duplicates dropped host %d, target %d; relay dropped %d to the host, %d to the target; %.1f s%n",
                RelayedTarget.SEED, script.returned.size(), published, targetStops,
                script.quietSteps, hostLink.retransmits(), targetLink.retransmits(), hostLink.duplicates(),
                targetLink.duplicates(), relay.fromA().dropped(), relay.toA().dropped(),
                (System.nanoTime() - start) / 1e9);
        assertThat(relay.fromA().dropped()).isPositive();
        assertThat(relay.toA().dropped()).isPositive();
        assertThat(hostLink.retransmits()).isPositive();
        assertThat(targetLink.retransmits()).isPositive();
        assertThat(hostLink.duplicates() + targetLink.duplicates())
                .as("packets sent again after a lost ACK were dropped as duplicates").isPositive();
    }

    /** The scripted operations, each checked against the instruction stream as soon as it returns. */
    private static final class Script {
        private final Debugger debugger;
        private final InstructionStream stream;
        private final EventLog log;
        private final long breakpointWithStatus;
        private final List<Stop> returned = new ArrayList<>();
        private int quietSteps;

        Script(Debugger debugger, InstructionStream stream, EventLog log, long breakpointWithStatus) {
            this.debugger = debugger;
            this.stream = stream;
            this.log = log;
            this.breakpointWithStatus = breakpointWithStatus;
        }

        /**
         * From the break-in stop {@code first}, each round: step out of DbgBreakPointWithStatus, set two
         * breakpoints ahead, run to a hit, step off it, run to the next hit, run on from that breakpoint to the
         * next, clear them, run while the kernel prints and break in.
         */
        void run(Stop first) throws InterruptedException {
            Stop at = first;
            for (int round = 0; round < ROUNDS; round++) {
                at = stepOutOfBreakIn(at);
                long[] rips = rips(at);
                long firstBreakpoint = stream.ahead(rips[round % rips.length], AHEAD + AHEAD_GROWTH * round);
                debugger.setBreakpoint(firstBreakpoint);
                debugger.setBreakpoint(stream.ahead(firstBreakpoint, APART));
                at = runToBreakpoint(at);
                for (int i = 0; i < STEPS; i++) {
                    at = step(at);
                }
                at = runToBreakpoint(at);
                at = runToBreakpoint(at);
                at = breakInWhilePrinting(at);
            }
        }

        private Stop stepOutOfBreakIn(Stop from) {
            Stop stop = record(debugger.step());
            assertThat(stop.exceptionCode()).as("%s after %s", stop, from).isEqualTo(NtStatus.SINGLE_STEP);
            assertThat(stop.cpu()).as("%s after %s", stop, from).isEqualTo(from.cpu());
            assertThat(stream.isInstruction(stop.pc())).as("%s is back in the instruction stream", stop).isTrue();
            return stop;
        }

        private Stop step(Stop from) {
            Stop stop = record(debugger.step());
            assertThat(stop.exceptionCode()).as("%s after %s", stop, from).isEqualTo(NtStatus.SINGLE_STEP);
            assertThat(stop.cpu()).as("%s after %s", stop, from).isEqualTo(from.cpu());
            assertThat(stop.pc()).as("%s after %s", stop, from).isEqualTo(stream.next(from.pc()));
            debugger.breakpoints().stream().filter(b -> b.address() == from.pc()).forEach(b ->
                    assertThat(b.armed()).as("the breakpoint stepped off is written again").isTrue());
            return stop;
        }

        /** Lets the CPUs run from {@code from} and checks they stop at the breakpoint the stream says. */
        private Stop runToBreakpoint(Stop from) {
            long[] rips = rips(from);
            boolean offBreakpoint = debugger.breakpoints().stream()
                    .anyMatch(b -> b.address() == from.pc() && !b.armed());
            if (offBreakpoint) {
                rips[from.cpu()] = stream.next(from.pc());
                quietSteps++;
            }
            InstructionStream.Hit hit = stream.firstHit(rips,
                    debugger.breakpoints().stream().map(Breakpoint::address).toList()).orElseThrow();
            debugger.go();
            Stop stop = record(debugger.waitForStop(STOP));
            assertThat(stop.exceptionCode()).as("%s after %s", stop, from).isEqualTo(NtStatus.BREAKPOINT);
            assertThat(stop.pc()).as("%s after %s", stop, from).isEqualTo(hit.address());
            assertThat(stop.cpu()).as("%s after %s", stop, from).isEqualTo(hit.cpu());
            return stop;
        }

        private Stop breakInWhilePrinting(Stop from) throws InterruptedException {
            debugger.breakpoints().forEach(b -> debugger.clearBreakpoint(b.address()));
            log.drain();
            debugger.go();
            assertThat(log.awaitNext(DebuggerEvent.Printed.class, PRINT)).as("a DbgPrint while running").isPresent();
            Stop stop = record(debugger.breakIn());
            assertThat(stop.exceptionCode()).as("%s after %s", stop, from).isEqualTo(NtStatus.BREAKPOINT);
            assertThat(stop.pc()).as("%s after %s", stop, from).isEqualTo(breakpointWithStatus);
            assertThat(stop.cpu()).as("the CPU that stopped last reports the break-in").isEqualTo(from.cpu());
            return stop;
        }

        /** Every CPU's RIP; the stopped CPU's must be the stop's PC. */
        private long[] rips(Stop stop) {
            long[] rips = new long[stop.cpuCount()];
            for (int cpu = 0; cpu < rips.length; cpu++) {
                rips[cpu] = debugger.context(cpu).get(X64Register.RIP);
            }
            assertThat(rips[stop.cpu()]).as("RIP of the CPU of %s", stop).isEqualTo(stop.pc());
            return rips;
        }

        private Stop record(Stop stop) {
            returned.add(stop);
            return stop;
        }
    }
}
