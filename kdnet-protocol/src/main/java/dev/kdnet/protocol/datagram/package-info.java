/**
 * The KDNET datagram: {@code MDBG} header, sealing (HMAC, then AES-256-CBC with the tag as IV) and opening
 * (decrypt, verify, parse) into typed outcomes that never throw on network input.
 */
package dev.kdnet.protocol.datagram;
