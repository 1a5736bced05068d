package dev.kdnet.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LabNamesTest {
    private static final String NETNS_LIST = """
            kdn-L100-00ff-h (id: 3)
            kdn-L100-00ff-t (id: 4)
            kdn-L200-abcd-r1
            kdn-abc123
            blue (id: 0)
            """;

    @Test
    void aPrefixNamesTheProcessAndARandomSuffix() {
        assertThat(LabNames.prefix(4242, new Random(1))).matches("kdn-L4242-[0-9a-f]{4}");
        assertThat(LabNames.prefix(4242, new Random(1))).isNotEqualTo(LabNames.prefix(4242, new Random(2)));
    }

    @Test
    void onlyTheNamespacesOfLabsWhoseProcessEndedAreStale() {
        assertThat(LabNames.stale(NETNS_LIST, pid -> pid == 200)).containsExactly("kdn-L100-00ff-h",
                "kdn-L100-00ff-t");
        assertThat(LabNames.stale(NETNS_LIST, pid -> true)).isEmpty();
    }

    @Test
    void namespacesOfOtherProgramsAreNeverLabNamespaces() {
        assertThat(LabNames.all(NETNS_LIST)).containsExactly("kdn-L100-00ff-h", "kdn-L100-00ff-t",
                "kdn-L200-abcd-r1");
    }
}
