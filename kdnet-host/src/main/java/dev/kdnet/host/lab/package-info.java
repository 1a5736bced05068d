/**
 * The namespace lab ({@code ./kdnet lab}): a debugging host, a simulated target and routers between them in Linux
 * network namespaces, with the firewall, NAT and IPsec conditions a real network puts in the way. {@link
 * dev.kdnet.host.lab.LabPlan} turns the options into the commands that build and remove it (pure, tested without
 * root); {@link dev.kdnet.host.lab.LabNetwork} runs them and always removes what it built.
 */
package dev.kdnet.host.lab;
