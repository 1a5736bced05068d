package dev.kdnet.it.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The stdin/stdout protocol of a benchmark's child process: it reads one command a line, answers each with one line
 * beginning with {@value #ANSWER} (other output, such as log lines, never does), and ends at end of input.
 */
final class CommandLoop {
    /** The start of every answer line. */
    static final String ANSWER = "bench: ";
    /** The answer a child gives once it is ready for commands. */
    static final String READY = "ready";

    private CommandLoop() {
    }

    /** Says {@link #READY}, then answers each command line with {@code handler}'s result until stdin ends. */
    static void serve(Function<String[], String> handler) throws Exception {
        answer(READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            answer(handler.apply(line.trim().split(" +")));
        }
    }

    /** Writes one answer line. */
    static void answer(String text) {
        System.out.println(ANSWER + text);
        System.out.flush();
    }
}
