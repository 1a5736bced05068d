package dev.kdnet.host.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.args.UsageException;
import org.junit.jupiter.api.Test;

/** The --side list. */
class SideTest {

    @Test
    void parsesAList() {
        assertThat(Side.parseList("host, router")).containsExactlyInAnyOrder(Side.HOST, Side.ROUTER);
    }

    @Test
    void anUnknownSideNamesTheKnownOnes() {
        assertThatThrownBy(() -> Side.parseList("host,gateway")).isInstanceOf(UsageException.class)
                .hasMessage("--side \"host,gateway\" is not host, target or router (or a list like host,target)");
    }
}
