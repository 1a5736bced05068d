package dev.kdnet.host.shell;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.TargetStatus;
import java.util.List;

/** The targets a {@link Shell} can debug, one per UDP port, and which one its commands go to. */
public interface Targets {
    /** The debugger of the current target: every command but {@code .targets} and {@code .target} goes to it. */
    Debugger current();

    /** Every port's target now, in port order. */
    List<TargetStatus> list();

    /** What the prompt starts with to name the current target: {@code [P] } with several ports, else nothing. */
    String label();

    /**
     * Makes the target of {@code port} the current one.
     *
     * @throws ShellException if the host does not listen on {@code port} or no target attached there
     */
    void select(int port);

    /** Just {@code debugger}'s target. */
    static Targets of(Debugger debugger) {
        return new Targets() {
            @Override
            public Debugger current() {
                return debugger;
            }

            @Override
            public List<TargetStatus> list() {
                return List.of(debugger.status());
            }

            @Override
            public String label() {
                return "";
            }

            @Override
            public void select(int port) {
                if (port != debugger.port()) {
                    throw new ShellException("not listening on UDP " + port + "; the one target is on UDP "
                            + debugger.port());
                }
            }
        };
    }
}
