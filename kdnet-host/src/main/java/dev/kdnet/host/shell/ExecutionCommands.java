package dev.kdnet.host.shell;

import dev.kdnet.host.api.Stop;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.util.List;

/**
 * Commands that move the target: {@code g}, {@code t}, {@code p} and {@code .reboot} (breakpoints are
 * {@link BreakpointCommands}). {@code g} waits for the next stop, as commands after it in a script expect; at
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

    private static void reboot(Shell shell) {
        shell.debugger().reboot();
        shell.out().println("Shutdown occurred... rebooting; waiting for the target to connect again");
        shell.out().flush();
        shell.debugger().attach(shell.goTimeout());
        shell.printStop(shell.debugger().stop());
    }
}
