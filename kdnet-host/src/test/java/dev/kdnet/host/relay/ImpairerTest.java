package dev.kdnet.host.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decisions: repeatable for a seed, and the configured shares over many datagrams. */
class ImpairerTest {
    private static final int DATAGRAMS = 100_000;
    private static final Impairment SETTINGS = new Impairment(0.05, 0.01, 0.02, Duration.ofMillis(1),
            Duration.ofNanos(500_000), 0.005);

    private static List<Verdict> decisions(long seed) {
        Impairer impairer = new Impairer(SETTINGS, seed);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < DATAGRAMS; i++) {
            verdicts.add(impairer.decide(100));
        }
        return verdicts;
    }

    @Test
    void theSameSeedGivesTheSameDecisions() {
        assertThat(decisions(42)).isEqualTo(decisions(42)).isNotEqualTo(decisions(43));
    }

    @Test
    void givesTheConfiguredSharesAndDelays() {
        List<Verdict> verdicts = decisions(7);
        List<Verdict> forwarded = verdicts.stream().filter(v -> !v.drop()).toList();

        double loss = 1 - (double) forwarded.size() / DATAGRAMS;
        double duplicate = share(forwarded, Verdict::duplicate);
        double reorder = share(forwarded, Verdict::holdBack);
        double corrupt = share(forwarded, Verdict::corrupts);
        System.out.printf("measured over %d: loss %.4f, dup %.4f, reorder %.4f, corrupt %.4f%n", DATAGRAMS, loss,
                duplicate, reorder, corrupt);
        assertThat(loss).isCloseTo(0.05, within(0.003));
        assertThat(duplicate).isCloseTo(0.01, within(0.0015));
        assertThat(reorder).isCloseTo(0.02, within(0.002));
        assertThat(corrupt).isCloseTo(0.005, within(0.001));
        assertThat(forwarded).allSatisfy(v -> assertThat(v.delay())
                .isBetween(Duration.ofNanos(500_000), Duration.ofNanos(1_500_000)));
        assertThat(forwarded).filteredOn(Verdict::corrupts).allSatisfy(v -> assertThat(v.corruptBit())
                .isBetween(0, 799));
    }

    private static double share(List<Verdict> verdicts, java.util.function.Predicate<Verdict> which) {
        return (double) verdicts.stream().filter(which).count() / verdicts.size();
    }

    @Test
    void corruptionFlipsExactlyOneBit() {
        byte[] datagram = {0, 0, 0, 0};
        byte[] corrupted = new Verdict(false, false, false, Duration.ZERO, 19).apply(datagram);

        assertThat(corrupted).containsExactly(0, 0, 8, 0);
        assertThat(datagram).containsExactly(0, 0, 0, 0);
    }
}
