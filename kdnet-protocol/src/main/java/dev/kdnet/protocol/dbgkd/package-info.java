/**
 * DBGKD payload layouts of the 64-bit KD protocol on x64 (kd-protocol §3): what follows the 16-byte KD packet
 * header.
 *
 * <p>Payloads: {@link dev.kdnet.protocol.dbgkd.ManipulateState64} (KD_STATE_MANIPULATE, numbered by
 * {@link dev.kdnet.protocol.dbgkd.ManipulateApi}), {@link dev.kdnet.protocol.dbgkd.StateChange64}
 * (KD_STATE_CHANGE64), {@link dev.kdnet.protocol.dbgkd.DebugIo} (KD_DEBUG_IO) and
 * {@link dev.kdnet.protocol.dbgkd.FileIo} (KD_FILE_IO). Data blocks: {@link dev.kdnet.protocol.dbgkd.X64Context}
 * and {@link dev.kdnet.protocol.dbgkd.KSpecialRegisters}. Status values: {@link dev.kdnet.protocol.dbgkd.NtStatus}.
 *
 * <p>Round trips are byte-exact for any input of valid length: WinDbg leaves garbage in padding and unused union
 * bytes and a target must echo it, so every structure keeps the raw bytes of what it does not type, and the typed
 * {@link dev.kdnet.protocol.dbgkd.UnionView}s overwrite only their own fields. Decoders of network input return
 * {@link dev.kdnet.protocol.Decoded} and never throw; constructors throw {@link IllegalArgumentException} for
 * arrays of the wrong length or values too wide for their field. All integers are little-endian; 32-bit fields are
 * the raw bits of an {@code int}.
 */
package dev.kdnet.protocol.dbgkd;
