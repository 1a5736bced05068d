package dev.kdnet.protocol.args;

/**
 * bcdedit's {@code busparams b.d.f}: the PCI bus, device and function of the debugging NIC, in decimal.
 *
 * @param bus      0-255
 * @param device   0-31
 * @param function 0-7
 */
public record BusParams(int bus, int device, int function) {
    private static final int MAX_BUS = 255;
    private static final int MAX_DEVICE = 31;
    private static final int MAX_FUNCTION = 7;

    /** Checks the ranges; a value out of range is a {@link UsageException}. */
    public BusParams {
        if (bus < 0 || bus > MAX_BUS || device < 0 || device > MAX_DEVICE || function < 0 || function > MAX_FUNCTION) {
            throw new UsageException("busparams " + bus + "." + device + "." + function + " is out of range: bus 0-"
                    + MAX_BUS + ", device 0-" + MAX_DEVICE + ", function 0-" + MAX_FUNCTION);
        }
    }

    /**
     * Parses {@code b.d.f}.
     *
     * @throws UsageException e.g. {@code busparams "0.25" is not bus.device.function in decimal, like 0.25.0}
     */
    public static BusParams parse(String text) {
        if (!text.matches("[0-9]{1,3}\\.[0-9]{1,2}\\.[0-9]")) {
            throw new UsageException("busparams \"" + text + "\" is not bus.device.function in decimal, like 0.25.0");
        }
        String[] parts = text.split("\\.");
        return new BusParams(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    @Override
    public String toString() {
        return bus + "." + device + "." + function;
    }
}
