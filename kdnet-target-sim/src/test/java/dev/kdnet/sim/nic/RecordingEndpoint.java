package dev.kdnet.sim.nic;

import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.sim.stub.KdEndpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A KD endpoint for agent tests: records what the agent hands it, and sends bodies or asks for a reboot on the
 * agent's event loop when a test says so.
 */
final class RecordingEndpoint implements KdEndpoint {
    private final KdScheduler scheduler;
    private final Runnable rebootRequest;
    private final List<KdLink.Output> outputs = new CopyOnWriteArrayList<>();
    private final List<KdBody> received = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    RecordingEndpoint(KdScheduler scheduler, Runnable rebootRequest) {
        this.scheduler = scheduler;
        this.rebootRequest = rebootRequest;
    }

    @Override
    public void hostConnected(KdLink.Output output) {
        outputs.add(output);
    }

    @Override
    public void receive(KdBody body) {
        received.add(body);
    }

    @Override
    public KdLinkStats stats() {
        return KdLinkStats.NONE;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** How often the agent reported a connected host. */
    int connections() {
        return outputs.size();
    }

    /** The bodies the agent delivered, in order. */
    List<KdBody> received() {
        return List.copyOf(received);
    }

    /** True once the agent closed this endpoint. */
    boolean isClosed() {
        return closed;
    }

    /** Sends {@code body} through the latest output, on the agent's event loop. */
    void send(KdBody body) {
        KdLink.Output output = outputs.get(outputs.size() - 1);
        scheduler.schedule(() -> output.transmit(body), 0);
    }

    /** Runs the reboot request on the agent's event loop, as the kernel does when it restarts itself. */
    void requestReboot() {
        scheduler.schedule(rebootRequest, 0);
    }
}
