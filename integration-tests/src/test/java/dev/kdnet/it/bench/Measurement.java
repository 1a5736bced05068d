package dev.kdnet.it.bench;

/** What one round measures at each chunk size, in exchanges/s, one after another. */
enum Measurement {
    /** Blocking raw pair: request, reply. */
    RAW("raw ping-pong"),
    /** Blocking raw pair: request, ACK + reply, ACK (kd-protocol §2). */
    KD("raw KD pattern"),
    /** Blocking raw pair, KD pattern, every datagram sealed and opened with KDNET's crypto. */
    SEALED_KD("raw KD pattern, sealed"),
    /** Event-loop raw pair (the project's UdpTransport on both ends), KD pattern. */
    LOOP_KD("event-loop raw KD pattern"),
    /** Event-loop raw pair, KD pattern, sealed: what the protocol and the transport cost, nothing else. */
    LOOP_SEALED_KD("event-loop raw KD pattern, sealed"),
    /** ReadPhysicalMemory through the debugger API against the simulated target. */
    PULL("memory pull");

    private final String title;

    Measurement(String title) {
        this.title = title;
    }

    /** The column title in the report. */
    String title() {
        return title;
    }
}
