/**
 * Offline decoding of KDNET captures: {@link dev.kdnet.host.decode.CaptureDecoder} opens every frame of a pcap or
 * pcapng file the way a host would (control with the root key, data with the key of the last verified response) and
 * describes it as a {@link dev.kdnet.host.decode.DecodedDatagram}; {@link dev.kdnet.host.decode.TextRenderer} and
 * {@link dev.kdnet.host.decode.JsonRenderer} turn those into lines.
 */
package dev.kdnet.host.decode;
