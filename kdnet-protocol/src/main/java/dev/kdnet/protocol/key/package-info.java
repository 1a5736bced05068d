/**
 * KDNET keys: the user's {@code w.x.y.z} key string, the root key K and HMAC key H derived from it, and the
 * per-session data key D. No type here ever prints key material.
 */
package dev.kdnet.protocol.key;
