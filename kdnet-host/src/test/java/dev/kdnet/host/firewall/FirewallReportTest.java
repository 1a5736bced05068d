package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.args.PortRange;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The three tools read together for a port range, with the recorded samples standing in for the tools. */
class FirewallReportTest {
    private static Function<List<String>, ToolOutput> tools(Map<String, String> outputs) {
        return command -> outputs.containsKey(command.get(0))
                ? new ToolOutput(outputs.get(command.get(0)), "")
                : new ToolOutput("", command.get(0) + " not installed: not checked");
    }

    @Test
    void aMissingToolIsSaidNotCheckedAndTheOthersAreRead() {
        FirewallReport report = FirewallReport.inspect(PortRange.parse("50000-50039"),
                tools(Map.of("iptables-save", StateSamples.read("iptables-save.txt"))));

        assertThat(report.notes()).containsExactly("nft not installed: not checked",
                "ip not installed: not checked");
        assertThat(report.lines()).contains("iptables rule `-A INPUT -p udp -m udp --dport 50000 -j DROP` (table"
                + " filter chain INPUT) drops inbound UDP 50000");
        assertThat(report.lines()).contains("iptables rule `-A INPUT -s 10.213.2.0/24 -p udp -m udp --dport"
                + " 50002:50010 -j REJECT --reject-with icmp-port-unreachable` (table filter chain INPUT) rejects"
                + " inbound UDP 50002-50010 when -s 10.213.2.0/24");
        assertThat(report.blocking(50001)).isEmpty();
    }

    @Test
    void iptablesNftChainsAreNamedOnceAsIptablesRules() {
        FirewallReport report = FirewallReport.inspect(PortRange.single(50000), tools(Map.of(
                "iptables-save", StateSamples.read("iptables-save.txt"),
                "nft", StateSamples.read("nft-ruleset-iptables-nft.txt"),
                "ip", "")));

        assertThat(report.notes()).isEmpty();
        assertThat(report.blocking(50000)).extracting(Blocker::tool).containsExactly("iptables");
    }

    @Test
    void portsAreWrittenAsARangeWhenConsecutive() {
        assertThat(FirewallReport.portsText(List.of(50000))).isEqualTo("50000");
        assertThat(FirewallReport.portsText(List.of(50000, 50001, 50002))).isEqualTo("50000-50002");
        assertThat(FirewallReport.portsText(List.of(50001, 50005))).isEqualTo("50001 (and 1 more ports)");
    }
}
