/**
 * Netty glue: a {@link dev.kdnet.protocol.session.DatagramSink} that writes to a bound datagram channel, a
 * transport helper that opens epoll UDP sockets with the TTL and DF a KDNET target uses, and link timers on the
 * event loop.
 */
package dev.kdnet.protocol.netty;
