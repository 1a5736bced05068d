package dev.kdnet.sim.cli;

import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.WindowsBuild;
import dev.kdnet.sim.stub.KdEndpointFactory;
import dev.kdnet.sim.stub.KdStub;

/**
 * Where the command line gets the KD side of its targets: the KD stub over a simulated kernel. This is the single
 * point where the NIC agent and the kernel meet.
 */
public final class KernelEndpoints {
    private KernelEndpoints() {
    }

    /**
     * The factory that boots a simulated kernel with {@code settings} behind each target's KD endpoint.
     *
     * @throws UsageException naming the setting the kernel refuses (an unknown build, a CPU count out of range)
     */
    public static KdEndpointFactory factory(KernelSettings settings) {
        try {
            KernelConfig defaults = KernelConfig.defaults();
            return KdStub.factory(new KernelConfig(WindowsBuild.of(settings.build()), settings.cpus(),
                    settings.printInterval(), settings.printText(), defaults.instructionsPerTick(),
                    settings.loadSeed()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
