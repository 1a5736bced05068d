package dev.kdnet.host.firewall;

/** The entry point for other parts of the host: the rules of a format as text. */
public final class Rules {
    private Rules() {
    }

    /** The printed rule set of {@code format} for {@code scope}, every rule with its comment line. */
    public static String forPorts(RuleFormat format, Scope scope) {
        return format.rules(scope).text();
    }
}
