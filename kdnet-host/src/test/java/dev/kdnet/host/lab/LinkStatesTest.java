package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkStatesTest {
    private static final String LOOPBACK = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode\n";

    @Test
    void linksAreUpWhenEveryVethHasStateUp() {
        assertThat(LinkStates.allLinksUp(LOOPBACK
                + "2: totarget@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT\n"
                + "3: tohost@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT\n"))
                .isTrue();
    }

    @Test
    void aVethWithoutCarrierYetIsNotUp() {
        assertThat(LinkStates.allLinksUp(LOOPBACK + "2: tohost@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP,LOWER_UP>"
                + " mtu 1500 qdisc noqueue state DOWN mode DEFAULT\n")).isFalse();
    }
}
