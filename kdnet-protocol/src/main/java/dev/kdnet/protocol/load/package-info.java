/**
 * What a load test and the simulated target agree on without talking: the seeded contents of the simulator's load
 * region, so every byte a load test reads can be checked.
 */
package dev.kdnet.protocol.load;
