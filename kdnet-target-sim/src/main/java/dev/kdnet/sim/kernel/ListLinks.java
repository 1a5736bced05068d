package dev.kdnet.sim.kernel;

import java.util.List;

/**
 * Circular doubly linked lists of LIST_ENTRY (Flink at +0, Blink at +8) in kernel memory: head → first → … →
 * last → head forward, and the reverse through Blink.
 */
final class ListLinks {
    /** Bytes of a LIST_ENTRY. */
    static final int SIZE = 16;
    /** Offset of Blink. */
    static final int BLINK = 8;

    private ListLinks() {
    }

    /** Links {@code entries} (addresses of the LIST_ENTRY inside each element, in order) behind {@code head}. */
    static void link(KernelMemory memory, long head, List<Long> entries) {
        long previous = head;
        for (long entry : entries) {
            memory.putU64(previous, entry);
            memory.putU64(entry + BLINK, previous);
            previous = entry;
        }
        memory.putU64(previous, head);
        memory.putU64(head + BLINK, previous);
    }

    /** Makes {@code head} an empty list: Flink and Blink point at itself. */
    static void empty(KernelMemory memory, long head) {
        link(memory, head, List.of());
    }
}
