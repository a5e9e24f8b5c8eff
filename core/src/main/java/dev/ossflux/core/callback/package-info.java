/**
 * Upload callbacks: {@link dev.ossflux.core.callback.Callback} describes the request OSS sends to
 * the application after storing an object.
 */
@NullMarked
package dev.ossflux.core.callback;

import org.jspecify.annotations.NullMarked;
