/**
 * Firewall and IPsec exceptions for KDNET's UDP ports, as plain text and as changes to this machine.
 *
 * <p>The public API other parts of the host use (the host doctor prints "the exact rule that fixes it"):
 * <pre>{@code
 * Scope scope = Scope.of(PortRange.parse("50000-50039"), Optional.of(Cidr.parse("--target", "10.0.0.0/24")),
 *         Optional.empty(), Side.PRINTED);
 * String text = Rules.forPorts(RuleFormat.NFTABLES, scope).text();
 * }</pre>
 * {@link dev.kdnet.host.firewall.RuleFormat} names every format ({@code windows-powershell}, {@code windows-netsh},
 * {@code nftables}, {@code iptables}, {@code firewalld}, {@code ufw}, {@code xfrm}, {@code strongswan}); each has one
 * generator class, a pure function from a {@link dev.kdnet.host.firewall.Scope} to a
 * {@link dev.kdnet.host.firewall.RuleSet} whose every rule carries one comment line saying what it does.
 * {@link dev.kdnet.host.firewall.NftablesRules#acceptAtHead} is the single rule that lets the ports through an
 * existing input chain of another table (an accept in our own table does not override a drop there).
 *
 * <p>Applying ({@code --apply}, {@code --remove}) is planned as values ({@link dev.kdnet.host.firewall.Command}s
 * computed from the rule set and from the text of {@code nft -a list ruleset} or {@code iptables-save}) and only then
 * run by {@link dev.kdnet.host.firewall.CommandRunner}. What {@code --apply} adds and {@code --remove} removes:
 * <ul>
 * <li>nftables: the table {@code inet kdnet} (an input chain at priority -10 accepting the ports), and one accept rule
 * with the comment {@code "kdnet"} at the head of every other input base chain of the {@code ip} and {@code inet}
 * families, because a drop in any base chain at the input hook drops the packet whatever another table accepted;
 * <li>iptables: the chain {@code kdnet} accepting the ports, and the jump {@code -m comment --comment kdnet -j kdnet}
 * inserted as rule 1 of {@code INPUT};
 * <li>xfrm: one {@code action allow} policy per port and direction, selector {@code proto udp dport P} between
 * {@code --target} and {@code --host}, at priority {@value dev.kdnet.host.firewall.XfrmRules#BYPASS_PRIORITY}.
 * </ul>
 * Applying first removes what an earlier apply added, so applying twice adds nothing twice.
 */
package dev.kdnet.host.firewall;
