package dev.kdnet.host.cli;

import dev.kdnet.host.lab.DoctorReading;
import dev.kdnet.host.lab.FirewallSpec;
import dev.kdnet.host.lab.IpsecSpec;
import dev.kdnet.host.lab.LabException;
import dev.kdnet.host.lab.LabNames;
import dev.kdnet.host.lab.LabNetwork;
import dev.kdnet.host.lab.LabPlan;
import dev.kdnet.host.lab.LabSpec;
import dev.kdnet.host.lab.LabStep;
import dev.kdnet.host.lab.RootCheck;
import dev.kdnet.host.lab.RulesSpec;
import dev.kdnet.host.lab.SessionReport;
import dev.kdnet.protocol.args.DurationText;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet lab}: builds a debugging host, a simulated target and routers between them in network namespaces,
 * with the firewall, NAT and IPsec conditions asked for, runs a session through it and says whether it came up;
 * removes every namespace, and with them every link, rule and policy, however it ends.
 */
@Command(name = LabCommand.NAME, hidden = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Rehearse a network before touching the real one: a debugging host, a simulated target and N"
                + " routers in Linux network namespaces (root), with a firewall, NAT or IPsec in the way; runs the"
                + " target and the host in them and says whether a session came up (attach, a read, RTT), then runs"
                + " ./kdnet host doctor for a few seconds for the hops and its verdict (and, when no session came"
                + " up, the target's doctor, ./kdnet target --doctor, beside it). Every"
                + " namespace, link, rule and policy is removed when it ends, also on Ctrl-C and failure.",
            "Exit status: 0 when a session came up, 1 when none did or the lab could not be built, 2 for bad"
                + " options."},
        footer = {"", "Examples:",
            "  ./kdnet lab --routers 15",
            "  ./kdnet lab --firewall host:drop --for 10s",
            "  ./kdnet lab --firewall host:drop --apply-rules nftables",
            "  ./kdnet lab --routers 2 --ipsec require-esp --apply-rules xfrm",
            "  ./kdnet lab --routers 1 --nat"})
final class LabCommand implements Callable<Integer> {
    /** The subcommand's name under the host; users run it as {@link #SPELLING}. */
    static final String NAME = "lab";
    /** How users start it: the launcher's own command, which builds both jars first. */
    static final String SPELLING = "./kdnet lab";
    /** What each line the lab itself prints starts with. */
    static final String PREFIX = "lab: ";
    /** How long after {@code --for} the host may take to end before it is stopped. */
    private static final Duration HOST_END_MARGIN = Duration.ofSeconds(15);
    /** How long the host may take to start listening (a JVM's start on a loaded machine). */
    private static final Duration HOST_START_LIMIT = Duration.ofSeconds(60);
    /** What the simulator's {@code --doctor} verdict line starts with. */
    private static final String TARGET_DOCTOR = "target doctor: ";
    /** The host's first line once it listens. */
    private static final String HOST_WAITING = "Waiting for a target on UDP ";
    /** The host doctor's first line, printed as it starts listening. */
    private static final String DOCTOR_LISTENING = "listening on UDP ";
    /**
     * How long the target's doctor tries: its first poke goes out at once, and an answer or an ICMP error to it is
     * back within milliseconds in a lab.
     */
    private static final Duration TARGET_DOCTOR_TIME = Duration.ofSeconds(3);
    /**
     * How long the host doctor listens: it starts first, so it must outlast the target's start (a JVM on a loaded
     * machine) and then the target's doctor (whose pokes would otherwise meet a closed port), and it sees at least
     * one poke of a plain target, which pokes every 3 s.
     */
    static final Duration DOCTOR_TIME = TARGET_DOCTOR_TIME.plus(Duration.ofSeconds(5));
    private static final long MILLIS_PER_SECOND = 1000;
    private static final String HOST_JAR = "kdnet-host.jar";

    @Spec
    private CommandSpec spec;

    @Option(names = "--routers", paramLabel = "N", defaultValue = "0",
            description = "Routers between the host and the target, each link its own 10.213.K.0/24 (0-"
                    + LabSpec.MAX_ROUTERS + "; default: ${DEFAULT-VALUE}). The target sends with TTL 16: 15 routers"
                    + " are the most it crosses.")
    private int routers;

    @Option(names = "--nat", description = "The router nearest to the host masquerades the target's datagrams"
            + " (needs --routers 1 or more).")
    private boolean nat;

    @Option(names = "--firewall", paramLabel = "PLACE:ACTION[:TOOL]",
            description = "A rule for the KDNET port in the way: " + FirewallSpec.FORMS + ". host is the debugging"
                    + " host's input, router the forward chain of the router nearest to it.")
    private String firewall;

    @Option(names = "--ipsec", paramLabel = "CONDITION",
            description = "IPsec policies (ip xfrm) that require ESP between the end subnets; the simulated target,"
                    + " like KDNET, cannot speak ESP. require-esp: in and out on both ends, as a corporate IPsec"
                    + " domain has; require-esp-out: only the host's replies (an out policy on the host).")
    private String ipsec;

    @Option(names = "--apply-rules", paramLabel = "FORMAT[:END]",
            description = "Apply ./kdnet rules --format FORMAT --apply in the lab before the session: "
                    + RulesSpec.FORMS + ".")
    private String applyRules;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "20s",
            description = "How long the host waits for the target to attach, e.g. 10s (default: ${DEFAULT-VALUE}).")
    private String forText;

    @Option(names = "--port", paramLabel = "P", defaultValue = "50000",
            description = "The KDNET UDP port (default: ${DEFAULT-VALUE}).")
    private String port;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The key both ends use, from FILE (chmod 600); without it from KDNET_KEY, or a fresh one."
                    + " The ends get it through their environment, never on a command line.")
    private Path keyFile;

    @Option(names = "--wrong-key", description = "Give the target a different key than the host: no session.")
    private boolean wrongKey;

    @Option(names = "--link-local", description = "The target's link has a link-local address (169.254.213.2),"
            + " as a target gets when DHCP fails.")
    private boolean linkLocal;

    @Option(names = "--target-jar", paramLabel = "FILE",
            description = "The simulated target's jar (default: the one beside this host; ./kdnet lab builds it).")
    private Path targetJar;

    @Override
    public Integer call() throws Exception {
        LabSpec labSpec = labSpec();
        Duration wait = waitDuration();
        KdnetKey key = KeySource.resolve(null, keyFile).orElseGet(KdnetKey::generate);
        KdnetKey targetKey = wrongKey ? KdnetKey.generate() : key;
        Path simulator = SimulatedTargetProcess.jar(targetJar, SPELLING);
        if (!RootCheck.isRoot()) {
            throw new IllegalStateException(SPELLING + " needs root (it builds network namespaces); run it as root");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        removeStaleLabs(out);
        List<String> host = javaJar(hostJar());
        LabPlan plan = LabPlan.of(labSpec, LabNames.prefix(ProcessHandle.current().pid(), new SecureRandom()),
                with(host, "rules"));
        out.println(PREFIX + describe(labSpec, plan));
        out.flush();
        try (LabNetwork lab = LabNetwork.build(plan)) {
            List<String> target = with(javaJar(simulator), "--hostip", plan.hostAddress(), "--port",
                    Integer.toString(labSpec.port()), "--local-ip", plan.targetAddress());
            Map<String, String> targetEnvironment = Map.of(KeySource.ENVIRONMENT, targetKey.format());
            Map<String, String> hostEnvironment = Map.of(KeySource.ENVIRONMENT, key.format());
            Round session = round(lab, listen(host, plan, labSpec.port(), wait), hostEnvironment, HOST_WAITING,
                    target, targetEnvironment, wait.plus(HOST_END_MARGIN), err);
            session.target().stop();
            SessionReport report = SessionReport.of(session.host());
            out.println(PREFIX + "asking the host doctor" + (report.up() ? "" : " and the target's") + " for "
                    + DOCTOR_TIME.toSeconds() + " s...");
            out.flush();
            Round doctors = round(lab, with(host, "doctor", "--port", Integer.toString(labSpec.port()), "--bind",
                    plan.hostAddress(), "--for", DOCTOR_TIME.toSeconds() + "s"), hostEnvironment, DOCTOR_LISTENING,
                    report.up() ? target : with(target, "--doctor", "--for", TARGET_DOCTOR_TIME.toSeconds() + "s"),
                    targetEnvironment, DOCTOR_TIME.plus(HOST_END_MARGIN), err);
            DoctorReading reading = DoctorReading.of(doctors.host());
            out.println(PREFIX + "host doctor: " + reading.verdict().orElse("no verdict"));
            if (!report.up()) {
                out.println(PREFIX + targetVerdict(doctors.target()));
            }
            doctors.target().stop();
            out.println(PREFIX + report.summary() + "; " + reading.hopsText());
            out.flush();
            return report.up() ? 0 : HostMain.FAILURE;
        } catch (LabException e) {
            throw new IllegalStateException("the lab could not be built: " + e.getMessage(), e);
        } finally {
            out.println(PREFIX + "removed " + plan.namespaces().size() + " namespaces and everything in them");
            out.flush();
        }
    }

    private LabSpec labSpec() {
        return new LabSpec(routers, nat, Optional.ofNullable(firewall).map(FirewallSpec::parse),
                Optional.ofNullable(ipsec).map(IpsecSpec::parse),
                Optional.ofNullable(applyRules).map(RulesSpec::parse), linkLocal, PortArgument.parse(port));
    }

    private Duration waitDuration() {
        try {
            Duration wait = DurationText.parse("--for", forText);
            if (wait.isZero()) {
                throw new UsageException("--for " + forText + " gives the host no time; expected e.g. 20s");
            }
            return wait;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** One line saying what the lab is made of. */
    private static String describe(LabSpec labSpec, LabPlan plan) {
        StringBuilder text = new StringBuilder("host ").append(plan.hostAddress()).append(" (netns ")
                .append(plan.hostNamespace()).append("), ").append(labSpec.routers()).append(" router(s), target ")
                .append(plan.targetAddress()).append(" (netns ").append(plan.targetNamespace()).append("), UDP ")
                .append(labSpec.port());
        if (labSpec.nat()) {
            text.append(", NAT: the host sees the target as ").append(plan.targetSeenAs());
        }
        labSpec.firewall().ifPresent(f -> text.append(", firewall ").append(f.text()));
        labSpec.ipsec().ifPresent(i -> text.append(", ").append(i.description()));
        labSpec.rules().ifPresent(r -> text.append(", rules ").append(r.format()).append(" applied on ")
                .append(r.ends().name().toLowerCase(Locale.ROOT)));
        return text.toString();
    }

    /** One round: the host side's output once it ended, and the target, still running or ended. */
    private record Round(List<String> host, LabProgram target) {
    }

    /** The target doctor's verdict line, once it ended. */
    private static String targetVerdict(LabProgram doctor) throws InterruptedException {
        return doctor.awaitEnd(HOST_END_MARGIN).stream().filter(line -> line.startsWith(TARGET_DOCTOR)).findFirst()
                .orElse(TARGET_DOCTOR + "no verdict");
    }

    /** {@code ./kdnet host listen} waiting up to {@code wait} for the target, then {@link SessionReport#COMMANDS}. */
    private static List<String> listen(List<String> host, LabPlan plan, int port, Duration wait) {
        return with(host, "listen", "--port", Integer.toString(port), "--bind", plan.hostAddress(), "--wait",
                Long.toString(Math.max(1, (wait.toMillis() + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND)), "-c",
                SessionReport.COMMANDS);
    }

    /**
     * Runs {@code host} in the lab's host namespace and, once it printed {@code hostReady} (it listens),
     * {@code target} in the target's; waits up to {@code hostLimit} for the host side to end. Each output line is
     * also forwarded to {@code err}.
     */
    private static Round round(LabNetwork lab, List<String> host, Map<String, String> hostEnvironment,
            String hostReady, List<String> target, Map<String, String> targetEnvironment, Duration hostLimit,
            PrintWriter err) throws IOException, InterruptedException {
        LabPlan plan = lab.plan();
        LabProgram listener = LabProgram.start(lab, plan.hostNamespace(), host, hostEnvironment, "host: ", hostReady,
                err);
        if (!listener.awaitReady(HOST_START_LIMIT)) {
            List<String> lines = listener.awaitEnd(Duration.ZERO);
            throw new IllegalStateException("the host did not start in the lab: "
                    + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)));
        }
        LabProgram started = LabProgram.start(lab, plan.targetNamespace(), target, targetEnvironment, "target: ",
                TARGET_DOCTOR, err);
        return new Round(listener.awaitEnd(hostLimit), started);
    }

    /** Removes the namespaces of labs whose process has ended without removing them. */
    private static void removeStaleLabs(PrintWriter out) throws LabException {
        String list = LabNetwork.run(LabStep.of("ip", "netns", "list"));
        for (String stale : LabNames.stale(list, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false))) {
            LabNetwork.run(LabStep.of("ip", "netns", "del", stale));
            out.println(PREFIX + "removed namespace " + stale + ", left by a lab whose process has ended");
        }
    }

    private static List<String> javaJar(Path jar) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
    }

    private static List<String> with(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * This host's shaded jar: {@code kdnet-host.jar} in the directory of the running code, which is that jar, the
     * module's plain jar beside it, or {@code target/classes} under it.
     */
    private static Path hostJar() throws URISyntaxException {
        Path code = Path.of(LabCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = code.toAbsolutePath().normalize().getParent().resolve(HOST_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the host's jar is not built (" + jar + " is missing); " + SPELLING
                    + " builds it");
        }
        return jar;
    }
}
