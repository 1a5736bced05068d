package dev.kdnet.host.api;

import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.UnionView;

/** Sends one manipulate request to the stopped target and returns its reply (whatever its status). */
@FunctionalInterface
interface Requests {
    ManipulateState64 call(ManipulateApi api, int cpu, UnionView union, byte[] data);
}
