package dev.kdnet.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.kdnet.protocol.args.BusParams;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.cli.ProjectVersion;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.sim.nic.AgentConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing of ./kdnet target's options: both bcdedit forms, many ports, --newkey, --help and every mistake. */
class TargetCommandTest {
    private static final String KEY = "1m770ts6ru0p.3671pemyie4i.2b8djy3wt5et.1p99ir125v4q";

    @Test
    void aKeyFileGivesTheKeyAndOneOthersCanReadIsRefused(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("key"), KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        CommandRun run = CommandRun.of("--hostip", "192.168.1.10", "--port", "50000", "--key-file", file.toString());

        assertThat(run.options().orElseThrow().key()).isEqualTo(KdnetKey.parse(KEY));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CommandRun readable = CommandRun.of("--hostip", "192.168.1.10", "--port", "50000", "--key-file",
                file.toString());
        assertThat(readable.exitCode()).isEqualTo(2);
        assertThat(readable.errLines()).containsExactly("kdnet target: key file " + file + " can be read by other"
                + " users (rw-r--r--); chmod 600 " + file);
        assertThat(readable.err()).doesNotContain(KEY);
    }

    @Test
    void separateOptionsAndDbgSettingsGiveTheSameSettings() {
        CommandRun separate = CommandRun.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY);
        CommandRun together = CommandRun.of("--dbgsettings", "net hostip:192.168.1.10 port:50000 key:" + KEY);

        assertThat(separate.exitCode()).isZero();
        assertThat(together.exitCode()).isZero();
        assertThat(separate.err()).isEmpty();
        assertThat(together.err()).isEmpty();
        TargetOptions options = separate.options().orElseThrow();
        assertThat(together.options()).contains(options);
        assertThat(options.key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(options.hostIp()).isEqualTo(ip("192.168.1.10"));
        assertThat(options.ports()).isEqualTo(PortRange.single(50000));
        assertThat(options.localIp()).isEmpty();
        assertThat(options.ttl()).isEqualTo(16);
        assertThat(options.kernel()).isEqualTo(new KernelSettings(19041, 1, Duration.ZERO,
                "Hello from the simulated target", 0));
    }

    @Test
    void byDefaultTheTargetSendsChecksumZeroAndRunsUntilStopped() {
        TargetOptions options = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY).options()
                .orElseThrow();

        assertThat(options.zeroUdpChecksum()).isTrue();
        assertThat(options.doctor()).isEmpty();
        assertThat(options.agentConfigs(ip("10.0.0.2")).get(0).socketOptions().zeroUdpChecksum()).isTrue();
    }

    @Test
    void udpChecksumKeepsTheComputedOne() {
        TargetOptions options = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY,
                "--udp-checksum").options().orElseThrow();

        assertThat(options.zeroUdpChecksum()).isFalse();
        assertThat(options.agentConfigs(ip("10.0.0.2")).get(0).socketOptions().zeroUdpChecksum()).isFalse();
    }

    @Test
    void doctorTriesTwentySecondsUnlessForSaysOtherwise() {
        CommandRun byDefault = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY, "--doctor");
        CommandRun bounded = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY, "--doctor",
                "--for", "1500ms");

        assertThat(byDefault.options().orElseThrow().doctor()).contains(Duration.ofSeconds(20));
        assertThat(bounded.options().orElseThrow().doctor()).contains(Duration.ofMillis(1500));
    }

    @Test
    void doctorMistakesAreOneLineEach() {
        CommandRun forAlone = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY, "--for", "5s");
        CommandRun range = CommandRun.of("--hostip", "10.0.0.1", "--ports", "50000-50003", "--key", KEY,
                "--doctor");
        CommandRun notADuration = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY,
                "--doctor", "--for", "soon");
        CommandRun zero = CommandRun.of("--hostip", "10.0.0.1", "--port", "50000", "--key", KEY, "--doctor",
                "--for", "0s");

        assertThat(List.of(forAlone, range, notADuration, zero)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.options()).isEmpty();
        });
        assertThat(forAlone.errLines()).containsExactly("kdnet target: --for 5s only bounds --doctor; add --doctor"
                + " or drop --for");
        assertThat(range.errLines()).containsExactly("kdnet target: --doctor checks one port; give --port P instead"
                + " of --ports 50000-50003");
        assertThat(notADuration.errLines()).containsExactly("kdnet target: --for soon is not a duration; expected"
                + " e.g. 30s, 500ms or 2m");
        assertThat(zero.errLines()).containsExactly("kdnet target: --for 0s gives the doctor no time; give e.g. 20s");
    }

    @Test
    void dbgSettingsTakeNodhcpAndBusparamsInAnyOrderAndCase() {
        CommandRun run = CommandRun.of("--dbgsettings",
                "  NET busparams:0.25.0 key:" + KEY.toUpperCase() + " nodhcp port:50001 hostip:10.0.0.1 ");

        TargetOptions options = run.options().orElseThrow();
        assertThat(options.busParams()).contains(new BusParams(0, 25, 0));
        assertThat(options.noDhcp()).isTrue();
        assertThat(options.key()).isEqualTo(KdnetKey.parse(KEY));
        assertThat(options.ports()).isEqualTo(PortRange.single(50001));
        assertThat(options.hostIp()).isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void aPortRangeGivesOneAgentPerPortWithTheSameHostAndKey() {
        CommandRun run = CommandRun.of("--hostip", "192.168.1.10", "--ports", "50000-50039", "--key", KEY,
                "--local-ip", "192.168.1.20", "--ttl", "3");

        TargetOptions options = run.options().orElseThrow();
        List<AgentConfig> configs = options.agentConfigs(options.localIp().orElseThrow());
        assertThat(configs).hasSize(40);
        assertThat(configs).extracting(AgentConfig::port).containsExactlyElementsOf(options.ports().ports());
        assertThat(configs.get(39).port()).isEqualTo(50039);
        assertThat(configs).allSatisfy(config -> {
            assertThat(config.hostIp()).isEqualTo(ip("192.168.1.10"));
            assertThat(config.localIp()).isEqualTo(ip("192.168.1.20"));
            assertThat(config.key()).isEqualTo(KdnetKey.parse(KEY));
            assertThat(config.socketOptions().ttl()).isEqualTo(3);
            assertThat(config.pokeInterval()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void kernelSettingsPassThroughAsGiven() {
        CommandRun run = CommandRun.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY, "--build",
                "22621", "--cpus", "4", "--print-interval", "250", "--print-text", "tick", "--busparams", "1.2.3");

        TargetOptions options = run.options().orElseThrow();
        assertThat(options.kernel()).isEqualTo(new KernelSettings(22621, 4, Duration.ofMillis(250), "tick", 0));
        assertThat(options.busParams()).contains(new BusParams(1, 2, 3));
    }

    @Test
    void aPortOutsideTheDynamicRangeIsAWarningNotAnError() {
        CommandRun run = CommandRun.of("--hostip", "192.168.1.10", "--port", "5364", "--key", KEY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly("kdnet target: warning: port 5364 is outside 49152-65535,"
                + " where KDNET ports come from (50000-50039 recommended)");
        assertThat(run.options()).isPresent();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", "1.2.3"),
                        "kdnet target: key has 3 parts; expected 4 base-36 parts separated by dots (w.x.y.z)"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", "1.2.3.4!"),
                        "kdnet target: key part 4 \"4!\" contains '!'; only digits 0-9 and letters a-z are allowed"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "70000", "--key", KEY),
                        "kdnet target: port 70000 is outside 1-65535"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "0", "--key", KEY),
                        "kdnet target: port 0 is outside 1-65535"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--ports", "50039-50000", "--key", KEY),
                        "kdnet target: ports 50039-50000 run backwards; give the lower port first"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--ports", "50000-x", "--key", KEY),
                        "kdnet target: port \"50000-x\" is not a number"),
                Arguments.of(List.of("--hostip", "fe80::1", "--port", "50000", "--key", KEY),
                        "kdnet target: hostip \"fe80::1\" is not an IPv4 address (expected a.b.c.d, like"
                                + " 192.168.1.10)"),
                Arguments.of(List.of("--hostip", "192.168.1.256", "--port", "50000", "--key", KEY),
                        "kdnet target: hostip \"192.168.1.256\" is not an IPv4 address (expected a.b.c.d, like"
                                + " 192.168.1.10)"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY, "--local-ip",
                        "localhost"), "kdnet target: --local-ip \"localhost\" is not an IPv4 address (expected"
                                + " a.b.c.d, like 192.168.1.10)"),
                Arguments.of(List.of("--port", "50000", "--key", KEY),
                        "kdnet target: no host: give --hostip IPv4 (or --dbgsettings \"net hostip:... port:..."
                                + " key:...\")"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--key", KEY),
                        "kdnet target: no port: give --port P (or --ports FIRST-LAST)"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000"),
                        "kdnet target: no key: give --key w.x.y.z, --key-file FILE or set KDNET_KEY (./kdnet target"
                                + " --newkey makes one)"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--ports", "50000-50001",
                        "--key", KEY), "kdnet target: --port and --ports exclude each other; give one"),
                Arguments.of(List.of("--dbgsettings", "net hostip:192.168.1.10 port:50000 key:" + KEY + " dhcp"),
                        "kdnet target: --dbgsettings: unknown word \"dhcp\"; expected hostip:, port:, key:, nodhcp"
                                + " or busparams:"),
                Arguments.of(List.of("--dbgsettings", "net hostip:192.168.1.10 port:50000 key=" + KEY),
                        "kdnet target: --dbgsettings: unknown word \"key=…\"; expected hostip:, port:, key:, nodhcp"
                                + " or busparams:"),
                Arguments.of(List.of("--dbgsettings", "serial debugport:1 baudrate:115200"),
                        "kdnet target: --dbgsettings must start with \"net\" (KDNET debugs over the network),"
                                + " not \"serial\""),
                Arguments.of(List.of("--dbgsettings", "net hostip:192.168.1.10 port:50000"),
                        "kdnet target: --dbgsettings lacks key:w.x.y.z (./kdnet host keygen or ./kdnet target"
                                + " --newkey makes one), or give the key in --key-file or KDNET_KEY"),
                Arguments.of(List.of("--dbgsettings", "net port:50000 key:" + KEY),
                        "kdnet target: --dbgsettings lacks hostip:IPv4 (the debugger host's address)"),
                Arguments.of(List.of("--dbgsettings", "net hostip:192.168.1.10 key:" + KEY),
                        "kdnet target: --dbgsettings lacks port:P (KDNET ports are 49152-65535, usually 50000)"),
                Arguments.of(List.of("--dbgsettings", "net hostip:1.2.3.4 port:50000 port:50001 key:" + KEY),
                        "kdnet target: --dbgsettings gives port: twice"),
                Arguments.of(List.of("--dbgsettings", "net hostip:192.168.1.10 port:abc key:" + KEY),
                        "kdnet target: port \"abc\" is not a number"),
                Arguments.of(List.of("--dbgsettings", "net hostip:192.168.1.10 port:50000 key:" + KEY, "--port",
                        "50000"), "kdnet target: --dbgsettings already gives hostip, port and key; drop --port"),
                Arguments.of(List.of("--dbgsettings", "net hostip:1.2.3.4 port:50000 key:" + KEY
                        + " busparams:0.25.0", "--busparams", "0.25.0"),
                        "kdnet target: busparams is given twice: in --dbgsettings and as --busparams"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY, "--busparams",
                        "0.25"), "kdnet target: busparams \"0.25\" is not bus.device.function in decimal, like 0.25.0"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY, "--busparams",
                        "0.32.0"), "kdnet target: busparams 0.32.0 is out of range: bus 0-255, device 0-31,"
                                + " function 0-7"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY, "--ttl", "0"),
                        "kdnet target: --ttl 0 is outside 1-255"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "fifty", "--key", KEY),
                        "kdnet target: port \"fifty\" is not a number"),
                Arguments.of(List.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY, "--frobnicate"),
                        "kdnet target: Unknown option: '--frobnicate'"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsOneLineAndExitCode2(List<String> args, String line) {
        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(line);
        assertThat(run.out()).isEmpty();
        assertThat(run.options()).isEmpty();
    }

    @Test
    void noErrorLineShowsAWholeKey() {
        for (Arguments mistake : mistakes().toList()) {
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) mistake.get()[0];
            assertThat(CommandRun.of(args.toArray(String[]::new)).err()).doesNotContain(KEY);
        }
    }

    @Test
    void newKeyPrintsTheSameFiveLinesAsHostKeygenWithTheTargetsOwnAddress() {
        CommandRun run = CommandRun.of("--newkey", "--port", "50005");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(5);
        Matcher key = Pattern.compile("key: {5}(\\S+)").matcher(lines.get(0));
        assertThat(key.matches()).as(lines.get(0)).isTrue();
        String fresh = key.group(1);
        assertThat(KdnetKey.parse(fresh).format()).isEqualTo(fresh);
        assertThat(lines.subList(1, 5)).containsExactly(
                "bcdedit: bcdedit /dbgsettings net hostip:<this machine's IPv4> port:50005 key:" + fresh,
                "host:    ./kdnet host listen --port 50005 --key " + fresh,
                "WinDbg:  windbg -k net:port=50005,key=" + fresh,
                "target:  ./kdnet target --hostip 127.0.0.1 --local-ip 127.0.0.2 --port 50005 --key " + fresh);
        assertThat(run.options()).isEmpty();
        assertThat(CommandRun.of("--newkey").out()).contains("windbg -k net:port=50000,key=");
        assertThat(CommandRun.of("--newkey").out()).isNotEqualTo(CommandRun.of("--newkey").out());
    }

    @Test
    void newKeyTakesTheHostAndTargetAddressesAndRefusesTheSameForBoth() {
        CommandRun lan = CommandRun.of("--newkey", "--hostip", "192.168.1.10", "--local-ip", "192.168.1.20");
        CommandRun same = CommandRun.of("--newkey", "--hostip", "192.168.1.10", "--local-ip", "192.168.1.10");

        assertThat(lan.out().lines().toList().get(4))
                .startsWith("target:  ./kdnet target --hostip 192.168.1.10 --local-ip 192.168.1.20 --port 50000");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.out()).isEmpty();
        assertThat(same.err().lines().toList()).containsExactly("kdnet target: --local-ip 192.168.1.10 is the host's"
                + " address: give the target another one (e.g. 127.0.0.2 for a host on 127.0.0.1)");
    }

    @Test
    void helpExplainsEveryOptionAndCallsTtlATestingAid() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--hostip", "--port", "--ports", "--key", "--dbgsettings", "--local-ip",
                "--newkey", "--busparams", "--build", "--cpus", "--print-interval", "--print-text", "--ttl",
                "Testing aid", "19041");
    }

    @Test
    void helpKeepsEachExampleWholeAndVersionIsTheProjects() {
        CommandRun help = CommandRun.of("--help");
        CommandRun version = CommandRun.of("--version");

        assertThat(help.out().lines()).contains("  ./kdnet target --dbgsettings \"net hostip:192.168.1.10 port:50000"
                + " key:K\"", "  ./kdnet target --hostip 192.168.1.10 --ports 50000-50039 --key K");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().lines()).containsExactly("kdnet " + ProjectVersion.version());
    }

    @Test
    void aFailureToRunIsOneLineAndExitCode1() {
        CommandRun run = CommandRun.with(options -> {
            throw new UnsupportedOperationException("the simulated kernel arrives with the KD stub");
        }, "--hostip", "127.0.0.1", "--port", "50000", "--key", KEY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("kdnet target: the simulated kernel arrives with the KD stub");
    }

    @Test
    void aUsageMistakeFoundWhileLaunchingIsExitCode2() {
        CommandRun run = CommandRun.with(options -> {
            throw new UsageException("no route to 192.0.2.99; give the target's address with --local-ip");
        }, "--hostip", "192.0.2.99", "--port", "50000", "--key", KEY);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "kdnet target: no route to 192.0.2.99; give the target's address with --local-ip");
    }

    @Test
    void optionsShowTheKeysFingerprintOnly() {
        TargetOptions options = CommandRun.of("--hostip", "192.168.1.10", "--port", "50000", "--key", KEY)
                .options().orElseThrow();

        assertThat(options.toString()).doesNotContain(KEY).contains(KdnetKey.parse(KEY).fingerprint());
        assertThat(Optional.of(options.agentConfigs(ip("192.168.1.20")).get(0).toString()))
                .get().asString().doesNotContain(KEY);
    }

    private static Inet4Address ip(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
