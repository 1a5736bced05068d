/**
 * The KD stub of the simulated target: the KD reliability link in the target role, the connect sequence of a
 * Windows kernel, break-in, and the answers to every manipulate API, over the simulated kernel.
 */
package dev.kdnet.sim.stub;
