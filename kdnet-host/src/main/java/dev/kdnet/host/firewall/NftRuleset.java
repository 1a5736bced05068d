package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code nft -a list ruleset} says about the chains: which are base chains at the input hook, and the handles
 * of the rules tagged {@code comment "kdnet"}.
 *
 * @param tables every table as {@code family name}, e.g. {@code inet filter}
 * @param chains every chain, in listing order
 */
public record NftRuleset(List<String> tables, List<Chain> chains) {
    private static final Pattern TABLE = Pattern.compile("^table (\\S+) (\\S+) \\{");
    private static final Pattern CHAIN = Pattern.compile("^\\s+chain (\\S+) \\{");
    private static final Pattern INPUT_HOOK = Pattern.compile("^\\s+type \\S+ hook input priority ");
    private static final Pattern HANDLE = Pattern.compile("# handle (\\d+)\\s*$");
    private static final String TAGGED = "comment \"" + NftablesRules.TAG + "\"";

    /**
     * One chain.
     *
     * @param family      the table's family, e.g. {@code inet}
     * @param table       the table's name
     * @param name        the chain's name
     * @param inputHook   true for a base chain at the input hook
     * @param taggedRules handles of the rules tagged {@code kdnet}
     */
    public record Chain(String family, String table, String name, boolean inputHook, List<Integer> taggedRules) {
        /** Copies the handles. */
        public Chain {
            taggedRules = List.copyOf(taggedRules);
        }

        /** True for our own table's chains. */
        boolean ours() {
            return family.equals(NftablesRules.FAMILY) && table.equals(NftablesRules.TABLE);
        }

        /** True for an IPv4-capable ({@code ip} or {@code inet}) input base chain of another table. */
        boolean filtersIpv4Input() {
            return inputHook && !ours() && (family.equals("ip") || family.equals("inet"));
        }
    }

    /** Copies the lists. */
    public NftRuleset {
        tables = List.copyOf(tables);
        chains = List.copyOf(chains);
    }

    /** Reads the listing of {@code nft -a list ruleset}. */
    public static NftRuleset parse(String listing) {
        List<String> tables = new ArrayList<>();
        List<Chain> chains = new ArrayList<>();
        String family = null;
        String table = null;
        String chain = null;
        boolean inputHook = false;
        List<Integer> tagged = new ArrayList<>();
        for (String line : listing.lines().toList()) {
            Matcher tableLine = TABLE.matcher(line);
            Matcher chainLine = CHAIN.matcher(line);
            if (tableLine.find()) {
                family = tableLine.group(1);
                table = tableLine.group(2);
                tables.add(family + " " + table);
            } else if (chainLine.find() && table != null) {
                chain = chainLine.group(1);
                inputHook = false;
                tagged = new ArrayList<>();
            } else if (chain != null && line.strip().equals("}")) {
                chains.add(new Chain(family, table, chain, inputHook, tagged));
                chain = null;
            } else if (chain != null && INPUT_HOOK.matcher(line).find()) {
                inputHook = true;
            } else if (chain != null && line.contains(TAGGED)) {
                Matcher handle = HANDLE.matcher(line);
                if (handle.find()) {
                    tagged.add(Integer.parseInt(handle.group(1)));
                }
            }
        }
        return new NftRuleset(tables, chains);
    }

    /** True when our table ({@code inet kdnet}) exists. */
    public boolean hasOurTable() {
        return tables.contains(NftablesRules.FAMILY + " " + NftablesRules.TABLE);
    }
}
