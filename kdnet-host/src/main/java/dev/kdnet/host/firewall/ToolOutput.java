package dev.kdnet.host.firewall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What running one of the state tools gave: its output, or why there is none ("nft not installed: not checked").
 *
 * @param output  stdout and stderr, empty if the tool did not run or failed
 * @param problem why it gave nothing, empty if it ran
 */
public record ToolOutput(String output, String problem) {
    /** How long a listing may take before it counts as failed. */
    static final long TIMEOUT_SECONDS = 10;

    /** True if the tool ran and its output can be read. */
    public boolean ran() {
        return problem.isEmpty();
    }

    /** Runs {@code command} (its first word the tool) and collects its output. */
    public static ToolOutput run(List<String> command) {
        String tool = command.get(0);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ToolOutput("", tool + " did not finish in " + TIMEOUT_SECONDS + " s: not checked");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                String first = text.lines().findFirst().orElse("").strip();
                return new ToolOutput("", tool + " failed (exit " + process.exitValue() + (first.isEmpty() ? ""
                        : ": " + first) + "): not checked");
            }
            return new ToolOutput(text, "");
        } catch (IOException e) {
            return new ToolOutput("", tool + " not installed: not checked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolOutput("", tool + " interrupted: not checked");
        }
    }
}
