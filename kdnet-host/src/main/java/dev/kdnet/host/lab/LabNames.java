package dev.kdnet.host.lab;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of labs' namespaces: {@code kdn-L<pid>-<4 hex digits>-<node>}, so runs never collide and a lab whose
 * process died before it could remove its namespaces (killed with SIGKILL, say) is recognised by the next run.
 */
public final class LabNames {
    /** The start every lab namespace name has. */
    public static final String START = "kdn-L";
    private static final Pattern LAB_NAMESPACE = Pattern.compile(Pattern.quote(START) + "(\\d+)-[0-9a-f]{4}-\\S+");
    private static final int SUFFIX_BYTES = 2;

    private LabNames() {
    }

    /** A fresh prefix for a lab of process {@code pid}, e.g. {@code kdn-L4242-09af}. */
    public static String prefix(long pid, Random random) {
        byte[] suffix = new byte[SUFFIX_BYTES];
        random.nextBytes(suffix);
        return START + pid + "-" + HexFormat.of().formatHex(suffix);
    }

    /**
     * The lab namespaces in {@code ip netns list}'s output whose process no longer runs by {@code alive}; other
     * namespaces, a live lab's included, are never named.
     */
    public static List<String> stale(String netnsList, LongPredicate alive) {
        return netnsList.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+")[0]).filter(name -> {
                    Matcher matcher = LAB_NAMESPACE.matcher(name);
                    return matcher.matches() && !alive.test(Long.parseLong(matcher.group(1)));
                }).toList();
    }

    /** The lab namespaces of any run, live or not, in {@code ip netns list}'s output. */
    public static List<String> all(String netnsList) {
        return stale(netnsList, pid -> false);
    }
}
