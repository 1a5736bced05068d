/**
 * The target doctor ({@code ./kdnet target --doctor}): a simulated target placed where the real one will sit runs
 * for a bounded time and says in one line what the path did to its datagrams. The decision is a pure function of
 * what the agent counted ({@link dev.kdnet.sim.doctor.PathVerdict}); only {@link dev.kdnet.sim.doctor.TargetDoctor}
 * touches sockets.
 */
package dev.kdnet.sim.doctor;
