/**
 * The simulated target's KDNET NIC agent: one {@link dev.kdnet.sim.nic.TargetAgent} per port pokes the host
 * every 3 seconds, accepts the host's response, keys the data channel, keeps the data sequence numbers and hands
 * authenticated data bodies to the KD side ({@link dev.kdnet.sim.stub.KdEndpoint}). Bad network input is
 * counted by {@link dev.kdnet.protocol.drop.DropReason} and dropped.
 */
package dev.kdnet.sim.nic;
