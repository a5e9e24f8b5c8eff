/** OSS XML bodies, shared by the client and the emulator; not API and subject to change. */
@NullMarked
package dev.ossflux.core.internal.xml;

import org.jspecify.annotations.NullMarked;
