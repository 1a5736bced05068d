package dev.kdnet.host.load;

import java.util.List;

/**
 * The outcome of a load run.
 *
 * @param settings    how it ran
 * @param targets     each target's figures over the whole measurement, in port order
 * @param total       the targets summed
 * @param intervals   the reporting intervals, in time order
 * @param usage       what this host process used during the measurement
 * @param lostTargets the ports whose session was lost (a request failed), each with why
 */
public record LoadResult(LoadSettings settings, List<Figures> targets, Figures total, List<Interval> intervals,
        HostUsage usage, List<String> lostTargets) {
    /** Copies the lists. */
    public LoadResult {
        targets = List.copyOf(targets);
        intervals = List.copyOf(intervals);
        lostTargets = List.copyOf(lostTargets);
    }

    /** True when no session was lost and every byte checked was right: the run's exit status is 0. */
    public boolean passed() {
        return lostTargets.isEmpty() && total.tally().mismatches() == 0;
    }
}
