/** Callback template parsing shared by the client and the emulator; not API. */
@NullMarked
package dev.ossflux.core.internal.callback;

import org.jspecify.annotations.NullMarked;
