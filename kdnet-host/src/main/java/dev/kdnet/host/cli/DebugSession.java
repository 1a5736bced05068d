package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.NotAttachedException;
import dev.kdnet.host.shell.Shell;
import dev.kdnet.host.shell.StatusLine;
import dev.kdnet.host.shell.StopText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One debugging session of the command line: wait for a target to attach (saying why nothing attaches while
 * waiting), then run commands against it, showing its DbgPrint output as it arrives.
 */
final class DebugSession {
    /** A wrong key or a blocked port shows in the first pokes: the first diagnosis comes sooner than the rest. */
    private static final Duration FIRST_DIAGNOSIS = Duration.ofSeconds(5);
    private static final Duration DIAGNOSIS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);
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
     * each stop; 0 only if the target attached and every command succeeded.
     */
    int run(Function<Debugger, List<String>> script, Duration wait, Optional<Duration> stopWait) {
        Debugger debugger = attach(wait);
        if (debugger == null) {
            return HostMain.FAILURE;
        }
        List<String> lines = script.apply(debugger);
        Shell shell = new Shell(debugger, out, stopWait, statusLine());
        Consumer<DebuggerEvent> printer = printer(text -> {
            out.print(text);
            out.flush();
        });
        debugger.addListener(printer);
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
        debugger.removeListener(printer);
        debugger.detach();
        return ok ? 0 : HostMain.FAILURE;
    }

    /** Waits for a target as long as it takes, then runs the interactive prompt. */
    int interactive() throws Exception {
        Debugger debugger = attach(null);
        return new InteractivePrompt(debugger, log).run();
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
     * Waits until a target attaches on one of the host's ports, within {@code wait} (null: forever), printing the
     * diagnosis after 5 s and then every 10 s; null if none attached.
     */
    Debugger attach(Duration wait) {
        List<Integer> ports = host.server().config().ports();
        err.println("Waiting for a target on UDP " + (ports.size() == 1 ? ports.get(0)
                : ports.get(0) + "-" + ports.get(ports.size() - 1)) + "...");
        err.flush();
        long start = System.nanoTime();
        long nextDiagnosis = start + FIRST_DIAGNOSIS.toNanos();
        while (wait == null || System.nanoTime() - start < wait.toNanos()) {
            for (Debugger debugger : host.debuggers()) {
                try {
                    KernelVersion version = debugger.attach(POLL);
                    out.printf("Connected to %s %d x64 target on UDP %d%n", version.product(), version.buildNumber(),
                            debugger.port());
                    out.println(StopText.describe(debugger.stop()));
                    out.flush();
                    return debugger;
                } catch (NotAttachedException e) {
                    if (System.nanoTime() >= nextDiagnosis) {
                        nextDiagnosis = System.nanoTime() + DIAGNOSIS_INTERVAL.toNanos();
                        debugger.diagnosis().lines().forEach(line -> err.println(HostMain.PREFIX + line));
                        err.flush();
                    }
                }
            }
        }
        host.debuggers().forEach(d -> d.diagnosis().lines().forEach(line -> err.println(HostMain.PREFIX + line)));
        err.println(HostMain.PREFIX + "no target attached within " + wait.toSeconds() + " s");
        err.flush();
        return null;
    }

    /** A listener that hands DbgPrint text and reboots to {@code sink}. */
    static Consumer<DebuggerEvent> printer(Consumer<String> sink) {
        return event -> {
            if (event instanceof DebuggerEvent.Printed printed) {
                sink.accept(printed.text());
            } else if (event instanceof DebuggerEvent.Rebooted rebooted) {
                sink.accept("Target " + rebooted.target() + " rebooted; attaching again\n");
            }
        };
    }
}
