package dev.kdnet.host.cli;

import dev.kdnet.host.load.EchoPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The raw UDP baseline's far end, {@link EchoPeer}, as a second process on this host's own code; closing ends it. */
final class EchoPeerProcess implements AutoCloseable {
    private static final long GRACE_SECONDS = 5;

    private final Process process;
    private final InetSocketAddress address;

    private EchoPeerProcess(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Starts the peer on {@code bind}, answering with {@code replyBytes}; returns once it listens. */
    static EchoPeerProcess start(InetAddress bind, int replyBytes) throws IOException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), EchoPeer.class.getName(),
                bind.getHostAddress(), Integer.toString(replyBytes))).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = lines.readLine();
        if (first == null || !first.startsWith(EchoPeer.READY)) {
            process.destroyForcibly();
            throw new IOException("the baseline's echo peer did not start: " + first);
        }
        int port = Integer.parseInt(first.substring(EchoPeer.READY.length()).strip());
        return new EchoPeerProcess(process, new InetSocketAddress(bind, port));
    }

    /** Where the peer listens. */
    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
