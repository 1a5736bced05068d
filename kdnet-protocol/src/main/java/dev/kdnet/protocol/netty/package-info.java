/**
 * Netty glue: a sharable codec between {@link io.netty.channel.socket.DatagramPacket} and sealed KDNET envelopes,
 * and a transport helper that opens epoll UDP sockets with the TTL and DF a KDNET target uses.
 */
package dev.kdnet.protocol.netty;
