package dev.kdnet.host.relay;

/**
 * What the relay did with the datagrams of one direction. {@code forwarded + dropped} is the number that arrived;
 * each forwarded datagram is sent once, the duplicated ones once more.
 *
 * @param forwarded  datagrams sent on (not dropped)
 * @param dropped    datagrams dropped
 * @param duplicated forwarded datagrams sent a second time
 * @param reordered  forwarded datagrams held back until the next one had been sent or a time limit passed
 * @param delayed    forwarded datagrams sent after a wait
 * @param corrupted  forwarded datagrams with one bit flipped
 */
public record DirectionStats(long forwarded, long dropped, long duplicated, long reordered, long delayed,
        long corrupted) {
    /** Nothing counted. */
    public static final DirectionStats ZERO = new DirectionStats(0, 0, 0, 0, 0, 0);

    /** This and {@code other} added, e.g. over several relays. */
    public DirectionStats plus(DirectionStats other) {
        return new DirectionStats(forwarded + other.forwarded, dropped + other.dropped,
                duplicated + other.duplicated, reordered + other.reordered, delayed + other.delayed,
                corrupted + other.corrupted);
    }

    /** One line: {@code forwarded 950, dropped 50, duplicated 10, ...}. */
    public String summary() {
        return "forwarded " + forwarded + ", dropped " + dropped + ", duplicated " + duplicated + ", reordered "
                + reordered + ", delayed " + delayed + ", corrupted " + corrupted;
    }
}
