/** Implementation detail of ossflux, shared between its modules; not API and subject to change. */
@NullMarked
package dev.ossflux.core.internal.budget;

import org.jspecify.annotations.NullMarked;
