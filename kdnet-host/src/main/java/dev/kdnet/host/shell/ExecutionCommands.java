package dev.kdnet.host.shell;

import dev.kdnet.host.api.Breakpoint;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Commands that move the target: {@code g}, {@code t}, {@code p}, breakpoints ({@code bp}, {@code bl},
 * {@code bc}), {@code .breakin} and {@code .reboot}. {@code g} waits for the next stop, as commands after it in a
 * script expect: at the prompt until Ctrl-C breaks in, in a script as long as {@code --wait-stop} says (then the
 * script goes on and {@code .breakin} stops the target).
 */
final class ExecutionCommands {
    private ExecutionCommands() {
    }

    static void register(Shell shell) {
        shell.add("g", "go: run until the next stop (Ctrl-C breaks in)", ExecutionCommands::go);
        shell.add(".breakin", "break in: stop the running target (for scripts; Ctrl-C at the prompt)",
                (s, args) -> ExecutionCommands.breakIn(s));
        shell.add("t", "trace: execute one instruction", ExecutionCommands::step);
        shell.add("p", "step: execute one instruction (the simulated code has no calls to step over)",
                ExecutionCommands::step);
        shell.add("bp", "set a breakpoint: bp ADDR", ExecutionCommands::bp);
        shell.add("bl", "list breakpoints", ExecutionCommands::bl);
        shell.add("bc", "clear breakpoints: bc N or bc *", ExecutionCommands::bc);
        shell.add(".reboot", "reboot the target; the debugger attaches again by itself",
                (s, args) -> ExecutionCommands.reboot(s));
    }

    private static void go(Shell shell, List<String> args) {
        shell.debugger().go();
        shell.awaitStop().ifPresentOrElse(shell::printStop, () -> shell.out().println("The target is running: no"
                + " stop within " + seconds(shell.stopWait().orElseThrow()) + " (.breakin stops it)"));
    }

    /** {@code duration} in seconds, as short as exact: {@code 30 s}, {@code 0.5 s}. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static void breakIn(Shell shell) {
        if (shell.debugger().isStopped()) {
            shell.out().println("The target is already stopped");
            return;
        }
        shell.printStop(shell.debugger().breakIn());
    }

    private static void step(Shell shell, List<String> args) {
        shell.printStop(shell.debugger().step());
    }

    private static void bp(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            throw new ShellException("bp needs an address");
        }
        long address = shell.expression().evaluate(String.join(" ", args));
        shell.debugger().setBreakpoint(address);
    }

    private static void bl(Shell shell, List<String> args) {
        PrintWriter out = shell.out();
        List<Breakpoint> breakpoints = shell.debugger().breakpoints();
        for (int i = 0; i < breakpoints.size(); i++) {
            Breakpoint b = breakpoints.get(i);
            out.printf("%2d %s %s%n", i, b.armed() ? "e" : "d", Hex.address(b.address()));
        }
    }

    private static void bc(Shell shell, List<String> args) {
        List<Breakpoint> breakpoints = shell.debugger().breakpoints();
        if (args.isEmpty()) {
            throw new ShellException("bc needs a breakpoint number or *");
        }
        for (String arg : args) {
            if (arg.equals("*")) {
                breakpoints.forEach(b -> shell.debugger().clearBreakpoint(b.address()));
                continue;
            }
            int index = Integer.parseInt(arg);
            if (index < 0 || index >= breakpoints.size()) {
                throw new ShellException("no breakpoint " + arg + " (bl lists them)");
            }
            shell.debugger().clearBreakpoint(breakpoints.get(index).address());
        }
    }

    private static void reboot(Shell shell) {
        shell.debugger().reboot();
        shell.out().println("Shutdown occurred... rebooting; waiting for the target to connect again");
        shell.out().flush();
        shell.debugger().attach(shell.reattachTimeout());
        shell.printStop(shell.debugger().stop());
    }
}
