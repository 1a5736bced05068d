package dev.kdnet.host.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@link Command}s as processes and returns what they printed; a failure is a {@link FirewallException}. */
public class CommandRunner {
    /** How long one nft, iptables or ip run may take. */
    private static final long TIMEOUT_SECONDS = 30;

    /**
     * Runs {@code command} and returns its standard output.
     *
     * @throws FirewallException when the program is missing, fails or times out, with its first error line
     */
    public String run(Command command) {
        Process process;
        try {
            process = new ProcessBuilder(command.argv()).start();
        } catch (IOException e) {
            throw new FirewallException(command.argv().get(0) + " is not installed or not on the PATH (needed for "
                    + command.line() + ")");
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(command.stdin().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The program exited before reading its input: its exit code and error text say why.
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new FirewallException(command.line() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new FirewallException(command.line() + " was interrupted");
        }
        if (process.exitValue() != 0) {
            String error = err.join().strip();
            throw new FirewallException(command.line() + " failed (exit " + process.exitValue() + "): "
                    + (error.isEmpty() ? "no error text" : error.lines().findFirst().orElseThrow()));
        }
        return out.join();
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
