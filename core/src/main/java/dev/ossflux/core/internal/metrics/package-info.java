/** Implementation detail of ossflux, shared between its modules; not API and subject to change. */
@NullMarked
package dev.ossflux.core.internal.metrics;

import org.jspecify.annotations.NullMarked;
