package dev.kdnet.it.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a lab could leave behind in the namespace the tests run in: lab namespaces, links, firewall rules and IPsec
 * policies, each as its tool lists it. Two snapshots are equal when the lab added nothing or removed all it added.
 *
 * @param labNamespaces the {@code kdn-L} namespaces {@code ip netns list} shows
 * @param links {@code ip -o link show}, one line per link, without counters that change by themselves
 * @param nftables {@code nft list ruleset}
 * @param iptables {@code iptables-save} without its comment lines (they carry a time)
 * @param xfrm {@code ip xfrm policy}
 */
record RootNamespace(List<String> labNamespaces, List<String> links, String nftables, String iptables, String xfrm) {
    /** What this namespace holds now. */
    static RootNamespace now() throws IOException, InterruptedException {
        return new RootNamespace(run("ip", "netns", "list").lines().map(line -> line.split("\\s+")[0])
                .filter(name -> name.startsWith("kdn-L")).toList(),
                run("ip", "-o", "link", "show").lines().map(line -> line.replaceAll("\\\\.*", "").strip()).toList(),
                run("nft", "list", "ruleset"),
                run("iptables-save").lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n"),
                run("ip", "xfrm", "policy"));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
