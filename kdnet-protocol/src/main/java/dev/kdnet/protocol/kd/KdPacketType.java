package dev.kdnet.protocol.kd;

import java.util.Map;

/**
 * A KD packet type (kd-protocol §1.2). An open value class: the known types are constants, and any other 16-bit
 * number decodes to an instance named {@code UNKNOWN(n)} that encodes back to the same number.
 */
public final class KdPacketType {
    /** KDNET's 12-byte hello (type 0). */
    public static final KdPacketType UNUSED = new KdPacketType(0, "UNUSED");
    /** Obsolete 32-bit state change. */
    public static final KdPacketType STATE_CHANGE32 = new KdPacketType(1, "STATE_CHANGE32");
    /** DBGKD_MANIPULATE_STATE64 request or reply. */
    public static final KdPacketType STATE_MANIPULATE = new KdPacketType(2, "STATE_MANIPULATE");
    /** PrintString / GetString. */
    public static final KdPacketType DEBUG_IO = new KdPacketType(3, "DEBUG_IO");
    /** Control: acknowledges a data packet by id. */
    public static final KdPacketType ACKNOWLEDGE = new KdPacketType(4, "ACKNOWLEDGE");
    /** Control: asks the peer to send its outstanding data packet again. */
    public static final KdPacketType RESEND = new KdPacketType(5, "RESEND");
    /** Control: resynchronises packet ids. */
    public static final KdPacketType RESET = new KdPacketType(6, "RESET");
    /** DBGKD_ANY_WAIT_STATE_CHANGE: the target stopped (exception, load symbols, command string). */
    public static final KdPacketType STATE_CHANGE64 = new KdPacketType(7, "STATE_CHANGE64");
    /** Never on the wire: a target-internal receive argument. */
    public static final KdPacketType POLL_BREAKIN = new KdPacketType(8, "POLL_BREAKIN");
    /** Trace buffers. */
    public static final KdPacketType TRACE_IO = new KdPacketType(9, "TRACE_IO");
    /** Hardware breakpoint request/release. */
    public static final KdPacketType CONTROL_REQUEST = new KdPacketType(10, "CONTROL_REQUEST");
    /** Boot-loader file I/O (CreateFile, ReadFile, ...). */
    public static final KdPacketType FILE_IO = new KdPacketType(11, "FILE_IO");

    private static final Map<Integer, KdPacketType> KNOWN = Map.ofEntries(
            entry(UNUSED), entry(STATE_CHANGE32), entry(STATE_MANIPULATE), entry(DEBUG_IO), entry(ACKNOWLEDGE),
            entry(RESEND), entry(RESET), entry(STATE_CHANGE64), entry(POLL_BREAKIN), entry(TRACE_IO),
            entry(CONTROL_REQUEST), entry(FILE_IO));

    private final int value;
    private final String name;

    private KdPacketType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    private static Map.Entry<Integer, KdPacketType> entry(KdPacketType type) {
        return Map.entry(type.value, type);
    }

    /** The type for a wire value 0..65535: a known constant, or an {@code UNKNOWN(n)} instance. */
    public static KdPacketType valueOf(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("packet type " + value + " does not fit in 16 bits");
        }
        KdPacketType known = KNOWN.get(value);
        return known != null ? known : new KdPacketType(value, "UNKNOWN(" + value + ")");
    }

    /** The 16-bit number on the wire. */
    public int value() {
        return value;
    }

    /** The name, e.g. {@code STATE_MANIPULATE}, or {@code UNKNOWN(n)}. */
    public String name() {
        return name;
    }

    /** True for ACKNOWLEDGE, RESEND and RESET, the types that travel as 16-byte control packets. */
    public boolean isControl() {
        return value >= ACKNOWLEDGE.value && value <= RESET.value;
    }

    /** True if this is one of the types kd-protocol §1.2 names. */
    public boolean isKnown() {
        return KNOWN.containsKey(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdPacketType t && t.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
