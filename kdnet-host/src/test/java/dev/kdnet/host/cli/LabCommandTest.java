package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./kdnet lab}'s options: every mistake is one line and exit 2, before anything is built. */
class LabCommandTest {
    private static void assertOneLineUsageError(HostRun run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(HostMain.USAGE);
        assertThat(run.err()).isEqualTo(HostMain.PREFIX + line + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFirewallOrRuleSetTheLabDoesNotBuildIsOneLine() {
        assertOneLineUsageError(HostRun.of("lab", "--firewall", "host:accept"), "--firewall host:accept is not a"
                + " firewall the lab builds; expected host:drop, host:reject, router:drop or router:reject,"
                + " optionally followed by :nftables (the default) or :iptables");
        assertOneLineUsageError(HostRun.of("lab", "--apply-rules", "ufw"), "--apply-rules ufw is not a rule set the"
                + " lab applies; expected nftables, iptables, xfrm (both ends), xfrm:host or xfrm:target");
    }

    @Test
    void anIpsecConditionOtherThanRequireEspIsOneLine() {
        assertOneLineUsageError(HostRun.of("lab", "--ipsec", "require-ah"), "--ipsec require-ah is not an IPsec"
                + " condition the lab builds; expected require-esp or require-esp-out");
    }

    @Test
    void natWithoutARouterAndABadDurationAreOneLine() {
        assertOneLineUsageError(HostRun.of("lab", "--nat"), "--nat needs a router to masquerade on; add --routers 1"
                + " or more");
        assertOneLineUsageError(HostRun.of("lab", "--for", "soon"), "--for soon is not a duration; expected e.g."
                + " 30s, 500ms or 2m");
    }

    @Test
    void theHelpSaysHowUsersStartItAndExplainsEveryOption() {
        HostRun run = HostRun.of("lab", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("./kdnet lab [", "--routers=N", "--nat", "--firewall", "--ipsec",
                "--apply-rules", "--for", "--wrong-key", "--link-local", "(default: 20s)",
                "  ./kdnet lab --firewall host:drop --apply-rules nftables");
    }
}
