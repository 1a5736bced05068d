package dev.kdnet.host.cli;

import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.relay.RelayStats;
import dev.kdnet.host.relay.UdpRelay;
import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.args.SocketAddressArgument;
import dev.kdnet.protocol.netty.UdpTransport;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet host relay}: a UDP relay between target and host that drops, duplicates, reorders, delays and
 * corrupts datagrams, until Ctrl-C; then it prints what it did.
 */
@Command(name = "relay", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Relay UDP between a target and the host with impairment, until Ctrl-C; then print the counts.",
            "The first sender to --listen is side A (the target); its datagrams go to --to, the answers back to A.",
            ""},
        footer = {
            "",
            "Example:",
            "  ./kdnet host relay --listen 127.0.0.1:50001 --to 127.0.0.1:50000 --loss 5%% --dup 1%% --reorder 2%%"
                    + " --delay 1ms --jitter 0.5ms --corrupt 0.5%% --seed 7"})
final class RelayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", required = true, description = "Where to listen.")
    private String listen;

    @Option(names = "--to", paramLabel = "ADDR:PORT", required = true, description = "Where to relay to.")
    private String to;

    @Mixin
    private ImpairmentOptions impairmentOptions;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the decisions, to repeat a run"
            + " (default: random, printed).")
    private Long seed;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress listenAddress = SocketAddressArgument.parse("--listen", listen);
        InetSocketAddress toAddress = SocketAddressArgument.parse("--to", to);
        Impairment impairment = impairmentOptions.impairment();
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (UdpTransport transport = UdpTransport.create(1);
                UdpRelay relay = UdpRelay.start(transport, listenAddress, toAddress, impairment, chosenSeed)) {
            out.println("relay: " + AddressText.of(relay.localAddress()) + " <-> " + AddressText.of(toAddress)
                    + ", seed " + chosenSeed + "; Ctrl-C stops");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                print(out, relay.stats(), toAddress);
                stopped.countDown();
            }, "relay-stop"));
            stopped.await();
        }
        return 0;
    }

    private static void print(PrintWriter out, RelayStats stats, InetSocketAddress toAddress) {
        String to = AddressText.of(toAddress);
        out.println("relay: towards " + to + ": " + stats.fromA().summary());
        out.println("relay: from " + to + ": " + stats.toA().summary());
        out.flush();
    }
}
