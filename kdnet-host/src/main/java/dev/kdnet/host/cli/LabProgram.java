package dev.kdnet.host.cli;

import dev.kdnet.host.lab.LabNetwork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A program {@code ./kdnet lab} runs inside one of its namespaces (the host or the simulated target): its output
 * forwarded line by line after a prefix and kept, and the moment it printed the line that says it is ready.
 */
final class LabProgram {
    /** How long the last output may take to arrive after the program ended. */
    private static final Duration OUTPUT_JOIN = Duration.ofSeconds(5);
    /** How often {@link #awaitReady} looks whether the program ended without becoming ready. */
    private static final Duration PROCESS_CHECK = Duration.ofMillis(100);

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread output;

    private LabProgram(Process process, String prefix, String readyLine, PrintWriter err) {
        this.process = process;
        this.output = new Thread(() -> forward(prefix, readyLine, err), "kdnet-lab-output");
        this.output.setDaemon(true);
        this.output.start();
    }

    /**
     * Starts {@code command} in {@code namespace} of {@code lab} with {@code environment}; each output line goes to
     * {@code err} after {@code prefix}; it is ready once it printed a line starting with {@code readyLine}.
     */
    static LabProgram start(LabNetwork lab, String namespace, List<String> command, Map<String, String> environment,
            String prefix, String readyLine, PrintWriter err) throws IOException {
        return new LabProgram(lab.start(namespace, command, environment), prefix, readyLine, err);
    }

    /** Waits until it is ready, or has ended, or {@code limit} passed; whether it is ready. */
    boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.await(Math.min(limit.toMillis(), PROCESS_CHECK.toMillis()), TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                return ready.getCount() == 0;
            }
        }
        return true;
    }

    /** Waits at most {@code limit} for it to end (stopping it after that) and for its last output; its lines. */
    List<String> awaitEnd(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
        }
        output.join(OUTPUT_JOIN.toMillis());
        return List.copyOf(lines);
    }

    /** Stops it and waits until it has ended. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
        output.join(OUTPUT_JOIN.toMillis());
    }

    private void forward(String prefix, String readyLine, PrintWriter err) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (line.startsWith(readyLine)) {
                    ready.countDown();
                }
                synchronized (err) {
                    err.println(prefix + line);
                    err.flush();
                }
            }
        } catch (IOException ended) {
            // the program was stopped under the reader: its output ends here
        }
    }
}
