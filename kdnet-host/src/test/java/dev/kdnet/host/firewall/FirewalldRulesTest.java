package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The firewalld rules against firewall-cmd's documented rich rule language: {@code rule [family="ipv4"] [source
 * address="..."] [destination address="..."] port port="P[-Q]" protocol="udp" accept}, added with
 * {@code --permanent --add-rich-rule} and made active with {@code --reload}.
 */
class FirewalldRulesTest {
    private static final String RICH_RULE = "rule family=\"ipv4\"( source address=\"[0-9./]+\")?"
            + "( destination address=\"[0-9.]+\")? port port=\"[0-9]{1,5}(-[0-9]{1,5})?\" protocol=\"udp\" accept";

    @Test
    void aPermanentRichRuleThenAReload() {
        List<String> rules = RuleFormat.FIREWALLD.rules(Scopes.NARROW).rules().stream().map(Rule::text).toList();

        assertThat(rules).satisfiesExactly(
                rich -> assertThat(rich).startsWith("firewall-cmd --permanent --add-rich-rule='").endsWith("'")
                        .satisfies(line -> assertThat(line.substring(line.indexOf('\'') + 1, line.length() - 1))
                                .matches(RICH_RULE).contains("source address=\"10.213.2.0/24\"")
                                .contains("destination address=\"10.213.1.1\"")
                                .contains("port port=\"50000-50001\"")),
                reload -> assertThat(reload).isEqualTo("firewall-cmd --reload"));
    }

    @Test
    void withoutTargetOrHostTheRuleNamesOnlyThePorts() {
        assertThat(RuleFormat.FIREWALLD.rules(Scopes.DEFAULT).rules().get(0).text()).isEqualTo(
                "firewall-cmd --permanent --add-rich-rule='rule family=\"ipv4\" port port=\"50000-50039\""
                        + " protocol=\"udp\" accept'");
    }
}
