/**
 * The debugger API, an embeddable library: a {@link dev.kdnet.host.api.Debugger} per target session with blocking
 * calls (each runs on the session's event loop and waits with a timeout), typed failures, and an event stream.
 * Start with {@link dev.kdnet.host.api.DebuggerHost#start}.
 */
package dev.kdnet.host.api;
