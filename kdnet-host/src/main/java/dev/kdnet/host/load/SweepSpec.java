package dev.kdnet.host.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code --sweep PARAMETER=V1,V2,...}: one run per value of one parameter.
 *
 * @param parameter what is swept
 * @param values    the values as written, in the order run
 */
public record SweepSpec(Parameter parameter, List<String> values) {
    /** What a sweep may vary. */
    public enum Parameter {
        /** The relay's delay each way, e.g. {@code 0.5ms}. */
        DELAY("delay", "ms"),
        /** The relay's loss, e.g. {@code 5%}. */
        LOSS("loss", "%"),
        /** The bytes per request. */
        REQUEST_SIZE("request-size", "B"),
        /** How many simulated targets, each value a fleet of its own. */
        TARGETS("targets", "");

        private final String optionName;
        private final String unit;

        Parameter(String optionName, String unit) {
            this.optionName = optionName;
            this.unit = unit;
        }

        /** The name in {@code --sweep}, e.g. {@code request-size}. */
        public String optionName() {
            return optionName;
        }

        /** The unit of its values on a chart's axis. */
        public String unit() {
            return unit;
        }

        /** True if the relays carry it. */
        public boolean impairs() {
            return this == DELAY || this == LOSS;
        }
    }

    /** Copies the values. */
    public SweepSpec {
        values = List.copyOf(values);
    }

    /** The sweep {@code text} gives; IllegalArgumentException saying what is expected otherwise. */
    public static SweepSpec parse(String text) {
        int equals = text.indexOf('=');
        String names = Arrays.stream(Parameter.values()).map(Parameter::optionName)
                .collect(Collectors.joining(", "));
        if (equals < 0 || equals == text.length() - 1) {
            throw new IllegalArgumentException("--sweep " + text + ": expected PARAMETER=V1,V2,... with PARAMETER one"
                    + " of " + names);
        }
        String name = text.substring(0, equals).toLowerCase(Locale.ROOT);
        for (Parameter parameter : Parameter.values()) {
            if (parameter.optionName.equals(name)) {
                return new SweepSpec(parameter, Arrays.stream(text.substring(equals + 1).split(","))
                        .map(String::strip).toList());
            }
        }
        throw new IllegalArgumentException("--sweep " + text + ": " + name + " is not one of " + names);
    }
}
