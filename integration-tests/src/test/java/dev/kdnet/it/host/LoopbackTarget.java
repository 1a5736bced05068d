package dev.kdnet.it.host;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.protocol.link.KdScheduler;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.TargetAgent;
import dev.kdnet.sim.stub.KdEndpoint;
import dev.kdnet.sim.stub.KdEndpointFactory;
import dev.kdnet.sim.stub.KdStub;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A simulated target on its own loopback address (127.0.0.2 and up) poking the host at 127.0.0.1:P (or another
 * loopback address, such as a relay's) every 200 ms, with its current kernel reachable for comparisons. It can be
 * power-cycled from the target side (see {@link #powerCycleOnPhysicalRead}).
 */
public final class LoopbackTarget implements AutoCloseable {
    /** The first port bcdedit takes for KDNET. */
    private static final int DYNAMIC_FIRST = 49152;
    private static final int LAST_PORT = 65535;

    static final Duration POKE_INTERVAL = Duration.ofMillis(200);
    private static final int HOST_ADDRESS_BYTE = 1;
    private static final long DISARMED = -1;
    private static final Consumer<SimulatedKernel> AS_BOOTED = kernel -> { };

    private final UdpTransport ownTransport;
    private final AtomicReference<KdStub> stub = new AtomicReference<>();
    private final AtomicLong powerCycleAt = new AtomicLong(DISARMED);
    private final AtomicReference<KdScheduler> stubLoop = new AtomicReference<>();
    private final TargetAgent agent;

    /** A target on a transport of its own, closed with it. */
    LoopbackTarget(KdnetKey key, int port, int addressByte, KernelConfig kernel) throws Exception {
        this(key, port, addressByte, kernel, POKE_INTERVAL);
    }

    /** A target on a transport of its own that pokes every {@code pokeInterval}. */
    LoopbackTarget(KdnetKey key, int port, int addressByte, KernelConfig kernel, Duration pokeInterval)
            throws Exception {
        this(UdpTransport.create(1), true, key, port, addressByte, HOST_ADDRESS_BYTE, kernel, pokeInterval,
                AS_BOOTED);
    }

    /**
     * A target on a transport of its own whose host (or a relay in front of it) is 127.0.0.{hostAddressByte}, and
     * whose machine, at every boot, finds {@code ram} in physical memory from {@code physicalAddress} on, as
     * firmware that initialised RAM the same way each time would leave it.
     */
    static LoopbackTarget withRam(int hostAddressByte, KdnetKey key, int port, int addressByte, KernelConfig kernel,
            long physicalAddress, byte[] ram) throws Exception {
        return new LoopbackTarget(UdpTransport.create(1), true, key, port, addressByte, hostAddressByte, kernel,
                POKE_INTERVAL, booted -> booted.physical().write(physicalAddress, ram));
    }

    /** A target on a transport of its own whose host (or a relay in front of it) is 127.0.0.{hostAddressByte}. */
    static LoopbackTarget towards(int hostAddressByte, KdnetKey key, int port, int addressByte, KernelConfig kernel)
            throws Exception {
        return new LoopbackTarget(UdpTransport.create(1), true, key, port, addressByte, hostAddressByte, kernel,
                POKE_INTERVAL, AS_BOOTED);
    }

    private LoopbackTarget(UdpTransport transport, boolean ownsTransport, KdnetKey key, int port, int addressByte,
            int hostAddressByte, KernelConfig kernel, Duration pokeInterval, Consumer<SimulatedKernel> atBoot)
            throws Exception {
        this.ownTransport = ownsTransport ? transport : null;
        KdEndpointFactory stubs = KdStub.factory(kernel);
        KdEndpointFactory capturing = (scheduler, reboot) -> {
            KdStub booted = (KdStub) stubs.boot(scheduler, reboot);
            atBoot.accept(booted.kernel());
            stubLoop.set(scheduler);
            stub.set(booted);
            return new PowerSwitch(booted, reboot);
        };
        AgentConfig config = AgentConfig.of(key, loopback(hostAddressByte), port, loopback(addressByte))
                .withPokeInterval(pokeInterval);
        agent = TargetAgent.start(transport, config, capturing);
    }

    /** A target on {@code transport}, shared with others: closing the target leaves it open. */
    static LoopbackTarget on(UdpTransport transport, KdnetKey key, int port, int addressByte, KernelConfig kernel)
            throws Exception {
        return new LoopbackTarget(transport, false, key, port, addressByte, HOST_ADDRESS_BYTE, kernel,
                POKE_INTERVAL, AS_BOOTED);
    }

    /** The loopback address 127.0.0.{lastByte}. */
    static Inet4Address loopback(int lastByte) throws IOException {
        return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte});
    }

    /** A UDP port free on 127.0.0.1 now. */
    static int freePort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /**
     * A UDP port free on 127.0.0.1 and 127.0.0.2 now, in 49152-65535: the ports bcdedit takes for KDNET, which
     * keygen and {@code target --newkey} insist on (the system's ephemeral ports may start lower).
     */
    static int freeKdnetPort() {
        for (int port = ThreadLocalRandom.current().nextInt(DYNAMIC_FIRST, LAST_PORT), tries = 0; tries < 200;
                tries++, port = port == LAST_PORT ? DYNAMIC_FIRST : port + 1) {
            if (allFree(port, 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free UDP port found on loopback in " + DYNAMIC_FIRST + "-" + LAST_PORT);
    }

    /** A run of {@code count} consecutive UDP ports free on 127.0.0.1 and 127.0.0.2 now; returns the first. */
    public static int freePorts(int count) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            int first = freePort();
            if (first + count <= 65536 && allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports found on loopback");
    }

    private static boolean allFree(int first, int count) {
        List<DatagramSocket> probes = new ArrayList<>();
        try {
            for (int port = first; port < first + count; port++) {
                probes.add(new DatagramSocket(port, InetAddress.getByName("127.0.0.1")));
                probes.add(new DatagramSocket(port, InetAddress.getByName("127.0.0.2")));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            probes.forEach(DatagramSocket::close);
        }
    }

    /** The kernel booted last (a reboot boots a new one); null before the first handshake. */
    SimulatedKernel kernel() {
        KdStub booted = stub.get();
        return booted == null ? null : booted.kernel();
    }

    /** {@code query} applied to the stub booted last, on the target's event loop where the stub's state lives. */
    <T> T onStub(Function<KdStub, T> query) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        stubLoop.get().schedule(() -> {
            try {
                result.complete(query.apply(stub.get()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, 0);
        return result.get(5, TimeUnit.SECONDS);
    }

    TargetAgent agent() {
        return agent;
    }

    /**
     * Arms a one-shot power cycle: when the debugger next asks for physical memory at or above
     * {@code physicalAddress}, the machine goes off before answering and boots again (a new kernel, a new boot
     * nonce, a new handshake), as if its reset button were pressed; the debugger did not ask for it.
     */
    void powerCycleOnPhysicalRead(long physicalAddress) {
        powerCycleAt.set(physicalAddress);
    }

    private static boolean readsPhysicalFrom(KdBody body, long physicalAddress) {
        return body instanceof KdPacket packet && packet.type().equals(KdPacketType.STATE_MANIPULATE)
                && ManipulateState64.decode(packet.payload()) instanceof Decoded.Ok<ManipulateState64> request
                && request.value().api().equals(ManipulateApi.READ_PHYSICAL_MEMORY)
                && Long.compareUnsigned(MemoryTransfer.from(request.value().union()).targetBaseAddress(),
                        physicalAddress) >= 0;
    }

    /** The KD endpoint of one boot behind the machine's power switch: once switched off, it hears nothing more. */
    private final class PowerSwitch implements KdEndpoint {
        private final KdEndpoint booted;
        private final Runnable reboot;
        private boolean off;

        PowerSwitch(KdEndpoint booted, Runnable reboot) {
            this.booted = booted;
            this.reboot = reboot;
        }

        @Override
        public void hostConnected(KdLink.Output output) {
            booted.hostConnected(output);
        }

        @Override
        public void receive(KdBody body) {
            long at = powerCycleAt.get();
            if (!off && at != DISARMED && readsPhysicalFrom(body, at) && powerCycleAt.compareAndSet(at, DISARMED)) {
                off = true;
                reboot.run();
            }
            if (!off) {
                booted.receive(body);
            }
        }

        @Override
        public KdLinkStats stats() {
            return booted.stats();
        }

        @Override
        public void close() {
            booted.close();
        }
    }

    @Override
    public void close() {
        agent.close();
        if (ownTransport != null) {
            ownTransport.close();
        }
    }
}
