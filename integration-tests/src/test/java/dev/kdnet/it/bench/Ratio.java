package dev.kdnet.it.bench;

/** A ratio of two {@link Measurement}s, taken within each round. */
enum Ratio {
    /** The target: ≥ 0.85. */
    PULL_OVER_RAW(Measurement.PULL, Measurement.RAW),
    /** The fallback target if the ACKs alone put 0.85 out of reach: ≥ 0.90. */
    PULL_OVER_KD(Measurement.PULL, Measurement.KD),
    /** What KDNET's crypto leaves of the raw rate. */
    SEALED_OVER_RAW(Measurement.SEALED_KD, Measurement.RAW),
    /** What the event-loop transport leaves of the raw rate, in the KD pattern. */
    LOOP_KD_OVER_RAW(Measurement.LOOP_KD, Measurement.RAW),
    /** What crypto and the event-loop transport together leave: the ceiling of pull / raw for this architecture. */
    LOOP_SEALED_OVER_RAW(Measurement.LOOP_SEALED_KD, Measurement.RAW),
    /** What the KD and session layers, the engine and the simulated kernel leave of that ceiling. */
    PULL_OVER_LOOP_SEALED(Measurement.PULL, Measurement.LOOP_SEALED_KD);

    private final Measurement numerator;
    private final Measurement denominator;

    Ratio(Measurement numerator, Measurement denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    Measurement numerator() {
        return numerator;
    }

    Measurement denominator() {
        return denominator;
    }

    /** The column title in the report. */
    String title() {
        return name(numerator) + " / " + name(denominator);
    }

    private static String name(Measurement measurement) {
        return measurement == Measurement.PULL ? "pull" : measurement.title();
    }
}
