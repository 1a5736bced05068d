package dev.kdnet.protocol;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of decoding bytes that came from the network: either a value or the reason it is malformed.
 *
 * <p>Decoders of untrusted input return this instead of throwing, so a handler can count and drop bad input
 * without an exception ever escaping.
 *
 * @param <T> the decoded value type
 */
public sealed interface Decoded<T> permits Decoded.Ok, Decoded.Malformed {

    /** A successfully decoded value. */
    record Ok<T>(T value) implements Decoded<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Input that could not be decoded, with a short human-readable reason. */
    record Malformed<T>(String reason) implements Decoded<T> {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Returns a successful outcome. */
    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Returns a malformed outcome with a reason. */
    static <T> Decoded<T> malformed(String reason) {
        return new Malformed<>(reason);
    }

    /** True if this is {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} naming the reason if malformed. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("malformed: " + ((Malformed<T>) this).reason());
    }

    /** Maps the value of a successful outcome; a malformed outcome keeps its reason. */
    default <R> Decoded<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return new Malformed<>(((Malformed<T>) this).reason());
    }
}
