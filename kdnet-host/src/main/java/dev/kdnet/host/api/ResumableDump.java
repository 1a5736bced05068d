package dev.kdnet.host.api;

import java.time.Duration;

/**
 * A physical-memory read that goes on across target reboots. When a request fails because the target handshook
 * again (it rebooted), the dump waits for the debugger to attach again, says so through
 * {@link Progress#resumedAfterReboot}, and asks for the first byte it has not received; a failure with no reboot
 * behind it ends the dump as it would end a plain read.
 */
final class ResumableDump {
    /** What the dump needs from its debugger. */
    interface Debuggee {
        /** How many times the target has handshaken again (rebooted) so far. */
        long reboots();

        /** The CPU to read on; a {@link DebuggerException} if the target is not stopped. */
        int stoppedCpu();

        /** Waits up to {@code timeout} until the debugger has attached again. */
        void attachAgain(Duration timeout);
    }

    private final MemoryAccess memory;
    private final Debuggee target;

    ResumableDump(MemoryAccess memory, Debuggee target) {
        this.memory = memory;
        this.target = target;
    }

    /**
     * Reads {@code length} bytes of physical memory from {@code address}, across any number of reboots.
     *
     * @throws NotAttachedException if the target rebooted and did not attach again within {@code reattachTimeout}
     *                              (the message says how far the dump got)
     */
    MemoryRead read(long address, int length, Progress progress, Duration reattachTimeout) {
        ReadBuffer dump = new ReadBuffer(address, length);
        long reboots = target.reboots();
        boolean rebooted = false;
        while (true) {
            try {
                if (rebooted) {
                    attachAgain(dump, reattachTimeout);
                    rebooted = false;
                    progress.resumedAfterReboot(dump.received(), length);
                }
                memory.readInto(MemorySpace.PHYSICAL, target.stoppedCpu(), dump, progress);
                return dump.result();
            } catch (DebuggerException e) {
                if (target.reboots() == reboots) {
                    throw e;
                }
                reboots = target.reboots();
                rebooted = true;
            }
        }
    }

    private void attachAgain(ReadBuffer dump, Duration timeout) {
        try {
            target.attachAgain(timeout);
        } catch (NotAttachedException e) {
            throw new NotAttachedException(String.format("the target rebooted at 0x%X of 0x%X bytes of the dump"
                    + " and did not attach again: %s", dump.received(), dump.length(), e.getMessage()));
        }
    }
}
