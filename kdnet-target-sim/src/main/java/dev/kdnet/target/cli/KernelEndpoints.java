package dev.kdnet.target.cli;

import dev.kdnet.target.stub.KdEndpointFactory;

/**
 * Where the command line gets the KD side of its targets: the KD stub over a simulated kernel. This is the single
 * point where the NIC agent and the kernel meet.
 */
public final class KernelEndpoints {
    private KernelEndpoints() {
    }

    /** The factory that boots a simulated kernel with {@code settings} behind each target's KD endpoint. */
    public static KdEndpointFactory factory(KernelSettings settings) {
        throw new UnsupportedOperationException("the simulated kernel arrives with the KD stub");
    }
}
