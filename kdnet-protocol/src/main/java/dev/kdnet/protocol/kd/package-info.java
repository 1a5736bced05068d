/**
 * KD framing inside KDNET data datagrams (kd-protocol §1): the 16-byte KD packet, its byte-sum checksum, packet
 * types as an open value class, the break-in byte and the target's 12-byte UNUSED hello.
 */
package dev.kdnet.protocol.kd;
