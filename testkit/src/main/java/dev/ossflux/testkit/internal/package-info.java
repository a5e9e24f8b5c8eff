/** The emulator's implementation; not API and subject to change. */
@NullMarked
package dev.ossflux.testkit.internal;

import org.jspecify.annotations.NullMarked;
