package dev.kdnet.host.api;

import dev.kdnet.protocol.netty.EventLoopScheduler;
import io.netty.channel.EventLoop;
import java.util.concurrent.ExecutionException;

/**
 * A blocking {@link Debugger} whose engine runs on {@code loop} against a {@link ScriptedTarget} (a Windows 8.1
 * kernel whose memory holds no debugger data block) joined in memory: no socket, no session. For tests of the
 * layers above the API.
 */
public final class ScriptedTargetDebugger {
    private ScriptedTargetDebugger() {
    }

    /** The debugger, its target already handshaken (it stops on the engine's break-in). */
    public static Debugger start(EventLoop loop, DebuggerSettings settings)
            throws InterruptedException, ExecutionException {
        EngineHarness harness = new EngineHarness(settings, new EventLoopScheduler(loop));
        loop.submit(harness::handshake).get();
        AsyncDebugger async = new AsyncDebugger(harness.engine, loop, harness.hub, harness.breakpoints,
                settings.maxModules());
        return new Debugger(async, loop, EngineHarness.PORT, () -> {
            throw new UnsupportedOperationException("no session behind a scripted target");
        }, () -> {
            throw new UnsupportedOperationException("no session behind a scripted target");
        });
    }
}
