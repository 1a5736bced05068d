/**
 * Command-line argument types both command lines ({@code ./kdnet host} and {@code ./kdnet target}) read: a port, a
 * port range, an IPv4 address, an {@code ADDR:PORT} pair, a key, WinDbg's {@code -k net:} string and bcdedit's
 * {@code /dbgsettings} string. Each parses text strictly, without name lookups, and reports a mistake as a
 * {@link dev.kdnet.protocol.args.UsageException}: one line saying what was wrong and what would be right, never a
 * key.
 */
package dev.kdnet.protocol.args;
