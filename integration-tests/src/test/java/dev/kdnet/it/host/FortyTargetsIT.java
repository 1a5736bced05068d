package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One host listening on 40 consecutive ports, 40 simulated targets on 127.0.0.2 sharing one two-thread transport:
 * each debugger attaches to its own kernel, and a marker written through one debugger lands in that kernel only.
 */
class FortyTargetsIT {
    private static final int TARGETS = 40;
    private static final int PAGE = 0x1000;

    private final Closer closer = new Closer();

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    @Timeout(60)
    void everyDebuggerAttachesToItsOwnKernel() throws Exception {
        int first = LoopbackTarget.freePorts(TARGETS);
        DebuggerHost host = closer.add(DebuggerHost.start(closer.transport,
                HostConfig.ofRange(DebuggerAttachIT.KEY, first, first + TARGETS - 1)
                        .withBindAddress(InetAddress.getByName("127.0.0.1")), DebuggerSettings.defaults()));
        List<LoopbackTarget> targets = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            targets.add(closer.add(LoopbackTarget.on(closer.transport, DebuggerAttachIT.KEY, first + i, 2,
                    KernelConfig.defaults())));
        }

        List<Long> scratch = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            Debugger debugger = host.debugger(first + i);
            KernelVersion version = debugger.attach(DebuggerAttachIT.ATTACH);
            SimulatedKernel kernel = targets.get(i).kernel();
            assertThat(version.buildNumber()).isEqualTo(19041);
            assertThat(version.kernelBase()).isEqualTo(kernel.version().kernBase());
            assertThat(debugger.readVirtual(version.kernelBase(), PAGE).bytes())
                    .isEqualTo(kernel.memory().read(version.kernelBase(), PAGE));
            long address = debugger.context(0).get(X64Register.RSP) - 0x2000;
            assertThat(debugger.writeVirtual(address, marker(i))).isEqualTo(8);
            scratch.add(address);
        }

        Set<SimulatedKernel> kernels = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < TARGETS; i++) {
            SimulatedKernel kernel = targets.get(i).kernel();
            kernels.add(kernel);
            assertThat(host.debugger(first + i).readVirtual(scratch.get(i), 8).bytes()).as("target %d", i)
                    .isEqualTo(marker(i));
            assertThat(kernel.memory().read(scratch.get(i), 8)).as("kernel %d", i).isEqualTo(marker(i));
            assertThat(host.debugger(first + i).stats().handshakes()).isEqualTo(1);
        }
        assertThat(kernels).hasSize(TARGETS);
    }

    private static byte[] marker(int target) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x4B44_4E45_5400_0000L | target)
                .array();
    }
}
