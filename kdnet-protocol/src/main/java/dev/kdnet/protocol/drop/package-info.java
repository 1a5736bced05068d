/** Counting and rate-limited logging of datagrams dropped from the network, shared by host and target. */
package dev.kdnet.protocol.drop;
