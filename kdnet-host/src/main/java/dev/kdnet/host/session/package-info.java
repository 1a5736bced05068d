/**
 * The KDNET side of the debugger host: one UDP socket per port, one target session per port (handshake, data
 * keys, sequence numbers, a host-role KD link), drop accounting and the diagnosis of a silent port.
 */
package dev.kdnet.host.session;
