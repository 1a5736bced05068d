/**
 * The impairment relay: a UDP relay between host and target on loopback that drops, duplicates, reorders, delays
 * and corrupts datagrams. {@link dev.kdnet.host.relay.Impairer} decides, repeatably for a seed and without
 * sockets, what happens to each datagram; {@link dev.kdnet.host.relay.UdpRelay} applies the decisions to real
 * traffic.
 */
package dev.kdnet.host.relay;
