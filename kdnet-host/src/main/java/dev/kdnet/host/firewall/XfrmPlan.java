package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code --apply} and {@code --remove} run for xfrm: {@code ip xfrm policy deleteall} of exactly our entries
 * (selector, direction, priority and action all given), then one {@code ip xfrm policy add} per entry.
 */
public final class XfrmPlan {
    private XfrmPlan() {
    }

    /** Removes our entries of {@code sides}, then adds them again: applying twice adds nothing twice. */
    public static List<Command> apply(Scope scope, Set<Side> sides) {
        List<Command> commands = new ArrayList<>(remove(scope, sides));
        for (Side side : Side.values()) {
            if (sides.contains(side)) {
                XfrmRules.rules(scope, side).forEach(rule -> commands.add(Command.of(rule.text().split(" "))));
            }
        }
        return commands;
    }

    /** Deletes our entries of {@code sides}; deleting an absent entry is no error. */
    public static List<Command> remove(Scope scope, Set<Side> sides) {
        List<Command> commands = new ArrayList<>();
        for (Side side : Side.values()) {
            if (sides.contains(side)) {
                XfrmRules.deletions(scope, side).forEach(argv -> commands.add(new Command(argv, "")));
            }
        }
        return commands;
    }
}
