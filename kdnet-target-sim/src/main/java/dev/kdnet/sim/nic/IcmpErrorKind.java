package dev.kdnet.sim.nic;

/**
 * What an ICMP error that came back for a target's datagram says, by ICMP type and code (RFC 792, RFC 1812).
 * Declared in the order a diagnosis prefers them when counts tie.
 */
public enum IcmpErrorKind {
    /** Type 3 code 3: nothing listens on the port, or a firewall REJECTs the datagram with this code. */
    PORT_UNREACHABLE("port unreachable"),
    /** Type 3 codes 9, 10, 13: a firewall REJECTs the datagram as administratively prohibited. */
    PROHIBITED("administratively prohibited"),
    /** Type 11: the TTL ran out at a router (or reassembly timed out). */
    TIME_EXCEEDED("time exceeded"),
    /** Type 3 codes 0, 6, 11: a router has no route to the destination's network. */
    NETWORK_UNREACHABLE("network unreachable"),
    /** Type 3 codes 1, 7, 12: the destination does not answer on its last link (ARP gets no reply). */
    HOST_UNREACHABLE("host unreachable"),
    /** Type 3 code 4: a link is narrower than the datagram, which has DF set. */
    FRAGMENTATION_NEEDED("fragmentation needed"),
    /** Any other ICMP error (protocol unreachable, source route failed, parameter problem, ...). */
    OTHER("error");

    /** ICMP type destination unreachable. */
    static final int DESTINATION_UNREACHABLE = 3;
    /** ICMP type time exceeded. */
    static final int TIME_EXCEEDED_TYPE = 11;

    private static final int NET_UNREACHABLE = 0;
    private static final int HOST_UNREACHABLE_CODE = 1;
    private static final int PORT_UNREACHABLE_CODE = 3;
    private static final int FRAG_NEEDED = 4;
    private static final int NET_UNKNOWN = 6;
    private static final int HOST_UNKNOWN = 7;
    private static final int NET_PROHIBITED = 9;
    private static final int HOST_PROHIBITED = 10;
    private static final int NET_UNREACHABLE_FOR_TOS = 11;
    private static final int HOST_UNREACHABLE_FOR_TOS = 12;
    private static final int COMMUNICATION_PROHIBITED = 13;

    private final String description;

    IcmpErrorKind(String description) {
        this.description = description;
    }

    /** How log lines and verdicts name it, e.g. {@code port unreachable}. */
    public String description() {
        return description;
    }

    /** The kind of an ICMP error of {@code type} and {@code code}. */
    public static IcmpErrorKind of(int type, int code) {
        if (type == TIME_EXCEEDED_TYPE) {
            return TIME_EXCEEDED;
        }
        if (type != DESTINATION_UNREACHABLE) {
            return OTHER;
        }
        return switch (code) {
            case PORT_UNREACHABLE_CODE -> PORT_UNREACHABLE;
            case NET_PROHIBITED, HOST_PROHIBITED, COMMUNICATION_PROHIBITED -> PROHIBITED;
            case NET_UNREACHABLE, NET_UNKNOWN, NET_UNREACHABLE_FOR_TOS -> NETWORK_UNREACHABLE;
            case HOST_UNREACHABLE_CODE, HOST_UNKNOWN, HOST_UNREACHABLE_FOR_TOS -> HOST_UNREACHABLE;
            case FRAG_NEEDED -> FRAGMENTATION_NEEDED;
            default -> OTHER;
        };
    }
}
