package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A breakpoint at the stopped CPU's PC is not written at once (the target would stop on it before executing
 * anything); one elsewhere is. Against a {@link ScriptedTarget} on the virtual clock.
 */
class BreakpointAtThePcTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final EngineHarness harness = new EngineHarness(DebuggerSettings.defaults(), clock);
    private final AsyncDebugger debugger = new AsyncDebugger(harness.engine, Runnable::run, harness.hub,
            harness.breakpoints, 8);

    @Test
    void aBreakpointAtThePcIsRememberedDisarmedWithoutWritingIt() {
        harness.handshake();
        runUntilDone(debugger.attach(Duration.ofSeconds(10)));
        long pc = harness.engine.currentStop().orElseThrow().pc();
        harness.target.requests.clear();

        CompletableFuture<Breakpoint> atPc = runUntilDone(debugger.setBreakpoint(pc));

        assertThat(atPc.join()).isEqualTo(new Breakpoint(0, pc, 0, false, true));
        assertThat(debugger.breakpoints()).containsExactly(new Breakpoint(0, pc, 0, false, true));
        assertThat(harness.target.requests).doesNotContain(ManipulateApi.WRITE_BREAKPOINT);

        runUntilDone(debugger.setBreakpoint(pc + 0x20));

        assertThat(harness.target.requests).as("one away from the PC is written at once")
                .containsExactly(ManipulateApi.WRITE_BREAKPOINT);
    }

    /** Lets time pass in steps of 10 ms until {@code future} is done, at most a minute; returns it. */
    private <T> CompletableFuture<T> runUntilDone(CompletableFuture<T> future) {
        for (int waited = 0; waited < 60_000 && !future.isDone(); waited += 10) {
            clock.advance(Duration.ofMillis(10));
        }
        return future;
    }
}
