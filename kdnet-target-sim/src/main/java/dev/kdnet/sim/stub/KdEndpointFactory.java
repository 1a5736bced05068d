package dev.kdnet.sim.stub;

import dev.kdnet.protocol.link.KdScheduler;

/** Makes the {@link KdEndpoint} of a freshly booted target. */
@FunctionalInterface
public interface KdEndpointFactory {
    /**
     * A new endpoint (a new boot of the simulated kernel).
     *
     * @param scheduler     timers on the target's event loop
     * @param rebootRequest run (on the event loop) when the kernel restarts itself (Reboot, CauseBugCheck): the
     *                      agent then closes this endpoint, boots a new one, draws a new boot nonce and handshakes
     *                      again
     */
    KdEndpoint boot(KdScheduler scheduler, Runnable rebootRequest);
}
