/**
 * The KDNET session layer, shared by host, target, capture decoder and test fakes, with no socket in it: a
 * {@link dev.kdnet.protocol.session.SessionPeer} opens one received datagram into exactly one
 * {@link dev.kdnet.protocol.session.Inbound} (a control message, a KD body, or a drop with its reason) and seals
 * outgoing control and data datagrams; the {@link dev.kdnet.protocol.session.DataChannel} holds the keyed data
 * channel's state. Sealed datagrams go out through a {@link dev.kdnet.protocol.session.DatagramSink}.
 */
package dev.kdnet.protocol.session;
