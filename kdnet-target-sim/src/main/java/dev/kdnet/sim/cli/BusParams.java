package dev.kdnet.sim.cli;

/**
 * bcdedit's {@code busparams b.d.f}: the PCI bus, device and function of the debugging NIC, in decimal. The
 * simulator has no PCI bus; the value is checked, reported and otherwise ignored.
 *
 * @param bus      0..255
 * @param device   0..31
 * @param function 0..7
 */
record BusParams(int bus, int device, int function) {
    /** Parses {@code b.d.f}. */
    static BusParams parse(String text) {
        if (!text.matches("[0-9]{1,3}\\.[0-9]{1,2}\\.[0-9]")) {
            throw new UsageException("busparams \"" + text + "\" is not bus.device.function in decimal, like 0.25.0");
        }
        String[] parts = text.split("\\.");
        int bus = Integer.parseInt(parts[0]);
        int device = Integer.parseInt(parts[1]);
        int function = Integer.parseInt(parts[2]);
        if (bus > 255 || device > 31 || function > 7) {
            throw new UsageException("busparams " + text + " is out of range: bus 0-255, device 0-31, function 0-7");
        }
        return new BusParams(bus, device, function);
    }

    @Override
    public String toString() {
        return bus + "." + device + "." + function;
    }
}
