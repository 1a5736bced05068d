package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.TargetState;
import dev.kdnet.host.api.TargetStatus;
import dev.kdnet.host.shell.ShellException;
import dev.kdnet.host.shell.StopText;
import dev.kdnet.host.shell.Targets;
import dev.kdnet.protocol.AddressText;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every target of a {@link DebuggerHost}, whichever ports they come to, and the one the prompt debugs: it attaches
 * to each target that handshakes (each port's debugger breaks in by itself; the roster waits for that, without a
 * deadline, and identifies the kernel), and announces what the targets do, through a sink the prompt prints above
 * itself: a target that attaches or attaches again after a reboot, a reboot, the stops of targets that are not
 * current, their DbgPrint output, and a target that goes silent. With more than one port every announcement starts
 * with the port in brackets, as the prompt does. Everything runs on the ports' event loops and one timer thread:
 * nothing here waits for a target, so one target never holds up another.
 */
final class TargetRoster implements Targets, AutoCloseable {
    /** How often the roster looks for targets that went silent. */
    static final Duration GONE_CHECK = Duration.ofSeconds(2);

    private final DebuggerHost host;
    private final boolean many;
    private final Duration selectWait;
    private final CompletableFuture<Debugger> first = new CompletableFuture<>();
    private final Set<Integer> attached = new HashSet<>();
    private final Set<Integer> gone = new HashSet<>();
    private final Map<Debugger, Consumer<DebuggerEvent>> listeners = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kdnet-roster");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Consumer<String> sink;
    private volatile Debugger current;

    private TargetRoster(DebuggerHost host, Duration selectWait, Consumer<String> sink) {
        this.host = host;
        this.many = host.debuggers().size() > 1;
        this.selectWait = selectWait;
        this.sink = sink;
    }

    /**
     * Watches every port of {@code host}, announcing to {@code sink} (one or more lines, each ending with a line
     * break); {@code .target} waits up to {@code selectWait} for a port's target to attach.
     */
    static TargetRoster watch(DebuggerHost host, Duration selectWait, Consumer<String> sink) {
        TargetRoster roster = new TargetRoster(host, selectWait, sink);
        for (Debugger debugger : host.debuggers()) {
            Consumer<DebuggerEvent> listener = event -> roster.heard(debugger, event);
            roster.listeners.put(debugger, listener);
            debugger.addListener(listener);
            roster.awaitAttach(debugger);
        }
        roster.timer.scheduleWithFixedDelay(roster::checkGone, GONE_CHECK.toMillis(), GONE_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
        return roster;
    }

    /** Completes with the first target that attached (it is then the current one and was announced). */
    CompletableFuture<Debugger> first() {
        return first;
    }

    /** Sends the announcements to {@code sink} from now on. */
    void announceTo(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public Debugger current() {
        return current;
    }

    @Override
    public String label() {
        return prefix(current.port());
    }

    @Override
    public List<TargetStatus> list() {
        return host.debuggers().stream().map(Debugger::status).toList();
    }

    @Override
    public void select(int port) {
        Debugger debugger = host.debuggers().stream().filter(d -> d.port() == port).findFirst().orElseThrow(() ->
                new ShellException("not listening on UDP " + port + "; the ports are " + host.server().config().portsText()));
        if (!awaitAttached(port)) {
            throw new ShellException("no target attached on UDP " + port + " yet (" + debugger.status().state()
                    .text() + "; .targets shows every port)");
        }
        current = debugger;
    }

    /** Waits up to the select wait for the target of {@code port} to attach; false if it did not. */
    private synchronized boolean awaitAttached(int port) {
        long deadline = System.nanoTime() + selectWait.toNanos();
        for (long left = selectWait.toNanos(); !attached.contains(port) && left > 0;
                left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return attached.contains(port);
    }

    /** Lets every attached target run again (as {@code q} does with one), each within its own request timeout. */
    void detachAll() {
        CompletableFuture.allOf(host.debuggers().stream().map(d -> d.async().detach().exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Stops the timer and the announcements. */
    @Override
    public void close() {
        timer.shutdownNow();
        listeners.forEach(Debugger::removeListener);
    }

    private String prefix(int port) {
        return many ? "[" + port + "] " : "";
    }

    private void awaitAttach(Debugger debugger) {
        debugger.async().whenAttached().thenAccept(version -> attachedNow(debugger, version));
    }

    /** On the port's loop: the target is attached and identified. */
    private void attachedNow(Debugger debugger, KernelVersion version) {
        boolean isFirst;
        synchronized (this) {
            attached.add(debugger.port());
            gone.remove(debugger.port());
            isFirst = current == null;
            if (isFirst) {
                current = debugger;
            }
            notifyAll();
        }
        if (isFirst || debugger != current) {
            debugger.async().stop().thenAccept(stop -> {
                announce(debugger, String.format("Connected to %s %d x64 target on UDP %d%n", version.product(),
                        version.buildNumber(), debugger.port()) + stop.map(StopText::describe).map(t -> t + "\n")
                        .orElse(""));
                if (isFirst) {
                    first.complete(debugger);
                }
            });
        }
    }

    /** On the port's loop: what the target did. */
    private void heard(Debugger debugger, DebuggerEvent event) {
        if (event instanceof DebuggerEvent.Printed printed) {
            announce(debugger, printed.text());
        } else if (event instanceof DebuggerEvent.Rebooted rebooted) {
            synchronized (this) {
                attached.remove(debugger.port());
            }
            announce(debugger, "Target " + AddressText.of(rebooted.target()) + " rebooted; attaching again\n");
        } else if (event instanceof DebuggerEvent.Reattached) {
            awaitAttach(debugger);
        } else if (event instanceof DebuggerEvent.Stopped stopped && debugger != current && isAttached(debugger)) {
            announce(debugger, StopText.describe(stopped.stop()) + "\n");
        }
    }

    private synchronized boolean isAttached(Debugger debugger) {
        return attached.contains(debugger.port());
    }

    /** On the timer thread: announces once each attached target that has gone silent. */
    private void checkGone() {
        List<Debugger> watched;
        synchronized (this) {
            watched = host.debuggers().stream().filter(d -> attached.contains(d.port()) && !gone.contains(d.port()))
                    .toList();
        }
        for (Debugger debugger : watched) {
            TargetStatus status = debugger.status();
            if (status.state() == TargetState.GONE) {
                synchronized (this) {
                    gone.add(debugger.port());
                }
                announce(debugger, "Target " + status.address().map(Object::toString).orElse("") + " silent for more"
                        + " than " + TargetStatus.GONE_AFTER.toSeconds() + " s: gone (switched off or unreachable)\n");
            }
        }
    }

    private void announce(Debugger debugger, String text) {
        String prefix = prefix(debugger.port());
        StringBuilder lines = new StringBuilder();
        text.lines().forEach(line -> lines.append(prefix).append(line).append('\n'));
        sink.accept(lines.toString());
    }
}
