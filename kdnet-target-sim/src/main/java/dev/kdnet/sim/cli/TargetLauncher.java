package dev.kdnet.sim.cli;

import dev.kdnet.protocol.args.UsageException;

/** Runs the targets a checked command line describes; tests put a recorder in its place. */
@FunctionalInterface
interface TargetLauncher {
    /**
     * Runs until stopped.
     *
     * @return the exit code
     * @throws UsageException if the settings turn out unusable here (e.g. no route to the host)
     * @throws Exception      if the targets cannot run; the command line prints its message in one line
     */
    int launch(TargetOptions options) throws Exception;
}
