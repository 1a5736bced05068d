/**
 * The debugger's command language, in WinDbg's spelling where one exists ({@code vertarget}, {@code r},
 * {@code db}, {@code bp}, {@code g}, ...): parsing of addresses and ranges, the commands themselves, and how their
 * output looks. Independent of the terminal: the interactive prompt, {@code -c} and {@code --script} all feed it
 * lines.
 */
package dev.kdnet.host.shell;
