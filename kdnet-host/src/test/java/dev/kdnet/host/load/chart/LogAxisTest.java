package dev.kdnet.host.load.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class LogAxisTest {
    @Test
    void runsFromTheDecadeBelowTheSmallestToTheDecadeAboveTheLargestWithATickEach() {
        LogAxis axis = LogAxis.covering("MB/s", DoubleStream.of(0.106, 0.87, 207.6));

        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("0.1", "1", "10", "100", "1,000");
        assertThat(axis.ticks()).extracting(Tick::fraction).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void placesValuesByTheirLogarithm() {
        LogAxis axis = LogAxis.covering("MB/s", DoubleStream.of(0.1, 1000));

        assertThat(axis.fraction(0.1)).isCloseTo(0, within(1e-12));
        assertThat(axis.fraction(1)).isCloseTo(0.25, within(1e-12));
        assertThat(axis.fraction(Math.sqrt(10))).isCloseTo(0.375, within(1e-12));
        assertThat(axis.fraction(0)).as("nothing measured sits at the start").isZero();
    }

    @Test
    void onlyValuesSpanningMoreThanTwentyTimesSuitIt() {
        assertThat(LogAxis.suits(DoubleStream.of(0.1, 207))).isTrue();
        assertThat(LogAxis.suits(DoubleStream.of(0.4, 0.9, 3.2))).isFalse();
        assertThat(LogAxis.suits(DoubleStream.of(0, 5))).as("zero has no logarithm").isFalse();
    }
}
