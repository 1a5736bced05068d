package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kdnet host doctor} as a process on loopback, watching a simulated target's jar poke (right key, wrong
 * key) and a sender of other datagrams; it never answers, so the target keeps poking unbound.
 */
class HostDoctorIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String LISTEN_FOR = "4s";

    private static JarProcess target(int port) throws Exception {
        JarProcess target = JarProcess.start(JarProcess.TARGET_JAR, List.of("--hostip", "127.0.0.1", "--port",
                Integer.toString(port), "--key", "1.2.3.4", "--local-ip", "127.0.0.2"));
        await().atMost(LIMIT).until(() -> target.transcript().contains("poking"));
        return target;
    }

    private static JarProcess doctor(int port, String key) throws Exception {
        return JarProcess.start(JarProcess.HOST_JAR, List.of("doctor", "--port", Integer.toString(port), "--key", key,
                "--for", LISTEN_FOR));
    }

    @Test
    void aTargetWithTheRightKeyIsVerifiedZeroHopsAwayAndExitsZero() throws Exception {
        int port = LoopbackTarget.freeKdnetPort();
        try (JarProcess target = target(port); JarProcess doctor = doctor(port, "1.2.3.4")) {
            assertThat(doctor.exitCode(LIMIT)).as(doctor.transcript()).isZero();
            List<String> lines = doctor.outLines();
            assertThat(lines).as(doctor.transcript()).anyMatch(l -> l.startsWith("from 127.0.0.2:" + port
                    + " to UDP " + port + ": ") && l.contains("HMAC verified") && l.endsWith("TTL 16: 0 hops away"));
            assertThat(lines.get(lines.size() - 1)).isEqualTo("verdict: target 127.0.0.2 reaches UDP " + port
                    + " with this key (0 hops away): a host listen on this port should attach");
        }
    }

    @Test
    void aWrongKeyIsAKeyMismatchAndExitsOne() throws Exception {
        int port = LoopbackTarget.freeKdnetPort();
        try (JarProcess target = target(port); JarProcess doctor = doctor(port, "9.9.9.9")) {
            assertThat(doctor.exitCode(LIMIT)).as(doctor.transcript()).isEqualTo(1);
            List<String> lines = doctor.outLines();
            assertThat(lines.get(lines.size() - 1)).isEqualTo("verdict: datagrams arrive from 127.0.0.2 but none"
                    + " verifies with this key: the key does not match");
        }
    }

    @Test
    void datagramsOfAnotherProgramAreNotKdnet() throws Exception {
        int port = LoopbackTarget.freeKdnetPort();
        byte[] hello = "hello from another program".getBytes(StandardCharsets.US_ASCII);
        try (JarProcess doctor = doctor(port, "1.2.3.4");
                DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.3"),
                        0))) {
            await().atMost(LIMIT).until(() -> doctor.transcript().contains("without answering"));
            for (int sent = 0; sent < 100 && !exited(doctor); sent++) {
                other.send(new DatagramPacket(hello, hello.length, InetAddress.getByName("127.0.0.1"), port));
                Thread.sleep(100);
            }
            assertThat(doctor.exitCode(LIMIT)).as(doctor.transcript()).isEqualTo(1);
            List<String> lines = doctor.outLines();
            assertThat(lines).anyMatch(l -> l.startsWith("from 127.0.0.3:") && l.contains("not KDNET (no MDBG"));
            assertThat(lines.get(lines.size() - 1)).startsWith("verdict: no KDNET datagram arrives on UDP " + port
                    + " (only other programs' datagrams, from 127.0.0.3)");
        }
    }

    private static boolean exited(JarProcess process) {
        try {
            process.exitCode(Duration.ZERO);
            return true;
        } catch (Exception stillRunning) {
            return false;
        }
    }
}
