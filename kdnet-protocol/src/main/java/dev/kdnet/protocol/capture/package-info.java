/**
 * Capture files: a pcap/pcapng reader (gzip-aware) and the extraction of IPv4/UDP datagrams from captured frames,
 * so that real KDNET traffic can be decoded and checked.
 */
package dev.kdnet.protocol.capture;
