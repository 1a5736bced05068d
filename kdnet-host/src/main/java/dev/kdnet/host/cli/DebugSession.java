package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.firewall.FirewallReport;
import dev.kdnet.host.firewall.ToolOutput;
import dev.kdnet.host.session.SilenceDiagnosis;
import dev.kdnet.host.shell.Shell;
import dev.kdnet.host.shell.StatusLine;
import dev.kdnet.protocol.args.PortRange;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    /** A wrong key or a blocked port shows in the first pokes: the first diagnosis comes sooner than the rest. */
    private static final Duration FIRST_DIAGNOSIS = Duration.ofSeconds(5);
    private static final Duration DIAGNOSIS_INTERVAL = Duration.ofSeconds(10);
    /** The progress bar's width with -c and --script, which have no line editor to ask the terminal's. */
    private static final int SCRIPT_WIDTH = 80;

    private final DebuggerHost host;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HostLog log;

    DebugSession(DebuggerHost host, PrintWriter out, PrintWriter err, HostLog log) {
        this.host = host;
        this.out = out;
        this.err = err;
        this.log = log;
    }

    /**
     * Attaches within {@code wait}, runs {@code lines}, {@code g} waiting at most {@code stopWait} (empty: however
     * long) for each stop; 0 only if the target attached and every command succeeded.
     */
    int run(List<String> lines, Duration wait, Optional<Duration> stopWait) {
        return run(debugger -> lines, wait, stopWait);
    }

    /**
     * Attaches within {@code wait}, then runs the lines {@code script} makes for the attached debugger, each echoed
     * after the prompt (blank lines skipped), {@code g} waiting at most {@code stopWait} (empty: however long) for
     * each stop; 0 only if the target attached and every command succeeded. {@code .target P} waits up to
     * {@code wait} for the target of port P.
     */
    int run(Function<Debugger, List<String>> script, Duration wait, Optional<Duration> stopWait) {
        try (TargetRoster roster = TargetRoster.watch(host, wait, text -> {
            out.print(text);
            out.flush();
        })) {
            Debugger debugger = attach(roster, wait);
            if (debugger == null) {
                return HostMain.FAILURE;
            }
            List<String> lines = script.apply(debugger);
            Shell shell = new Shell(roster, out, stopWait, statusLine());
            boolean ok = true;
            for (String line : lines) {
                if (shell.quitRequested()) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
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
            return new InteractivePrompt(roster, log).run();
        }
    }

    /**
     * On a terminal, a transfer's progress on stderr with log lines above it; else none. The session runs {@code g}
     * and transfers in this thread, so nothing else prints on stdout while a progress bar is shown.
     */
    private StatusLine statusLine() {
        if (System.console() == null) {
            return StatusLine.NONE;
        }
        ConsoleLines lines = new ConsoleLines(err, Optional.empty(), () -> SCRIPT_WIDTH);
        log.showOn(lines::above);
        return lines;
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
        List<SilenceDiagnosis> diagnoses = host.debuggers().stream().map(Debugger::diagnosis).toList();
        int first = diagnoses.stream().mapToInt(SilenceDiagnosis::port).min().orElseThrow();
        int last = diagnoses.stream().mapToInt(SilenceDiagnosis::port).max().orElseThrow();
        FirewallReport firewall = FirewallReport.inspect(new PortRange(first, last), ToolOutput::run);
        err.println(HostMain.PREFIX + SilenceDiagnosis.summarize(diagnoses.stream()
                .map(d -> d.withFirewall(firewall)).toList()));
        err.flush();
    }
}
