package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ManipulateState64;
import java.util.concurrent.CompletableFuture;

/** Sends one manipulate request to the stopped target; completes, on the event loop, with its reply. */
@FunctionalInterface
interface Requester {
    /** Sends {@code request}; the future fails with a {@link DebuggerException} if no reply can come. */
    CompletableFuture<ManipulateState64> call(ManipulateState64 request);
}
