/**
 * KDNET control-channel messages: the target's poke, the host's response that keys the data channel, and the
 * empty body that asks a target to poke at once.
 */
package dev.kdnet.protocol.control;
