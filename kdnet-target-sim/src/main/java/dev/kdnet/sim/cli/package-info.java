/**
 * The {@code ./kdnet target} command line: bcdedit-style settings ({@code --hostip --port --key} or
 * {@code --dbgsettings "net hostip:… port:… key:…"}), one simulated target per port, running until stopped.
 */
package dev.kdnet.sim.cli;
