package dev.kdnet.host.load.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class LinearAxisTest {
    private static LinearAxis covering(double... values) {
        return LinearAxis.covering("MB/s", DoubleStream.of(values));
    }

    @Test
    void startsAtZeroAndEndsOnTheFirstRoundTickPastTheLargestValue() {
        LinearAxis axis = covering(1.2, 7.3, 4.0);

        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("0", "2", "4", "6", "8");
        assertThat(axis.end()).isEqualTo(8);
    }

    @Test
    void placesValuesProportionally() {
        LinearAxis axis = covering(7.3);

        assertThat(axis.fraction(0)).isEqualTo(0);
        assertThat(axis.fraction(4)).isCloseTo(0.5, within(1e-12));
        assertThat(axis.fraction(8)).isCloseTo(1, within(1e-12));
        assertThat(axis.ticks()).extracting(Tick::fraction).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void writesFractionalStepsWithAsManyDecimalsAsTheStepNeeds() {
        assertThat(covering(0.11).ticks()).extracting(Tick::label)
                .containsExactly("0.000", "0.025", "0.050", "0.075", "0.100", "0.125");
    }

    @Test
    void groupsThousandsInLargeLabels() {
        assertThat(covering(12_345).ticks()).extracting(Tick::label)
                .containsExactly("0", "2,500", "5,000", "7,500", "10,000", "12,500");
    }

    @Test
    void coversNegativeValuesFromARoundTickBelowThem() {
        LinearAxis axis = covering(-3, 7);

        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("-4", "-2", "0", "2", "4", "6", "8");
    }

    @Test
    void withoutFiniteValuesRunsFromZeroToOne() {
        LinearAxis axis = covering(Double.NaN, Double.POSITIVE_INFINITY);

        assertThat(axis.ticks()).extracting(Tick::label).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(LinearAxis.covering("s", DoubleStream.empty()).end()).isEqualTo(1);
    }
}
