package dev.kdnet.sim.nic;

import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.sim.stub.KdEndpoint;
import dev.kdnet.sim.stub.KdEndpointFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Boots {@link RecordingEndpoint}s and keeps every one, in boot order. */
final class RecordingEndpoints implements KdEndpointFactory {
    private final List<RecordingEndpoint> boots = new CopyOnWriteArrayList<>();

    @Override
    public KdEndpoint boot(KdScheduler scheduler, Runnable rebootRequest) {
        RecordingEndpoint endpoint = new RecordingEndpoint(scheduler, rebootRequest);
        boots.add(endpoint);
        return endpoint;
    }

    /** Every endpoint booted so far. */
    List<RecordingEndpoint> boots() {
        return List.copyOf(boots);
    }

    /** The endpoint of the latest boot. */
    RecordingEndpoint current() {
        return boots.get(boots.size() - 1);
    }
}
