package dev.kdnet.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The benchmarks ({@code mvn -B -ntp -Pbench -pl integration-tests -am verify -DskipTests}): memory pulls against
 * raw UDP between processes, a clean dump's retransmits, the crypto under JMH, the load tester's latency law
 * and scale. Writes {@code results.md} into the
 * directory given as the only argument (with one log per child process and JMH's output) and prints it.
 * Exit code 0, or 1 with one line saying what failed.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("bench: expected one argument, the output directory");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        BenchSettings settings = BenchSettings.fromSystemProperties();
        try {
            String start = loadAverage();
            MemoryPullRun.Results pulls = new MemoryPullRun(settings, out).run();
            CryptoResult crypto = CryptoRun.run(out);
            LoadToolRun.Results load = new LoadToolRun(out).run();
            String environment = "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs; load average (1, 5, 15 min) at start "
                    + start + ", at end " + loadAverage() + ": the machine may be shared with other work.";
            String report = ResultsReport.of(environment, settings, pulls, crypto, load);
            Path results = Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);
            System.out.println("written to " + results);
        } catch (Exception e) {
            System.err.println("bench: failed: " + e.getMessage() + " (logs in " + out + ")");
            System.exit(1);
        }
    }

    /** The first three fields of /proc/loadavg. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }
}
