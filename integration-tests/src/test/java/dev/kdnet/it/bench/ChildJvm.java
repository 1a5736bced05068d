package dev.kdnet.it.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts with its own classpath and talks to through {@link CommandLoop}, optionally pinned to
 * one CPU with {@code taskset}. Whatever it prints that is not an answer goes to {@code NAME.log} in the output
 * directory.
 */
final class ChildJvm implements AutoCloseable {
    private static final Duration STOP = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
    }

    /**
     * Starts {@code mainClass} with {@code args}, on {@code placement}'s CPU for {@code role}, logging to
     * {@code logs}/NAME.log; returns once it said it is ready.
     */
    static ChildJvm start(String name, Placement placement, Placement.Role role, Path logs, Duration ready,
            Class<?> mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(placement.prefix(role));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildJvm child = new ChildJvm(name, process);
        Thread reader = new Thread(() -> child.pump(log), name + "-output");
        reader.setDaemon(true);
        reader.start();
        child.await(ready, CommandLoop.READY);
        return child;
    }

    private void pump(Path log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer logged = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(CommandLoop.ANSWER)) {
                    answers.add(line.substring(CommandLoop.ANSWER.length()));
                } else {
                    logged.write(line + System.lineSeparator());
                    logged.flush();
                }
            }
        } catch (IOException e) {
            answers.add("error: output lost: " + e.getMessage());
        }
    }

    /** Sends {@code command} and returns the answer, waiting at most {@code limit}. */
    String ask(String command, Duration limit) throws Exception {
        commands.println(command);
        return await(limit, null);
    }

    /** The answer split at blanks, each parsed as a long. */
    long[] askNumbers(String command, Duration limit) throws Exception {
        String[] words = ask(command, limit).split(" ");
        long[] numbers = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            numbers[i] = Long.parseLong(words[i]);
        }
        return numbers;
    }

    private String await(Duration limit, String expected) throws Exception {
        String answer = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null || answer.startsWith("error") || (expected != null && !answer.equals(expected))) {
            throw new IllegalStateException(name + " answered " + (answer == null ? "nothing within " + limit
                    : "'" + answer + "'") + "; see its log");
        }
        return answer;
    }

    /** Closes its stdin (it ends), and kills it if it has not ended within 10 s. */
    @Override
    public void close() throws InterruptedException {
        commands.close();
        if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
