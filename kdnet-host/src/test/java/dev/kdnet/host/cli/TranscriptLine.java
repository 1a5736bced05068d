package dev.kdnet.host.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a decode line says about a frame's packet, read the same way from our output and from the reference
 * transcript {@code windbg-uncut.decoded.txt}: the frame number, the packet kind, the manipulate API and the KD id.
 *
 * @param frame the frame number
 * @param kind  {@code CONTROL POKE/OFFER}, {@code CONTROL RESPONSE}, {@code KD UNUSED}, {@code KD DATA <TYPE>} or
 *              {@code KD CTRL <TYPE>}
 * @param api   the manipulate API name of a STATE_MANIPULATE packet
 * @param id    the KD id, {@code 0x%08x}
 */
record TranscriptLine(long frame, String kind, Optional<String> api, Optional<String> id) {
    private static final Pattern LINE = Pattern.compile(
            "^#(\\d+)\\s.*?HMAC=ok\\S* (CONTROL \\S+|KD UNUSED|KD (?:DATA|CTRL) \\S+)(.*)$");
    private static final Pattern API = Pattern.compile("cksum=\\S+ (\\w+)");
    private static final Pattern ID = Pattern.compile("(?<![\\w-])id=(0x[0-9a-f]{8})");

    /** Reads a frame line; fails on anything else. */
    static TranscriptLine parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a verified frame line: " + line);
        }
        String kind = m.group(2);
        String rest = m.group(3);
        Optional<String> api = kind.equals("KD DATA STATE_MANIPULATE") ? find(API, rest) : Optional.empty();
        return new TranscriptLine(Long.parseLong(m.group(1)), kind, api, find(ID, rest));
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
