package dev.kdnet.it.host;

import dev.kdnet.host.cli.HostMain;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * {@code ./kdnet host} run in-process on a thread of its own, its stdout and stderr captured as they are written.
 * After every write to stdout it runs a hook on the host's thread: there the test can look at the target while the
 * host still has it stopped (at the end of a script the host lets the target run again).
 */
final class InProcessHost {
    private final CapturedText out;
    private final CapturedText err = new CapturedText(() -> { });
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    private InProcessHost(Runnable afterOutput) {
        out = new CapturedText(afterOutput);
    }

    /** Starts the command line with {@code args}; {@code afterOutput} runs after every write to stdout. */
    static InProcessHost start(Runnable afterOutput, String... args) {
        InProcessHost host = new InProcessHost(afterOutput);
        CommandLine commandLine = HostMain.commandLine();
        commandLine.setOut(new PrintWriter(host.out, true));
        commandLine.setErr(new PrintWriter(host.err, true));
        Thread thread = new Thread(() -> {
            try {
                host.exitCode.complete(commandLine.execute(args));
            } catch (RuntimeException | Error e) {
                host.exitCode.completeExceptionally(e);
            }
        }, "kdnet-host-cli");
        thread.setDaemon(true);
        thread.start();
        return host;
    }

    /** Waits at most {@code limit} for the command line to end; its exit code. */
    int exitCode(Duration limit) throws Exception {
        return exitCode.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stdout so far. */
    String out() {
        return out.toString();
    }

    /** Stderr so far. */
    String err() {
        return err.toString();
    }

    /** Both streams, to show when an assertion fails. */
    String transcript() {
        return "stdout:\n" + out() + "\nstderr:\n" + err();
    }
}
