package dev.kdnet.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./kdnet rules}: printing, its help, and option mistakes as one line with exit code 2. */
class RulesCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--format", "--ports", "--target", "--host", "--side", "--apply", "--remove"})
    void helpExplainsEveryOption(String option) {
        HostRun run = HostRun.of(RulesCommand.NAME, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(option).contains("Usage: ./kdnet rules").contains("default: 50000-50039");
        assertThat(run.err()).as("picocli's warnings about the help's text").isEmpty();
    }

    @Test
    void printsTheFormatForTheGivenScope() {
        HostRun run = HostRun.of(RulesCommand.NAME, "--format", "ufw", "--ports", "50001", "--target", "10.9.0.0/16");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("# Allow inbound UDP port 50001 from 10.9.0.0/16",
                "ufw allow proto udp from 10.9.0.0/16 to any port 50001 comment 'kdnet'");
    }

    @Test
    void theDefaultPortsAreTheRecommendedRange() {
        HostRun run = HostRun.of(RulesCommand.NAME, "--format", "iptables");

        assertThat(run.out()).contains("--dport 50000:50039");
    }

    @Test
    void xfrmPrintsBothEndsUnlessToldOtherwise() {
        assertThat(HostRun.of(RulesCommand.NAME, "--format", "xfrm", "--ports", "50000").out())
                .contains("On the debugging host").contains("On the target's end").doesNotContain("fwd");
        assertThat(HostRun.of(RulesCommand.NAME, "--format", "xfrm", "--ports", "50000", "--side", "router").out())
                .doesNotContain("On the debugging host").contains("dir fwd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--format pf | --format \"pf\" is not one of windows-powershell, windows-netsh, nftables, iptables,"
                + " firewalld, ufw, xfrm or strongswan",
        "--format ufw --ports 50039-50000 | ports 50039-50000 run backwards; give the lower port first",
        "--format ufw --ports 70000 | port 70000 is outside 1-65535",
        "--format ufw --target 10.0.0.0/40 | --target \"10.0.0.0/40\" has a prefix outside 0-32 (expected a.b.c.d"
                + " or a.b.c.d/n, like 192.168.1.0/24)",
        "--format ufw --host 10.0.0.0/24 | --host \"10.0.0.0/24\" is not an IPv4 address (expected a.b.c.d,"
                + " like 192.168.1.10)",
        "--format ufw --side host | --side is for the IPsec formats xfrm and strongswan, not ufw",
        "--format xfrm --side gateway | --side \"gateway\" is not host, target or router (or a list like"
                + " host,target)",
        "--format windows-netsh --apply | --apply takes nftables, iptables or xfrm, not windows-netsh; print those"
                + " rules (without --apply) and run them where they belong",
        "--format nftables --apply --remove | --apply and --remove together; give one of them"})
    void aBadOptionIsOneLineAndExitCode2(String arguments, String message) {
        String[] args = ("rules " + arguments).split(" ");
        HostRun run = HostRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("kdnet host: " + message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutAFormatItSaysWhichOptionIsMissing() {
        HostRun run = HostRun.of(RulesCommand.NAME);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("kdnet host: Missing required option:")
                .contains("--format");
    }
}
