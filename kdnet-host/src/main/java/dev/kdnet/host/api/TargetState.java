package dev.kdnet.host.api;

/** What the target of one port is doing, as {@code .targets} shows it. */
public enum TargetState {
    /** No target has handshaken on the port yet. */
    WAITING("waiting"),
    /** A target handshook; the debugger has not seen its first stop yet. */
    ATTACHING("attaching"),
    /** Attached and stopped: commands run. */
    STOPPED("stopped"),
    /** Attached and running. */
    RUNNING("running"),
    /** The target handshook anew (it rebooted); the debugger is attaching again. */
    REBOOTING("rebooting"),
    /** The target has been silent longer than {@link TargetStatus#GONE_AFTER}: switched off or unreachable. */
    GONE("gone");

    private final String text;

    TargetState(String text) {
        this.text = text;
    }

    /** The word {@code .targets} prints. */
    public String text() {
        return text;
    }
}
