/**
 * What both command lines ({@code ./kdnet host} and {@code ./kdnet target}) share beyond argument types: the
 * project's version for {@code --version}, and a help layout that never wraps an example command line.
 */
package dev.kdnet.protocol.cli;
