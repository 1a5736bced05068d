package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ufw rule against ufw's documented extended syntax: {@code ufw allow proto udp from ADDR to ADDR port
 * FIRST:LAST comment 'TEXT'} (a port range needs the protocol).
 */
class UfwRulesTest {
    private static final String SYNTAX = "ufw allow proto udp from (any|[0-9.]+(/[0-9]{1,2})?) to (any|[0-9.]+)"
            + " port [0-9]{1,5}(:[0-9]{1,5})? comment '[^']*'";

    @Test
    void oneAllowRuleForTheRange() {
        assertThat(RuleFormat.UFW.rules(Scopes.NARROW).rules()).singleElement().extracting(Rule::text)
                .asString().matches(SYNTAX)
                .isEqualTo("ufw allow proto udp from 10.213.2.0/24 to 10.213.1.1 port 50000:50001 comment 'kdnet'");
    }

    @Test
    void withoutTargetOrHostBothAreAny() {
        assertThat(RuleFormat.UFW.rules(Scopes.DEFAULT).rules().get(0).text()).matches(SYNTAX)
                .contains("from any to any port 50000:50039");
    }
}
