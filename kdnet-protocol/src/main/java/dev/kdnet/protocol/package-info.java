/**
 * KDNET protocol core: everything the debugger host and the simulated target share and that needs no socket.
 *
 * <p>Sub-packages, bottom up: {@code key} (key strings and derived keys), {@code datagram} (sealing and opening
 * MDBG datagrams), {@code control} (poke and response), {@code kd} (KD packet framing), {@code dbgkd} (DBGKD
 * payload layouts), {@code link} (the KD reliability state machine), {@code capture} (pcap/pcapng reading) and
 * {@code netty} (codecs and socket options).
 */
package dev.kdnet.protocol;
