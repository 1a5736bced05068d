package dev.kdnet.host.lab;

/** Reads {@code ip -o link show}: whether a namespace's links are running. */
final class LinkStates {
    private static final String LOOPBACK = "LOOPBACK";
    private static final String RUNNING = "state UP";

    private LinkStates() {
    }

    /** Whether every interface but loopback in {@code ip -o link show}'s output (one line each) is {@code state UP}. */
    static boolean allLinksUp(String oneLinePerLink) {
        return oneLinePerLink.lines().filter(line -> !line.isBlank() && !line.contains(LOOPBACK))
                .allMatch(line -> line.contains(RUNNING));
    }
}
