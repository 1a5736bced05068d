package dev.kdnet.sim.stub;

import dev.kdnet.protocol.dbgkd.ManipulateState64;

/** What the kernel does about one manipulate request (kd-protocol §3.2): most reply; a few act instead. */
sealed interface Answer {
    /** Send this reply and stay stopped. */
    record Reply(ManipulateState64 reply) implements Answer {
    }

    /** Resume the CPUs (Continue, Continue2), no reply. */
    record Resume(boolean singleStep, long dr7) implements Answer {
    }

    /** Report the stop again from {@code cpu} (SwitchProcessor), no manipulate reply. */
    record SwitchTo(int cpu) implements Answer {
    }

    /** Restart the machine (Reboot, CauseBugCheck), no reply. */
    record Restart(String why) implements Answer {
    }

    /** Nothing but the ACK (ClearAllInternalBreakpoints). */
    record Nothing() implements Answer {
    }
}
