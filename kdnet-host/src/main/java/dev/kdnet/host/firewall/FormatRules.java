package dev.kdnet.host.firewall;

/** The generator of one {@link RuleFormat}: a pure function from what to let through to the rules that do it. */
interface FormatRules {
    /** The rule set for {@code scope}. */
    RuleSet rules(Scope scope);
}
