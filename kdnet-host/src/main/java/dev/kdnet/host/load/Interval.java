package dev.kdnet.host.load;

import java.util.List;

/**
 * One reporting interval of a load run.
 *
 * @param startSeconds seconds from the start of measurement to the interval's start
 * @param endSeconds   seconds from the start of measurement to the interval's end
 * @param targets      each target's figures over the interval, in port order
 * @param sum          the targets summed
 */
public record Interval(double startSeconds, double endSeconds, List<Figures> targets, Figures sum) {
    /** Copies the list. */
    public Interval {
        targets = List.copyOf(targets);
    }
}
