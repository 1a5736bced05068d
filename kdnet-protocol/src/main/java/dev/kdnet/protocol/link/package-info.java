/**
 * KD reliability (kd-protocol §2): the stop-and-wait state machine with ACK, RESEND and RESET, packet ids of the
 * KDNET dialect, duplicate detection and retransmission with an adaptive timeout. Transport-neutral: it talks to
 * the layer below through {@link dev.kdnet.protocol.link.KdLink.Output} and keeps time through a
 * {@link dev.kdnet.protocol.link.KdScheduler}, so tests drive it with a virtual clock and no sockets.
 */
package dev.kdnet.protocol.link;
