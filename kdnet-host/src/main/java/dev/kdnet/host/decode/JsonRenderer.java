package dev.kdnet.host.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * One JSON object per datagram with the fields of the text line: {@code frame}, {@code time} (seconds since the
 * first frame), {@code src}, {@code dst}, {@code ttl}, {@code df}, {@code udpChecksum} ({@code zero}/{@code set}),
 * {@code version}, {@code channel}, {@code length}, {@code direction}, {@code sequence}, {@code pad}, {@code key},
 * {@code verdict} ({@link Verdict#label()}), {@code reason}, {@code kind} and {@code content} (the decoded fields
 * by name). Fields that decoding did not reach are left out.
 */
public final class JsonRenderer implements DatagramRenderer {
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String line(DecodedDatagram datagram) {
        ObjectNode node = mapper.createObjectNode();
        node.put("frame", datagram.frame());
        node.put("time", BigDecimal.valueOf(datagram.relativeNanos() / 1000, 6));
        IpDetails ip = datagram.ip();
        if (ip != null) {
            node.put("src", ip.source()).put("dst", ip.destination()).put("ttl", ip.ttl())
                    .put("df", ip.dontFragment()).put("udpChecksum", ip.udpChecksumState());
        }
        ClearHeader clear = datagram.clear();
        if (clear != null) {
            node.put("version", clear.version()).put("channel", clear.channelName()).put("length", clear.length());
        }
        OpenedHeader opened = datagram.opened();
        if (opened != null) {
            node.put("direction", opened.direction().arrow()).put("sequence", opened.sequence())
                    .put("pad", opened.pad()).put("key", opened.key());
        }
        node.put("verdict", datagram.verdict().label());
        if (datagram.reason() != null) {
            node.put("reason", datagram.reason());
        }
        if (datagram.content() != null) {
            node.put("kind", datagram.content().kind());
            ObjectNode content = node.putObject("content");
            datagram.content().fields().forEach(field -> content.set(field.name(), mapper.valueToTree(field.value())));
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", impossible);
        }
    }
}
