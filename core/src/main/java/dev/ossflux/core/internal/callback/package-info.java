/**
 * Callback template parsing and the callback string to sign, shared by the client, the verifier and
 * the emulator; not API.
 */
@NullMarked
package dev.ossflux.core.internal.callback;

import org.jspecify.annotations.NullMarked;
