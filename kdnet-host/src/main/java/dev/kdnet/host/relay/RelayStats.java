package dev.kdnet.host.relay;

/**
 * What the relay did in both directions.
 *
 * @param fromA datagrams from side A (the first sender) to the {@code --to} address
 * @param toA   datagrams from the {@code --to} address back to side A
 */
public record RelayStats(DirectionStats fromA, DirectionStats toA) {
}
