package dev.kdnet.protocol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The datagram vectors of {@code ../shared/spec/kdnet-vectors.json}, one record per vector. */
public final class KdnetVectors {
    private KdnetVectors() {
    }

    /** One real datagram and what it means. */
    public record Vector(String session, String name, String keyString, String dataKeyHex, byte[] wire, int version,
            int channel, long sequence, boolean toTarget, int pad, byte[] plaintext, byte[] body) {
        @Override
        public String toString() {
            return session + "/" + name;
        }
    }

    /** All vectors of every session in the file (skips the caller if ../shared is absent). */
    public static List<Vector> all() {
        try {
            JsonNode root = new ObjectMapper().readTree(SharedFiles.vectors().toFile());
            List<Vector> vectors = new ArrayList<>();
            root.fields().forEachRemaining(session -> {
                JsonNode s = session.getValue();
                for (JsonNode v : s.get("vectors")) {
                    vectors.add(new Vector(session.getKey(), v.get("name").asText(), s.get("key_string").asText(),
                            s.get("data_key_hex").asText(), Hex.bytes(v.get("udp_payload_hex").asText()),
                            v.get("version").asInt(), v.get("channel").asInt(), v.get("seq").asLong(),
                            v.get("to_target").asBoolean(), v.get("pad").asInt(),
                            Hex.bytes(v.get("plaintext_hex").asText()), Hex.bytes(v.get("body_hex").asText())));
                }
            });
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
