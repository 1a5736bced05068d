package dev.kdnet.host.shell;

import dev.kdnet.host.api.Breakpoint;
import dev.kdnet.host.api.Stop;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.io.PrintWriter;
import java.util.List;

/**
 * Commands that move the target: {@code g}, {@code t}, {@code p}, breakpoints ({@code bp}, {@code bl},
 * {@code bc}) and {@code .reboot}. {@code g} waits for the next stop, as commands after it in a script expect; at
 * the interactive prompt Ctrl-C breaks in.
 */
final class ExecutionCommands {
    private ExecutionCommands() {
    }

    static void register(Shell shell) {
        shell.add("g", "go: run until the next stop (Ctrl-C breaks in)", ExecutionCommands::go);
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
        shell.printStop(shell.debugger().waitForStop(shell.goTimeout()));
    }

    /** One instruction; WinDbg then shows the registers and the next instruction, or announces another stop. */
    private static void step(Shell shell, List<String> args) {
        Stop stop = shell.debugger().step();
        if (stop.exceptionCode() == NtStatus.SINGLE_STEP) {
            shell.printRegisters(stop);
        } else {
            shell.printStop(stop);
        }
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
        shell.debugger().attach(shell.goTimeout());
        shell.printStop(shell.debugger().stop());
    }
}
