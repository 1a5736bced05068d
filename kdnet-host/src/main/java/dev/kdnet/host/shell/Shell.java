package dev.kdnet.host.shell;

import dev.kdnet.host.api.CancelledException;
import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerException;
import dev.kdnet.host.api.NoAnswerException;
import dev.kdnet.host.api.Stop;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs debugger commands against the current one of its {@link Targets}, writing what they show to {@code out}. A command that fails
 * prints one line starting with {@code error:} and reports failure, so scripts can stop or exit non-zero. Comments
 * are skipped: a line starting with {@code *} or {@code #} (all of it, as WinDbg's {@code *}), a command starting
 * with {@code $$} (up to the next {@code ;}, as WinDbg's {@code $$}), and blank lines. An interrupt of the thread
 * running a command (Ctrl-C at the prompt) cancels what it waits for; {@code g} then breaks in.
 */
public final class Shell {
    /** Code bytes the instruction line shows. */
    private static final int INSTRUCTION_BYTES = 8;

    /** One command: runs with its arguments (the words after its name). */
    @FunctionalInterface
    interface Command {
        void run(Shell shell, List<String> args);
    }

    /** How long {@code .reboot} and a dump across a reboot wait for the target to attach again. */
    private static final Duration REATTACH_TIMEOUT = Duration.ofSeconds(60);

    private final Targets targets;
    private final PrintWriter out;
    private final Map<String, Command> commands = new TreeMap<>();
    private final Map<String, String> help = new TreeMap<>();
    private final Optional<Duration> stopWait;
    private final StatusLine status;
    private boolean quit;

    /**
     * A shell for {@code debugger} printing to {@code out} whose {@code g} waits at most {@code stopWait} for the
     * next stop (then says the target runs on, and the script goes on: {@code .breakin} stops it).
     */
    public Shell(Debugger debugger, PrintWriter out, Duration stopWait) {
        this(Targets.of(debugger), out, Optional.of(stopWait), StatusLine.NONE);
    }

    /**
     * A shell for {@code debugger} printing to {@code out} whose {@code g} waits at most {@code stopWait} for the
     * next stop, or however long it takes if empty.
     */
    public Shell(Debugger debugger, PrintWriter out, Optional<Duration> stopWait) {
        this(Targets.of(debugger), out, stopWait, StatusLine.NONE);
    }

    /**
     * A shell for the current one of {@code targets}, which {@code .target} switches, printing to {@code out}, whose
     * {@code g} waits at most {@code stopWait} for the next stop.
     */
    public Shell(Targets targets, PrintWriter out, Duration stopWait) {
        this(targets, out, Optional.of(stopWait), StatusLine.NONE);
    }

    /**
     * A shell for the current one of {@code targets}, which {@code .target} switches, printing to {@code out}, whose
     * {@code g} waits at most {@code stopWait} (empty: however long) and whose transfers show their progress on
     * {@code status}.
     */
    public Shell(Targets targets, PrintWriter out, Optional<Duration> stopWait, StatusLine status) {
        this.targets = targets;
        this.out = out;
        this.stopWait = stopWait;
        this.status = status;
        InspectionCommands.register(this);
        MemoryCommands.register(this);
        ExecutionCommands.register(this);
        BreakpointCommands.register(this);
        StringCommands.register(this);
        SearchCommands.register(this);
        GeneralCommands.register(this);
        SystemCommands.register(this);
        PageTableCommands.register(this);
        TargetCommands.register(this);
        add("q", "quit: detach and leave", (shell, args) -> shell.quit());
    }

    /** Lists the commands, one line each. */
    void printHelp() {
        help.forEach((name, text) -> out.printf("  %-10s %s%n", name, text));
    }

    void add(String name, String description, Command command) {
        commands.put(name, command);
        help.put(name, description);
    }

    /** The command names, for completion. */
    public List<String> commandNames() {
        return List.copyOf(commands.keySet());
    }

    /** True once {@code q} ran. */
    public boolean quitRequested() {
        return quit;
    }

    /**
     * The prompt, WinDbg's {@code N: kd> } (N the stopped CPU; just {@code kd> } while the target runs), after the
     * current target's label when the host has several.
     */
    public String prompt() {
        return targets.label() + debugger().async().stop().join().map(stop -> stop.cpu() + ": ").orElse("") + "kd> ";
    }

    /**
     * Runs the commands of {@code line}, separated by {@code ;}; false if any failed (the rest still run). Comments
     * and blank lines do nothing.
     */
    public boolean execute(String line) {
        if (ScriptComments.isCommentLine(line)) {
            return true;
        }
        boolean ok = true;
        for (String part : line.split(";")) {
            String command = part.strip();
            if (!command.isEmpty() && !ScriptComments.isCommentCommand(command) && !quit) {
                ok &= executeOne(command);
            }
        }
        out.flush();
        return ok;
    }

    private boolean executeOne(String command) {
        List<String> words = Arrays.asList(command.split("\\s+"));
        String name = words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        if ((name.startsWith("~") || name.startsWith("?")) && name.length() > 1) {
            args = concat(words.get(0).substring(1), args);
            name = name.substring(0, 1);
        }
        Command found = commands.get(name);
        try {
            if (found == null) {
                throw new ShellException("unknown command \"" + words.get(0) + "\" (? lists the commands)");
            }
            found.run(this, args);
            return true;
        } catch (CancelledException e) {
            out.println("error: " + words.get(0) + " cancelled (Ctrl-C); the target is still attached");
            return false;
        } catch (ShellException | DebuggerException | IllegalArgumentException | IllegalStateException e) {
            out.println("error: " + e.getMessage());
            return false;
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    Debugger debugger() {
        return targets.current();
    }

    Targets targets() {
        return targets;
    }

    PrintWriter out() {
        return out;
    }

    /** Evaluates address expressions against the current CPU's registers and the kernel base. */
    Expression expression() {
        int cpu = currentCpu();
        Debugger debugger = debugger();
        return new Expression(debugger.version().kernelBase(), r -> debugger.context(cpu).get(r));
    }

    /** Where transfers show their progress. */
    StatusLine statusLine() {
        return status;
    }

    /** How long {@code .reboot} and a dump across a reboot wait for the target to attach again. */
    Duration reattachTimeout() {
        return REATTACH_TIMEOUT;
    }

    /**
     * The next stop after the target was let run: however long it takes, or at most this shell's stop wait (empty
     * if none came by then). An interrupt of this thread (Ctrl-C) breaks in and returns that stop.
     */
    Optional<Stop> awaitStop() {
        Debugger debugger = debugger();
        try {
            return Optional.of(stopWait.isPresent() ? debugger.waitForStop(stopWait.get()) : debugger.waitForStop());
        } catch (NoAnswerException e) {
            return Optional.empty();
        } catch (CancelledException e) {
            return Optional.of(debugger.breakIn());
        }
    }

    /** How long {@code g} waits for a stop, if not forever. */
    Optional<Duration> stopWait() {
        return stopWait;
    }

    int currentCpu() {
        return debugger().stop().cpu();
    }

    /** Prints a stop the way WinDbg announces it. */
    void printStop(Stop stop) {
        out.println(StopText.describe(stop, debugger().breakpoints()));
        printInstruction(stop);
    }

    /**
     * Prints the registers of the stop's CPU and the instruction line at its PC, as WinDbg does after {@code t},
     * {@code p}, {@code ~Ns} and {@code r}; the PC a register edit moved away from the stop shows memory there.
     */
    void printRegisters(Stop stop) {
        Debugger debugger = debugger();
        X64Context context = debugger.context(stop.cpu());
        RegisterText.lines(context).forEach(out::println);
        long rip = context.get(X64Register.RIP);
        if (rip == stop.pc()) {
            printInstruction(stop);
        } else {
            byte[] code = debugger.readVirtual(rip, INSTRUCTION_BYTES).bytes();
            out.println(Hex.address(rip) + " " + (code.length == 0 ? "??" : HexBytes.spaced(code, 0, code.length)));
        }
    }

    /** The instruction line: the PC and the first code bytes there (no disassembler yet). */
    private void printInstruction(Stop stop) {
        byte[] code = stop.code();
        out.println(Hex.address(stop.pc()) + " " + HexBytes.spaced(code, 0, Math.min(INSTRUCTION_BYTES,
                code.length)));
    }

    /** Asks the session to end after this command (as {@code q}). */
    void quit() {
        quit = true;
    }

    /** {@code X64Register} named {@code name}, or a one-line error. */
    static X64Register register(String name) {
        return X64Register.byName(name.startsWith("@") ? name.substring(1) : name)
                .orElseThrow(() -> new ShellException("no register \"" + name + "\""));
    }
}
