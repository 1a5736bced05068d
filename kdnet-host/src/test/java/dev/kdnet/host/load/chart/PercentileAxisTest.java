package dev.kdnet.host.load.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class PercentileAxisTest {
    private static PercentileAxis covering(double... percentiles) {
        return PercentileAxis.covering("percentile", DoubleStream.of(percentiles));
    }

    @Test
    void givesEachNineTheSameWidthUpToTheFirstNinePastTheHighestPercentile() {
        PercentileAxis axis = covering(0, 50, 90, 99, 99.5);

        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("0%", "90%", "99%", "99.9%");
        assertThat(axis.ticks()).extracting(Tick::fraction).containsExactly(0.0, 1 / 3.0, 2 / 3.0, 1.0);
    }

    @Test
    void placesAPercentileAtLogOfOneOverOneMinusP() {
        PercentileAxis axis = covering(0, 99.99);

        assertThat(axis.fraction(0)).isEqualTo(0);
        assertThat(axis.fraction(90)).isCloseTo(0.25, within(1e-9));
        assertThat(axis.fraction(99)).isCloseTo(0.5, within(1e-9));
        assertThat(axis.fraction(99.9)).isCloseTo(0.75, within(1e-9));
        assertThat(axis.fraction(50)).isCloseTo(Math.log10(2) / 4, within(1e-9));
        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("0%", "90%", "99%", "99.9%", "99.99%");
    }

    @Test
    void givesTheMaximumATickOfItsOwnOneNinePastTheLast() {
        PercentileAxis axis = covering(0, 99, 100);

        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("0%", "90%", "99%", "max");
        assertThat(axis.ticks()).extracting(Tick::fraction).containsExactly(0.0, 1 / 3.0, 2 / 3.0, 1.0);
        assertThat(axis.fraction(100)).isEqualTo(1);
    }

    @Test
    void showsAtLeastTheFirstNine() {
        assertThat(covering(0, 50).ticks()).extracting(Tick::label).containsExactly("0%", "90%");
        assertThat(covering().ticks()).extracting(Tick::label).containsExactly("0%", "90%");
    }

    @Test
    void stopsAtSevenNinesAndDrawsHigherPercentilesAtItsEnd() {
        PercentileAxis axis = covering(0, 99.999_999_999_9);

        assertThat(axis.ticks()).hasSize(PercentileAxis.MOST_NINES + 1);
        assertThat(axis.ticks().get(PercentileAxis.MOST_NINES).label()).isEqualTo("99.99999%");
        assertThat(axis.fraction(99.999_999_999_9)).isEqualTo(1);
    }
}
