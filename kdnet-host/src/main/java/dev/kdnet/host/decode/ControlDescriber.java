package dev.kdnet.host.decode;

import dev.kdnet.protocol.control.ControlMessage;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.Poke;
import java.util.HexFormat;

/** Describes control-channel bodies: the target's poke, the host's response, the empty body. */
final class ControlDescriber {
    private static final HexFormat HEX = HexFormat.of();

    private ControlDescriber() {
    }

    /** The content of a decoded control message. */
    static Content describe(ControlMessage message) {
        if (message instanceof Poke poke) {
            return Content.of("CONTROL POKE/OFFER",
                    Field.word("nonce", HEX.formatHex(poke.nonce())),
                    Field.word("target", poke.target().toString()),
                    Field.word("host", poke.host().toString()),
                    Field.word("peer", poke.bound().toString()));
        }
        if (message instanceof ControlResponse response) {
            return Content.of("CONTROL RESPONSE",
                    Field.word("echoed-nonce", HEX.formatHex(response.echoedNonce())),
                    Field.word("host-nonce", HEX.formatHex(response.hostNonce())));
        }
        return Content.of("CONTROL EMPTY");
    }
}
