package dev.kdnet.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@link SessionObserver} sees what a peer seals and every authentic datagram, even one whose body is bad. */
class SessionObserverTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 50000);

    @Test
    void seesSealedDatagramsAndOpenedOnesBeforeTheirBodyIsJudged() {
        List<Datagram> sealed = new ArrayList<>();
        List<Datagram> opened = new ArrayList<>();
        SessionPeer host = new SessionPeer(KdRole.HOST, KEY);
        SessionPeer target = new SessionPeer(KdRole.TARGET, KEY);
        host.observe(new SessionObserver() {
            @Override
            public void sealed(Datagram datagram) {
                sealed.add(datagram);
            }
        });
        target.observe(new SessionObserver() {
            @Override
            public void opened(InetSocketAddress sender, Datagram datagram) {
                assertThat(sender).isEqualTo(HOST);
                opened.add(datagram);
            }
        });

        target.receive(HOST, host.sealControl(4, 1, EmptyControl.INSTANCE.encode()));
        Inbound bad = target.receive(HOST, host.sealControl(4, 2, new byte[] {7}));
        target.receive(HOST, java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));

        Datagram empty = Datagram.of(4, Channel.CONTROL, 1, Direction.HOST_TO_TARGET, EmptyControl.INSTANCE.encode());
        Datagram malformed = Datagram.of(4, Channel.CONTROL, 2, Direction.HOST_TO_TARGET, new byte[] {7});
        assertThat(bad).isInstanceOf(Inbound.Dropped.class);
        assertThat(sealed).containsExactly(empty, malformed);
        assertThat(opened).as("garbage is never opened").containsExactly(empty, malformed);
    }
}
