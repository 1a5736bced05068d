package dev.kdnet.host.decode;

import java.util.Objects;

/**
 * One decoded item of a datagram's content: a name and value for JSON, and the way the text line shows it.
 *
 * @param name  the JSON name, e.g. {@code id}
 * @param value the JSON value: a {@link String}, {@link Long} or {@link Integer}
 * @param text  the item as the text line shows it, e.g. {@code id=0x80000000} or {@code GetVersion}
 */
public record Field(String name, Object value, String text) {
    /** Checks that nothing is null. */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** A number shown as {@code name=value} in decimal. */
    public static Field number(String name, long value) {
        return new Field(name, value, name + "=" + value);
    }

    /** An unsigned 32-bit value shown as {@code name=0x%08x}; JSON gets the same hex string. */
    public static Field hex32(String name, int value) {
        String hex = String.format("0x%08x", value);
        return new Field(name, hex, name + "=" + hex);
    }

    /** An address shown as {@code name=0x%x}; JSON gets the same hex string. */
    public static Field address(String name, long value) {
        String hex = "0x" + Long.toHexString(value);
        return new Field(name, hex, name + "=" + hex);
    }

    /** A word shown as {@code name=value}, e.g. an endpoint or a nonce in hex. */
    public static Field word(String name, String value) {
        return new Field(name, value, name + "=" + value);
    }

    /** Text from the target shown quoted and escaped, {@code name='…'}; JSON gets the raw text. */
    public static Field quoted(String name, String value) {
        return new Field(name, value, name + "=" + QuotedText.quote(value));
    }

    /** A name that the text line shows alone, e.g. the manipulate API {@code GetVersion}. */
    public static Field bare(String name, String value) {
        return new Field(name, value, value);
    }
}
