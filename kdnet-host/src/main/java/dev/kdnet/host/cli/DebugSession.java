package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.session.SilenceDiagnosis;
import dev.kdnet.host.shell.Shell;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One debugging session of the command line: wait for a target to attach on any port (saying in one line why
 * nothing attaches while waiting), then run commands against it, and against the other targets that attach
 * ({@code .targets}, {@code .target P}), showing what every target prints and does as it happens.
 */
final class DebugSession {
    /** How long {@code g} and {@code .reboot} wait for the next stop. */
    static final Duration GO_TIMEOUT = Duration.ofSeconds(60);
    /** A wrong key or a blocked port shows in the first pokes: the first diagnosis comes sooner than the rest. */
    private static final Duration FIRST_DIAGNOSIS = Duration.ofSeconds(5);
    private static final Duration DIAGNOSIS_INTERVAL = Duration.ofSeconds(10);

    private final DebuggerHost host;
    private final PrintWriter out;
    private final PrintWriter err;

    DebugSession(DebuggerHost host, PrintWriter out, PrintWriter err) {
        this.host = host;
        this.out = out;
        this.err = err;
    }

    /** Attaches within {@code wait}, runs {@code lines}; 0 only if the target attached and every command succeeded. */
    int run(List<String> lines, Duration wait) {
        return run(debugger -> lines, wait);
    }

    /**
     * Attaches within {@code wait}, then runs the lines {@code script} makes for the attached debugger; 0 only if
     * the target attached and every command succeeded. {@code .target P} waits up to {@code wait} for the target of
     * port P.
     */
    int run(Function<Debugger, List<String>> script, Duration wait) {
        try (TargetRoster roster = TargetRoster.watch(host, wait, text -> {
            out.print(text);
            out.flush();
        })) {
            Debugger debugger = attach(roster, wait);
            if (debugger == null) {
                return HostMain.FAILURE;
            }
            List<String> lines = script.apply(debugger);
            Shell shell = new Shell(roster, out, GO_TIMEOUT);
            boolean ok = true;
            for (String line : lines) {
                if (shell.quitRequested()) {
                    break;
                }
                out.println(shell.prompt() + line.strip());
                ok &= shell.execute(line);
            }
            roster.detachAll();
            return ok ? 0 : HostMain.FAILURE;
        }
    }

    /** Waits for a target as long as it takes, then runs the interactive prompt. */
    int interactive() throws Exception {
        try (TargetRoster roster = TargetRoster.watch(host, Duration.ZERO, text -> {
            out.print(text);
            out.flush();
        })) {
            attach(roster, null);
            return new InteractivePrompt(roster).run();
        }
    }

    /**
     * Waits until a target attaches on any of the host's ports, within {@code wait} (null: forever), summarising
     * in one line why nothing attached after 5 s and then every 10 s; null if none attached.
     */
    private Debugger attach(TargetRoster roster, Duration wait) {
        err.println("Waiting for a target on UDP " + host.server().config().portsText() + "...");
        err.flush();
        long start = System.nanoTime();
        long deadline = wait == null ? Long.MAX_VALUE : start + wait.toNanos();
        long nextDiagnosis = start + FIRST_DIAGNOSIS.toNanos();
        while (true) {
            long now = System.nanoTime();
            try {
                return roster.first().get(Math.max(0, Math.min(deadline, nextDiagnosis) - now),
                        TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                diagnose();
                if (System.nanoTime() - deadline >= 0) {
                    err.println(HostMain.PREFIX + "no target attached within " + wait.toSeconds() + " s");
                    err.flush();
                    return null;
                }
                nextDiagnosis = System.nanoTime() + DIAGNOSIS_INTERVAL.toNanos();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for a target failed: " + e.getCause().getMessage(), e);
            }
        }
    }

    /** Prints one line saying why nothing attached on any port. */
    private void diagnose() {
        err.println(HostMain.PREFIX + SilenceDiagnosis.summarize(host.debuggers().stream()
                .map(Debugger::diagnosis).toList()));
        err.flush();
    }
}
