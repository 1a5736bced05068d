package dev.kdnet.host.lab;

import dev.kdnet.protocol.args.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The IPsec condition the lab builds ({@code --ipsec}): xfrm policies that require ESP between the two end subnets,
 * which the KDNET stub (and the simulated target) cannot speak.
 */
public enum IpsecSpec {
    /** In and out policies on both ends, as a corporate IPsec domain has: nothing passes either way. */
    REQUIRE_ESP("require-esp", "IPsec requires ESP on both ends"),
    /**
     * One out policy on the debugging host only: the target's datagrams arrive, the host's replies never leave; the
     * target keeps poking because it never hears the answer.
     */
    REQUIRE_ESP_OUT("require-esp-out", "IPsec requires ESP for the host's replies only");

    /** What {@code --ipsec} takes, for messages and help. */
    public static final String FORMS = Arrays.stream(values()).map(IpsecSpec::text)
            .collect(Collectors.joining(" or "));

    private final String text;
    private final String description;

    IpsecSpec(String text, String description) {
        this.text = text;
        this.description = description;
    }

    /** The option's value that gives this condition. */
    public String text() {
        return text;
    }

    /** What the condition is, for the lab's first line. */
    public String description() {
        return description;
    }

    /** Reads {@code --ipsec}'s value; a one-line {@link UsageException} if it is none of {@link #FORMS}. */
    public static IpsecSpec parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(spec -> spec.text.equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("--ipsec " + value + " is not an IPsec condition the lab"
                        + " builds; expected " + FORMS));
    }
}
