package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.key.KdnetKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostConfigTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");

    @Test
    void portsAreShownAsOnePortARangeOrAList() {
        assertThat(HostConfig.of(KEY, List.of(50000)).portsText()).isEqualTo("50000");
        assertThat(HostConfig.ofRange(KEY, 50000, 59990).portsText()).isEqualTo("50000-59990");
        assertThat(HostConfig.of(KEY, List.of(50000, 50002)).portsText()).isEqualTo("[50000, 50002]");
        assertThat(HostConfig.of(KEY, List.of(50001, 50000)).portsText()).isEqualTo("[50001, 50000]");
    }
}
