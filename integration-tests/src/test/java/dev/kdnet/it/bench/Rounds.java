package dev.kdnet.it.bench;

import java.util.ArrayList;
import java.util.List;

/** The values one quantity took in the rounds of a run, and their median. */
final class Rounds {
    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    /** The median (the mean of the middle two for an even count). */
    double median() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no rounds");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The smallest and largest value, as {@code min..max}. */
    String range(String format) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(format, sorted.get(0)) + ".." + String.format(format, sorted.get(sorted.size() - 1));
    }
}
