package dev.kdnet.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the real launcher refuses before it opens any socket. */
class TargetRunnerTest {
    /** An address of TEST-NET-2 (RFC 5737), which no machine has. */
    private static final String DOCUMENTATION_ADDRESS = "198.51.100.7";

    @Test
    void aTargetOnTheHostsOwnAddressIsRefusedBecauseItWouldPokeItself() {
        CommandRun byRoute = CommandRun.with(new TargetRunner(System.out), "--hostip", "127.0.0.1", "--port",
                "50000", "--key", "1.2.3.4");
        CommandRun byOption = CommandRun.with(new TargetRunner(System.out), "--hostip", "127.0.0.1", "--port",
                "50000", "--key", "1.2.3.4", "--local-ip", "127.0.0.1");

        String line = "kdnet target: the target would use the host's own address 127.0.0.1 and send its pokes to"
                + " itself; give it another one with --local-ip (e.g. 127.0.0.2 for a host on 127.0.0.1)";
        assertThat(byRoute.exitCode()).isEqualTo(2);
        assertThat(byRoute.errLines()).containsExactly(line);
        assertThat(byOption.exitCode()).isEqualTo(2);
        assertThat(byOption.errLines()).containsExactly(line);
    }

    @Test
    void aLocalIpThisMachineDoesNotHaveIsRefusedWithItsOwn() {
        CommandRun run = CommandRun.with(new TargetRunner(System.out), "--hostip", "127.0.0.1", "--port",
                "50000", "--key", "1.2.3.4", "--local-ip", DOCUMENTATION_ADDRESS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("kdnet target: --local-ip " + DOCUMENTATION_ADDRESS + " is not an address of this machine;"
                        + " give one of its own (")
                .contains("127.0.0.1").endsWith(") or leave --local-ip out");
    }
}
