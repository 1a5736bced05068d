/**
 * The {@code ./kdnet host} command line: a top-level command whose subcommands ({@code keygen}, {@code decode},
 * later {@code listen}, {@code demo}, …) are one class each, registered in {@link dev.kdnet.host.cli.HostCommand}.
 */
package dev.kdnet.host.cli;
