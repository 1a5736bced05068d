package dev.kdnet.host.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a verified datagram carries, described: a kind such as {@code CONTROL POKE/OFFER}, {@code KD UNUSED},
 * {@code KD DATA STATE_MANIPULATE} or {@code KD CTRL ACKNOWLEDGE}, and the decoded fields in display order.
 *
 * @param kind   the packet kind
 * @param fields the decoded fields (copied)
 */
public record Content(String kind, List<Field> fields) {
    /** Checks the kind and copies the fields. */
    public Content {
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
    }

    /** A content of {@code kind} with {@code fields}. */
    public static Content of(String kind, Field... fields) {
        return new Content(kind, List.of(fields));
    }

    /** This content with {@code more} fields appended. */
    public Content with(List<Field> more) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(more);
        return new Content(kind, all);
    }
}
